import type { UseQueryResult } from '@tanstack/react-query';
import { Table, type TableProps } from 'antd';
import type { SorterResult, TablePaginationConfig } from 'antd/es/table/interface';
import type { Page } from '../../api/contract.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface ListControls {
  state: { page: number; pageSize: number };
  onTableChange: <T>(
    pagination: TablePaginationConfig,
    filters: unknown,
    sorter: SorterResult<T> | SorterResult<T>[],
  ) => void;
}

type Props<T> = Omit<TableProps<T>, 'dataSource' | 'pagination' | 'onChange'> & {
  /** The list's URL state (useListParams): page, size and sort go to the server. */
  list: ListControls;
  query: UseQueryResult<Page<T>>;
};

/**
 * A server-paged list: the page of rows the query holds, its total, the page-size changer, and
 * every page/sort change sent back through the URL (useListParams). Loading shows while the
 * query fetches; pass `loading` for lists that refetch in the background (polling).
 */
export function ListTable<T extends object>({ list, query, ...table }: Props<T>) {
  const { t } = useI18n();
  return (
    <Table<T>
      size="middle"
      loading={query.isFetching}
      locale={{ emptyText: t.common.empty }}
      scroll={{ x: 'max-content' }}
      className="list-table"
      {...table}
      dataSource={query.data?.items ?? []}
      onChange={(pagination, filters, sorter) => list.onTableChange(pagination, filters, sorter)}
      pagination={{
        current: list.state.page,
        pageSize: list.state.pageSize,
        total: query.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => t.common.total(total),
      }}
    />
  );
}

import type { UseQueryResult } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { BatchView, Page } from '../../api/contract.js';
import type { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { RouteTag } from '../units/route-tag.js';
import { BatchDocuments } from './batch-documents.js';

export const BATCH_LIST = {
  sortable: ['number', 'createdAt', 'cardCount'],
  sort: 'number',
  order: 'desc',
  filters: ['route', 'state'],
} as const;

type BatchList = ReturnType<typeof useListParams<(typeof BATCH_LIST.sortable)[number]>>;

interface Props {
  list: BatchList;
  query: Pick<UseQueryResult<Page<BatchView>>, 'data' | 'isFetching'>;
  emptyText?: string;
  /** Hide the unit column on a unit's own page. */
  showUnit?: boolean;
  showDocuments?: boolean;
  /** The row's action (pickup, reconcile…); the batch number links to the batch anyway. */
  action?: (row: BatchView) => ReactNode;
}

/** Batches, paged, sorted and filtered by the API (the list's params live in the URL). */
export function BatchTable(props: Props) {
  const { list, query, showUnit = true, showDocuments = true, action, emptyText } = props;
  const { t, label } = useI18n();
  const c = t.distribution.batches.columns;
  const columns: ColumnsType<BatchView> = [
    {
      title: c.number,
      key: 'number',
      sorter: true,
      sortOrder: list.sortOrderOf('number'),
      render: (_, row) => <Link to={`/batches/${row.id}`}>{row.number}</Link>,
    },
    ...(showUnit
      ? [
          {
            title: c.unit,
            key: 'unit',
            render: (_: unknown, row: BatchView) => (
              <Link to={`/units/${row.unit.id}`}>{row.unit.name}</Link>
            ),
          },
        ]
      : []),
    { title: c.route, key: 'route', render: (_, row) => <RouteTag route={row.route} /> },
    {
      title: c.state,
      key: 'state',
      render: (_, row) => <Tag data-state={row.state}>{label(row.stateLabel)}</Tag>,
    },
    {
      title: c.cardCount,
      key: 'cardCount',
      dataIndex: 'cardCount',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('cardCount'),
    },
    {
      title: c.deadline,
      key: 'deadline',
      render: (_, row) => row.pickupDeadline ?? t.common.none,
    },
    ...(showDocuments
      ? [
          {
            title: c.documents,
            key: 'documents',
            render: (_: unknown, row: BatchView) => <BatchDocuments batch={row} link />,
          },
        ]
      : []),
    ...(action
      ? [{ title: c.actions, key: 'actions', render: (_: unknown, row: BatchView) => action(row) }]
      : []),
  ];
  return (
    <Table<BatchView>
      rowKey="id"
      size="middle"
      loading={query.isFetching}
      dataSource={query.data?.items ?? []}
      locale={{ emptyText: emptyText ?? t.common.empty }}
      scroll={{ x: 'max-content' }}
      className="list-table"
      onChange={list.onTableChange}
      pagination={{
        current: list.state.page,
        pageSize: list.state.pageSize,
        total: query.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => t.common.total(total),
      }}
      columns={columns}
    />
  );
}

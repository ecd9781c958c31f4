import { PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Typography } from 'antd';
import type { MovedAwayItem } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { ListToolbar } from '../../components/list/list-toolbar.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import './moved-print.css';

/** By class, as a teacher goes through the list; one page holds a whole unit's list. */
const LIST = {
  sortable: ['className', 'holderName', 'cardNumber'],
  sort: 'className',
  order: 'asc',
  pageSize: 200,
  filters: [],
} as const;

/**
 * N-2.4b: the original unit's list of children who changed school (N-2.4a) and whose cards are
 * still here, with the contact at the child's current school — the way the unit reaches the
 * parents — and the collection deadline from the distribution policy (the API sends it).
 * Prints on A4 (moved-print.css) with a blank column for the contact notes.
 */
export function UnitMovedPage() {
  const { t } = useI18n();
  const m = t.unitMoved;
  const c = m.columns;
  const list = useListParams(LIST);
  const query = useQuery({
    queryKey: ['moved-away', list.query],
    queryFn: ({ signal }) => districtApi.movedAway(list.query, { signal }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const first = (list.state.page - 1) * list.state.pageSize;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title no-print">
        {m.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="no-print">
        {m.intro}
      </Typography.Paragraph>
      <Space wrap className="no-print">
        <Button
          type="primary"
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => window.print()}
        >
          {m.print}
        </Button>
        <Typography.Text type="secondary">{m.printHint}</Typography.Text>
      </Space>
      {data?.overdue ? (
        <Alert
          type="warning"
          showIcon
          className="no-print"
          title={m.overdue(data.deadline, data.today)}
        />
      ) : null}
      <div className="no-print">
        <ListToolbar
          search={list.state.search}
          searchLabel={m.searchPlaceholder}
          onSearch={list.setSearch}
        />
      </div>
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <article className="moved-sheet" aria-labelledby="moved-title">
        <h2 id="moved-title" className="moved-title">
          {data?.unit ? m.sheetTitle(data.unit.name) : m.title}
        </h2>
        {data ? <p className="moved-deadline">{m.deadline(data.deadline)}</p> : null}
        <Table<MovedAwayItem>
          rowKey="cardId"
          size="small"
          bordered
          loading={query.isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: m.empty }}
          className="moved-table"
          onChange={list.onTableChange}
          pagination={{
            current: list.state.page,
            pageSize: list.state.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => m.total(total),
          }}
          columns={[
            { title: c.seq, key: 'seq', render: (_, _row, i) => first + i + 1 },
            {
              title: c.holderName,
              key: 'holderName',
              dataIndex: 'holderName',
              sorter: true,
              sortOrder: list.sortOrderOf('holderName'),
            },
            { title: c.idNumber, dataIndex: 'idNumberMasked' },
            {
              title: c.className,
              key: 'className',
              dataIndex: 'className',
              sorter: true,
              sortOrder: list.sortOrderOf('className'),
              render: (v: string | null) => v ?? t.common.none,
            },
            {
              title: c.cardNumber,
              key: 'cardNumber',
              dataIndex: 'cardNumber',
              sorter: true,
              sortOrder: list.sortOrderOf('cardNumber'),
              render: (v: string | null) => v ?? t.common.none,
            },
            { title: c.movedTo, key: 'movedTo', render: (_, row) => row.movedTo.name },
            {
              title: c.contact,
              key: 'contact',
              render: (_, row) => row.movedTo.designatedPersonName ?? m.noContact,
            },
            {
              title: c.phone,
              key: 'phone',
              render: (_, row) => row.movedTo.designatedPersonPhone ?? t.common.none,
            },
            // Filled in by hand on the printed list.
            { title: c.note, key: 'note', className: 'moved-note', render: () => null },
          ]}
        />
        <p className="moved-clause">{m.clause(data?.clause ?? 'N-2.4b')}</p>
      </article>
    </Space>
  );
}

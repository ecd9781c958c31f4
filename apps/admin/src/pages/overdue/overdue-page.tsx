import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { OverdueItem } from '../../api/contract.js';
import { districtApi, districtExports } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { XlsxButton } from '../batches/xlsx-button.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';

const KINDS = ['pickup', 'collection'] as const;
type Kind = (typeof KINDS)[number];

const LIST = {
  sortable: ['unitName', 'cardCount', 'deadline'],
  sort: 'unitName',
  filters: ['kind'],
} as const;

/** N-3: per unit, the pickups (N-2.2b) or collections (N-2.4b) past their deadline. */
export function OverduePage() {
  const { t } = useI18n();
  const texts = t.distribution.overdue;
  const c = texts.columns;
  const list = useListParams(LIST);
  const kind: Kind = KINDS.find((k) => k === list.state.filters.kind) ?? 'pickup';
  const request = { ...list.query, kind };
  const query = useQuery({
    queryKey: ['overdue', request],
    queryFn: ({ signal }) => districtApi.overdue(request, { signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div className="page-heading">
        <Typography.Title level={1} className="page-title">
          {texts.title}
        </Typography.Title>
        {query.data ? (
          <Typography.Text type="secondary">{texts.today(query.data.today)}</Typography.Text>
        ) : null}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {texts.intro}
      </Typography.Paragraph>
      <Space wrap size="middle" className="list-toolbar">
        <Segmented<Kind>
          aria-label={texts.kindLabel}
          value={kind}
          onChange={(value) => list.setFilter('kind', value === 'pickup' ? undefined : value)}
          options={KINDS.map((k) => ({ value: k, label: texts.kinds[k] }))}
        />
        {query.data?.deadline ? (
          <Typography.Text>{texts.deadline(query.data.deadline)}</Typography.Text>
        ) : null}
        <XlsxButton load={districtExports.overdue(kind)} label={texts.export} />
      </Space>
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <Table<OverdueItem>
        rowKey={(row) => `${row.unit.id}-${row.deadline}`}
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t.common.empty }}
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
        columns={[
          {
            title: c.unit,
            key: 'unitName',
            sorter: true,
            sortOrder: list.sortOrderOf('unitName'),
            render: (_, row) => <Link to={`/units/${row.unit.id}`}>{row.unit.name}</Link>,
          },
          { title: c.registrationCode, render: (_, row) => row.unit.registrationCode },
          {
            title: c.deadline,
            key: 'deadline',
            dataIndex: 'deadline',
            sorter: true,
            sortOrder: list.sortOrderOf('deadline'),
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
            title: c.batches,
            render: (_, row) =>
              row.batches.length === 0 ? (
                t.common.none
              ) : (
                <Space wrap size={4}>
                  {row.batches.map((b) => (
                    <Link key={b.id} to={`/batches/${b.id}`}>
                      {b.number}
                    </Link>
                  ))}
                </Space>
              ),
          },
          { title: c.clause, render: (_, row) => <Tag color="orange">{row.clause}</Tag> },
        ]}
      />
    </Space>
  );
}

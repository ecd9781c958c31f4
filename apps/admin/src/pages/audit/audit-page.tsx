import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Space, Table, Typography } from 'antd';
import type { AuditEntryView, Role } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';

const LIST = { sortable: ['at'], sort: 'at', order: 'desc', pageSize: 50 } as const;

/** The append-only log (district staff: their district), newest first, paged by the API. */
export function AuditPage() {
  const { t, pick } = useI18n();
  const list = useListParams(LIST);
  const { page, pageSize } = list.state;
  const query = useQuery({
    queryKey: ['audit-log', page, pageSize],
    queryFn: ({ signal }) => api.auditLog({ page, pageSize }, { signal }),
    placeholderData: keepPreviousData,
  });
  const c = t.audit.columns;
  const roles: Record<string, string> = t.auth.roles;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {t.audit.title}
      </Typography.Title>
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <Table<AuditEntryView>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t.common.empty }}
        scroll={{ x: 'max-content' }}
        className="list-table"
        onChange={list.onTableChange}
        pagination={{
          current: page,
          pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t.common.total(total),
        }}
        columns={[
          { title: c.at, dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString() },
          {
            title: c.actor,
            dataIndex: 'actorName',
            render: (v: string | null) => (v ? pick(v) : t.audit.system),
          },
          { title: c.role, dataIndex: 'actorRole', render: (v: Role) => roles[v] ?? v },
          { title: c.entity, dataIndex: 'entity' },
          { title: c.action, dataIndex: 'action' },
        ]}
      />
    </Space>
  );
}

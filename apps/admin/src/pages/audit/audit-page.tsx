import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { AuditEntryView } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { ListTable } from '../../components/list/list-table.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { AUDIT_FILTERS, AuditFilters } from './audit-filters.js';
import { AuditEntryDrawer, useAuditLabels } from './audit-entry-drawer.js';

const LIST = {
  sortable: ['at'],
  sort: 'at',
  order: 'desc',
  pageSize: 50,
  filters: AUDIT_FILTERS,
} as const;

/**
 * The append-only log (district staff: their district), newest first, paged and filtered by the
 * API; each entry opens with what it changed (before/after, as stored: ID numbers masked).
 */
export function AuditPage() {
  const { t, dateTime } = useI18n();
  const list = useListParams(LIST);
  const names = useAuditLabels();
  const [open, setOpen] = useState<AuditEntryView | null>(null);
  // The log has one order (newest first): the sort is not sent.
  const { sort: _sort, order: _order, ...query } = list.query;
  const entries = useQuery({
    queryKey: ['audit-log', query],
    queryFn: ({ signal }) => api.auditLog(query, { signal }),
    placeholderData: keepPreviousData,
  });
  const c = t.audit.columns;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {t.audit.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.audit.intro}
      </Typography.Paragraph>
      <AuditFilters value={list.state.filters} onApply={list.setFilters} />
      {entries.error ? (
        <ApiErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />
      ) : null}
      <ListTable<AuditEntryView>
        list={list}
        query={entries}
        rowKey="id"
        size="small"
        columns={[
          { title: c.at, key: 'at', render: (_, row) => dateTime(row.at) },
          { title: c.actor, key: 'actor', render: (_, row) => names.actor(row) },
          { title: c.role, key: 'role', render: (_, row) => names.role(row.actorRole) },
          { title: c.entity, key: 'entity', render: (_, row) => names.entity(row.entity) },
          { title: c.action, key: 'action', render: (_, row) => names.action(row.action) },
          {
            title: c.entityId,
            key: 'entityId',
            render: (_, row) => <Typography.Text code>{row.entityId}</Typography.Text>,
          },
          {
            title: c.details,
            key: 'details',
            render: (_, row) => (
              <Button
                size="small"
                onClick={() => setOpen(row)}
                aria-label={`${t.audit.detail.open} ${names.entity(row.entity)} ${names.action(row.action)} ${dateTime(row.at)}`}
              >
                {t.audit.detail.open}
              </Button>
            ),
          },
        ]}
      />
      <AuditEntryDrawer entry={open} onClose={() => setOpen(null)} />
    </Space>
  );
}

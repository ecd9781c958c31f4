import { Descriptions, Drawer, Space, Typography } from 'antd';
import type { AuditEntryView } from '../../api/contract.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** The names of an entry's codes in the interface language (an unknown code as it is). */
export function useAuditLabels() {
  const { t, pick } = useI18n();
  const entities: Record<string, string> = t.audit.entities;
  const actions: Record<string, string> = t.audit.actions;
  const roles: Record<string, string> = t.auth.roles;
  return {
    entity: (code: string) => entities[code] ?? code,
    action: (code: string) => actions[code] ?? code,
    role: (code: string) => roles[code] ?? (code === 'system' ? t.audit.system : code),
    actor: (row: Pick<AuditEntryView, 'actorName'>) =>
      row.actorName ? pick(row.actorName) : t.audit.system,
  };
}

function Json({ value }: { value: unknown }) {
  const { t } = useI18n();
  return value === null || value === undefined ? (
    <Typography.Text type="secondary">{t.audit.detail.nothing}</Typography.Text>
  ) : (
    <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>
  );
}

/** One entry: who did what to which record, when, and its before/after as stored. */
export function AuditEntryDrawer({
  entry,
  onClose,
}: {
  entry: AuditEntryView | null;
  onClose: () => void;
}) {
  const { t, dateTime } = useI18n();
  const names = useAuditLabels();
  const c = t.audit.columns;
  const d = t.audit.detail;
  return (
    <Drawer open={entry !== null} onClose={onClose} title={d.title} size={560} destroyOnHidden>
      {entry ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'at', label: c.at, children: dateTime(entry.at) },
              { key: 'actor', label: c.actor, children: names.actor(entry) },
              { key: 'role', label: c.role, children: names.role(entry.actorRole) },
              { key: 'entity', label: c.entity, children: names.entity(entry.entity) },
              { key: 'entityId', label: c.entityId, children: entry.entityId },
              { key: 'action', label: c.action, children: names.action(entry.action) },
              { key: 'district', label: d.district, children: entry.districtId ?? t.common.none },
            ]}
          />
          <Typography.Text type="secondary">{d.masked}</Typography.Text>
          <Typography.Title level={3} className="section-title">
            {d.before}
          </Typography.Title>
          <Json value={entry.before} />
          <Typography.Title level={3} className="section-title">
            {d.after}
          </Typography.Title>
          <Json value={entry.after} />
        </Space>
      ) : null}
    </Drawer>
  );
}

import { Card, Table, Tag } from 'antd';
import type { DashboardView } from '../../api/contract.js';
import { useI18n } from '../../i18n/i18n-context.js';

type PickupDue = DashboardView['pickupsDue']['items'][number];

/** N-2.2b: the batches waiting for their unit at the named place, earliest deadline first. */
export function PickupsDueTable({ data }: { data: DashboardView['pickupsDue'] }) {
  const { t } = useI18n();
  const c = t.dashboard.columns;
  return (
    <Card title={t.dashboard.pickupsDue} extra={t.dashboard.pickupsDueTotal(data.total)}>
      <Table<PickupDue>
        rowKey="batchId"
        size="small"
        pagination={false}
        dataSource={data.items}
        locale={{ emptyText: t.common.empty }}
        scroll={{ x: true }}
        columns={[
          { title: c.number, dataIndex: 'number' },
          { title: c.unit, render: (_, row) => row.unit.name },
          { title: c.deadline, dataIndex: 'deadline' },
          { title: c.cards, dataIndex: 'cardCount', align: 'right' },
          {
            title: c.status,
            render: (_, row) =>
              row.overdue ? (
                <Tag color="red">{t.dashboard.overdue}</Tag>
              ) : (
                <Tag color="green">{t.dashboard.onTime}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

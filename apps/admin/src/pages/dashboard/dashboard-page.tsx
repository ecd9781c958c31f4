import { useQuery } from '@tanstack/react-query';
import { Space, Typography } from 'antd';
import { api } from '../../api/endpoints.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DashboardCharts } from './dashboard-charts.js';
import { DashboardSummary } from './dashboard-summary.js';
import { PickupsDueTable } from './pickups-due-table.js';

export function DashboardPage() {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['dashboard'],
    queryFn: ({ signal }) => api.dashboard({ signal }),
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div className="page-heading">
        <Typography.Title level={1} className="page-title">
          {t.dashboard.title}
        </Typography.Title>
        {query.data ? (
          <Typography.Text type="secondary">
            {t.dashboard.businessDate(query.data.today)}
          </Typography.Text>
        ) : null}
      </div>
      <QueryState query={query}>
        {(data) => (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <DashboardSummary data={data} />
            <DashboardCharts data={data} />
            <PickupsDueTable data={data.pickupsDue} />
          </Space>
        )}
      </QueryState>
    </Space>
  );
}

import {
  BATCH_ROUTE_LABELS,
  BATCH_ROUTES,
  BATCH_STATE_LABELS,
  BATCH_STATES,
  type BatchRoute,
  type BatchState,
  getDistributionPolicy,
} from '@sscard/rules';
import { SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { DispatchResult } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useSession } from '../../auth/session-store.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { ListToolbar } from '../../components/list/list-toolbar.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { BATCH_LIST, BatchTable } from './batch-table.js';
import { DispatchForm } from './dispatch-form.js';
import { DispatchResultView } from './dispatch-result.js';

/** N-2.2a/b: the district's batches, and the dispatch that makes them. */
export function BatchesPage() {
  const { t, label } = useI18n();
  const texts = t.distribution.batches;
  const session = useSession();
  const queryClient = useQueryClient();
  const list = useListParams(BATCH_LIST);
  const [dispatchOpen, setDispatchOpen] = useState(false);
  const [result, setResult] = useState<DispatchResult | null>(null);
  const route = BATCH_ROUTES.find((r) => r === list.state.filters.route);
  const state = BATCH_STATES.find((s) => s === list.state.filters.state);
  const query = useQuery({
    queryKey: ['batches', list.query],
    queryFn: ({ signal }) => districtApi.batches(list.query, { signal }),
    placeholderData: keepPreviousData,
  });
  // District staff dispatch their district; the admin names the district (the API's rule).
  const role = session?.user.role;
  const canDispatch = role === 'district_staff' || role === 'system_admin';
  const dispatchTexts = t.distribution.dispatch;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div className="page-heading">
        <Typography.Title level={1} className="page-title">
          {texts.title}
        </Typography.Title>
        {canDispatch && !dispatchOpen ? (
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => {
              setResult(null);
              setDispatchOpen(true);
            }}
          >
            {dispatchTexts.open}
          </Button>
        ) : null}
      </div>
      {dispatchOpen ? (
        <Card title={<h2 className="card-heading">{dispatchTexts.title}</h2>}>
          <Typography.Paragraph type="secondary">
            {dispatchTexts.intro(getDistributionPolicy().directDeliveryThreshold)}
          </Typography.Paragraph>
          <DispatchForm
            chooseDistrict={role === 'system_admin'}
            onCancel={() => setDispatchOpen(false)}
            onDispatched={(r) => {
              setResult(r);
              setDispatchOpen(false);
              void queryClient.invalidateQueries({ queryKey: ['batches'] });
              void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
            }}
          />
        </Card>
      ) : null}
      {result ? <DispatchResultView result={result} /> : null}
      <ListToolbar
        search={list.state.search}
        searchLabel={texts.searchPlaceholder}
        onSearch={list.setSearch}
      >
        <Select<BatchRoute>
          allowClear
          aria-label={texts.routeFilter}
          placeholder={texts.routeAll}
          value={route}
          onChange={(value) => list.setFilter('route', value)}
          style={{ width: 280 }}
          options={BATCH_ROUTES.map((r) => ({ value: r, label: label(BATCH_ROUTE_LABELS[r]) }))}
        />
        <Select<BatchState>
          allowClear
          aria-label={texts.stateFilter}
          placeholder={texts.stateAll}
          value={state}
          onChange={(value) => list.setFilter('state', value)}
          style={{ width: 220 }}
          options={BATCH_STATES.map((s) => ({ value: s, label: label(BATCH_STATE_LABELS[s]) }))}
        />
      </ListToolbar>
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <BatchTable list={list} query={query} />
    </Space>
  );
}

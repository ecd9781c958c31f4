import { BATCH_STATE_LABELS, getDistributionPolicy } from '@sscard/rules';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { districtApi } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { ListToolbar } from '../../components/list/list-toolbar.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { BATCH_LIST, BatchTable } from '../batches/batch-table.js';

/** Batches that reached their unit: the ones to reconcile and take back (N-2.4c). */
const STATES = ['at_unit', 'returned'] as const;
const LIST = { ...BATCH_LIST, filters: ['state'] } as const;

export function ReturnsPage() {
  const { t, label } = useI18n();
  const texts = t.distribution.returns;
  const list = useListParams(LIST);
  const state = STATES.find((s) => s === list.state.filters.state) ?? 'at_unit';
  const request = { ...list.query, state };
  const query = useQuery({
    queryKey: ['batches', request],
    queryFn: ({ signal }) => districtApi.batches(request, { signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {texts.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {texts.intro(getDistributionPolicy().returnsOpenFrom)}
      </Typography.Paragraph>
      <ListToolbar
        search={list.state.search}
        searchLabel={texts.searchPlaceholder}
        onSearch={list.setSearch}
      >
        <Select
          aria-label={texts.stateFilter}
          value={state}
          onChange={(value) => list.setFilter('state', value === 'at_unit' ? undefined : value)}
          style={{ width: 240 }}
          options={STATES.map((s) => ({ value: s, label: label(BATCH_STATE_LABELS[s]) }))}
        />
      </ListToolbar>
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <BatchTable
        list={list}
        query={query}
        showDocuments={false}
        action={(row) => <Link to={`/returns/${row.id}`}>{texts.open}</Link>}
      />
    </Space>
  );
}

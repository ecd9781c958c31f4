import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { BatchView } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { BusinessDateAlert, useBusinessDate } from '../../components/business-date.js';
import { ListToolbar } from '../../components/list/list-toolbar.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { BATCH_LIST, BatchTable } from '../batches/batch-table.js';
import { PickupForm } from './pickup-form.js';

const LIST = { ...BATCH_LIST, sort: 'number', order: 'asc', filters: [] } as const;

/** N-2.2b: batches waiting at the district centre, and recording their collection. */
export function PickupsPage() {
  const { t } = useI18n();
  const texts = t.distribution.pickup;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const today = useBusinessDate();
  const list = useListParams(LIST);
  const [batch, setBatch] = useState<BatchView | null>(null);
  const request = { ...list.query, state: 'awaiting_pickup' as const };
  const query = useQuery({
    queryKey: ['batches', request],
    queryFn: ({ signal }) => districtApi.batches(request, { signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <BusinessDateAlert />
      <Typography.Title level={1} className="page-title">
        {texts.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {texts.intro}
      </Typography.Paragraph>
      <ListToolbar
        search={list.state.search}
        searchLabel={texts.searchPlaceholder}
        onSearch={list.setSearch}
      />
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <BatchTable
        list={list}
        query={query}
        emptyText={texts.empty}
        action={(row) => (
          <Button type="primary" size="small" onClick={() => setBatch(row)}>
            {texts.record}
          </Button>
        )}
      />
      <Modal
        open={batch !== null}
        title={batch ? texts.formTitle(batch.unit.name, batch.number) : ''}
        footer={null}
        onCancel={() => setBatch(null)}
        destroyOnHidden
        width={640}
      >
        {batch ? (
          <PickupForm
            batchId={batch.id}
            today={today}
            onCancel={() => setBatch(null)}
            onDone={(result) => {
              setBatch(null);
              void message.success(texts.done(result.cardsMoved));
              void queryClient.invalidateQueries({ queryKey: ['batches'] });
              void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
            }}
          />
        ) : null}
      </Modal>
    </Space>
  );
}

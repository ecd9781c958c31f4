import { useQuery } from '@tanstack/react-query';
import { Select, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { BatchView } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** The unit's batches (the API scopes them to the caller's unit), newest first. */
export function useUnitBatches() {
  return useQuery({
    queryKey: ['unit-batches'],
    queryFn: ({ signal }) =>
      districtApi.batches({ pageSize: 200, sort: 'createdAt', order: 'desc' }, { signal }),
  });
}

/** The batch named in the URL (?batch=), else the first one at the unit, else the newest. */
export function useSelectedBatch(batches: readonly BatchView[] | undefined) {
  const [params, setParams] = useSearchParams();
  const id = params.get('batch');
  const selected =
    batches?.find((b) => b.id === id) ??
    batches?.find((b) => b.state === 'at_unit') ??
    batches?.[0];
  const select = useCallback(
    (batchId: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('batch', batchId);
          next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { selected, select };
}

/** Which of the unit's batches the screen shows, by number and state. */
export function BatchPicker({
  batches,
  selected,
  onSelect,
}: {
  batches: readonly BatchView[];
  selected: BatchView | undefined;
  onSelect: (id: string) => void;
}) {
  const { t, label } = useI18n();
  return (
    <Space wrap className="no-print">
      <Typography.Text id="unit-batch-label">{t.unitStaff.batch.label}</Typography.Text>
      <Select<string>
        aria-labelledby="unit-batch-label"
        value={selected?.id}
        onChange={onSelect}
        style={{ minWidth: 360 }}
        options={batches.map((b) => ({
          value: b.id,
          label: t.unitStaff.batch.option(b.number, label(b.stateLabel), b.cardCount),
        }))}
      />
    </Space>
  );
}

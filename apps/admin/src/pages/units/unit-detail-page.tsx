import { UNIT_KIND_LABELS, type UnitKind } from '@sscard/rules';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { UnitView } from '../../api/contract.js';
import { districtApi, districtExports } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { XlsxButton } from '../batches/xlsx-button.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { BATCH_LIST, BatchTable } from '../batches/batch-table.js';
import '../district-screens.css';
import { DesignatedPersonForm } from './designated-person-form.js';
import { RouteTag } from './route-tag.js';

/** A unit: its count and route (N-2.2a/b), its batches, and its reconciliation table (N-2.4c). */
export function UnitDetailPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const texts = t.distribution.units;
  const c = texts.columns;
  const unit = useQuery({
    queryKey: ['unit', id],
    queryFn: ({ signal }) => districtApi.unit(id, { signal }),
  });
  const list = useListParams({ ...BATCH_LIST, filters: [] });
  const request = { ...list.query, unitId: id };
  const batches = useQuery({
    queryKey: ['batches', request],
    queryFn: ({ signal }) => districtApi.batches(request, { signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/units" className="no-print">
        {texts.back}
      </Link>
      <QueryState query={unit}>
        {(u) => {
          const kind = UNIT_KIND_LABELS[u.kind as UnitKind];
          return (
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              <Typography.Title level={1} className="page-title">
                {texts.detailTitle(u.name)}
              </Typography.Title>
              <Descriptions
                bordered
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'code', label: c.registrationCode, children: u.registrationCode },
                  { key: 'kind', label: c.kind, children: kind ? label(kind) : u.kind },
                  { key: 'eligible', label: c.eligibleCount, children: u.eligibleCount },
                  { key: 'route', label: c.route, children: <RouteTag route={u.route} /> },
                ]}
              />
              <div className="no-print">
                <XlsxButton
                  load={districtExports.unitReconciliation(u.id)}
                  label={texts.reconciliation}
                />
              </div>
              <DesignatedPersonCard unit={u} />
            </Space>
          );
        }}
      </QueryState>
      <Card title={<h2 className="card-heading">{texts.batches}</h2>}>
        {batches.error ? (
          <ApiErrorAlert error={batches.error} onRetry={() => void batches.refetch()} />
        ) : null}
        <BatchTable list={list} query={batches} showUnit={false} />
      </Card>
    </Space>
  );
}

/** N-2.2a / N-2.3: who receives the vendor's delivery and may sign on a holder's behalf. */
function DesignatedPersonCard({ unit }: { unit: UnitView }) {
  const { t } = useI18n();
  const texts = t.distribution.units.designated;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const person = unit.designatedPerson;
  return (
    <Card
      title={<h2 className="card-heading">{texts.title}</h2>}
      extra={
        editing ? null : (
          <Button onClick={() => setEditing(true)}>{person ? texts.edit : texts.set}</Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{texts.help}</Typography.Paragraph>
      {editing ? (
        <DesignatedPersonForm
          unitId={unit.id}
          current={person}
          onCancel={() => setEditing(false)}
          onDone={(saved) => {
            setEditing(false);
            void message.success(texts.saved(saved.designatedPerson?.name ?? ''));
            queryClient.setQueryData(['unit', unit.id], saved);
            void queryClient.invalidateQueries({ queryKey: ['units'] });
          }}
        />
      ) : (
        <Typography.Text strong data-testid="designated-person">
          {person ? t.distribution.common.withDetail(person.name, person.phone) : texts.none}
        </Typography.Text>
      )}
    </Card>
  );
}

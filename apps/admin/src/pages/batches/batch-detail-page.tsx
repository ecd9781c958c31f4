import { CARD_STATE_LABELS, type CardState, PICKUP_CREDENTIAL_LABELS } from '@sscard/rules';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { BatchDetail } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useSession } from '../../auth/session-store.js';
import { BusinessDateAlert, useBusinessDate } from '../../components/business-date.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { PickupForm } from '../pickups/pickup-form.js';
import { RouteTag } from '../units/route-tag.js';
import '../district-screens.css';
import { BatchDocuments } from './batch-documents.js';
import { DeliveryForm, ReceiverForm } from './handover-forms.js';

/** One batch: its facts, documents, and the handover step the district centre records next. */
export function BatchDetailPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const texts = t.distribution.batches;
  const query = useQuery({
    queryKey: ['batch', id],
    queryFn: ({ signal }) => districtApi.batch(id, { signal }),
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <BusinessDateAlert />
      <Link to="/batches" className="no-print">
        {texts.back}
      </Link>
      <QueryState query={query}>
        {(batch) => (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <div className="page-heading">
              <Typography.Title level={1} className="page-title">
                {texts.detailTitle(batch.number)}
              </Typography.Title>
              <Tag data-state={batch.state}>{label(batch.stateLabel)}</Tag>
            </div>
            <BatchFacts batch={batch} />
            <Card title={<h2 className="card-heading">{texts.documents}</h2>}>
              <BatchDocuments batch={batch} size="middle" receiptCopies />
            </Card>
            <Card title={<h2 className="card-heading">{texts.nextStep}</h2>}>
              <NextStep batch={batch} />
            </Card>
            <BatchCards batch={batch} />
          </Space>
        )}
      </QueryState>
    </Space>
  );
}

function BatchFacts({ batch }: { batch: BatchDetail }) {
  const { t, label, dateTime } = useI18n();
  const f = t.distribution.batches.fields;
  const none = t.common.none;
  const items: { key: string; label: string; children: ReactNode }[] = [
    {
      key: 'unit',
      label: f.unit,
      children: <Link to={`/units/${batch.unit.id}`}>{batch.unit.name}</Link>,
    },
    { key: 'route', label: f.route, children: <RouteTag route={batch.route} /> },
    { key: 'eligible', label: f.eligibleCount, children: batch.eligibleCount },
    { key: 'cards', label: f.cardCount, children: batch.cardCount },
    {
      key: 'receiver',
      label: f.receiver,
      children: batch.receiver ? `${batch.receiver.name} ${batch.receiver.phone}` : none,
    },
    { key: 'place', label: f.pickupPlace, children: batch.pickupPlace ?? none },
    { key: 'deadline', label: f.pickupDeadline, children: batch.pickupDeadline ?? none },
    {
      key: 'deliveredTo',
      label: f.deliveredTo,
      children: batch.deliveredTo ? t.distribution.handover.destinations[batch.deliveredTo] : none,
    },
    {
      key: 'pickup',
      label: f.pickup,
      children: batch.pickup ? (
        <>
          {t.distribution.batches.pickupRecord(batch.pickup.collectorName, batch.pickup.pickedUpOn)}
          {' · '}
          {credentialLabel(batch.pickup.credentialKind, label)}
        </>
      ) : (
        none
      ),
    },
    { key: 'created', label: f.createdAt, children: dateTime(batch.createdAt) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

function credentialLabel(kind: string, label: (v: { zh: string; en: string }) => string): string {
  const l = PICKUP_CREDENTIAL_LABELS[kind as keyof typeof PICKUP_CREDENTIAL_LABELS];
  return l ? label(l) : kind;
}

/** The handover step the batch's state calls for; the API refuses any other with its clause. */
function NextStep({ batch }: { batch: BatchDetail }) {
  const { t } = useI18n();
  const texts = t.distribution;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const today = useBusinessDate();
  const role = useSession()?.user.role;
  const refresh = (note?: string) => {
    if (note) void message.success(note);
    void queryClient.invalidateQueries({ queryKey: ['batch', batch.id] });
    void queryClient.invalidateQueries({ queryKey: ['batches'] });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
  const districtSide = role === 'district_staff' || role === 'system_admin';
  if (districtSide && batch.state === 'awaiting_receiver') {
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Title level={3} className="section-title">
          {texts.handover.receiverTitle}
        </Typography.Title>
        <ReceiverForm batchId={batch.id} onDone={() => refresh(texts.handover.receiverSaved)} />
        <Typography.Title level={3} className="section-title">
          {texts.handover.deliveryTitle}
        </Typography.Title>
        <DeliveryForm
          batchId={batch.id}
          today={today}
          receiverNamed={false}
          onDone={(r) => refresh(texts.handover.delivered(r.cardsMoved))}
        />
      </Space>
    );
  }
  if (districtSide && batch.state === 'awaiting_delivery') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Title level={3} className="section-title">
          {texts.handover.deliveryTitle}
        </Typography.Title>
        <DeliveryForm
          batchId={batch.id}
          today={today}
          receiverNamed={batch.receiver !== null}
          onDone={(r) => refresh(texts.handover.delivered(r.cardsMoved))}
        />
      </Space>
    );
  }
  if (districtSide && batch.state === 'awaiting_pickup') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Title level={3} className="section-title">
          {texts.pickup.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{texts.pickup.intro}</Typography.Paragraph>
        <PickupForm
          batchId={batch.id}
          today={today}
          onDone={(r) => refresh(texts.pickup.done(r.cardsMoved))}
        />
      </Space>
    );
  }
  if (batch.state === 'at_unit' || batch.state === 'returned') {
    return <Link to={`/returns/${batch.id}`}>{texts.batches.toReturns}</Link>;
  }
  return <Typography.Text type="secondary">{texts.batches.noStep}</Typography.Text>;
}

function BatchCards({ batch }: { batch: BatchDetail }) {
  const { t, label, dateTime } = useI18n();
  const texts = t.distribution.batches;
  const states = Object.entries(batch.cardsByState) as [CardState, number][];
  return (
    <Card title={<h2 className="card-heading">{texts.cardsByState}</h2>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {states.length === 0 ? (
            <Typography.Text type="secondary">{t.common.empty}</Typography.Text>
          ) : (
            states.map(([state, n]) => (
              <Tag key={state}>
                {t.distribution.common.labelled(
                  label(CARD_STATE_LABELS[state]),
                  t.distribution.common.cardsUnit(n),
                )}
              </Tag>
            ))
          )}
        </Space>
        <Typography.Title level={3} className="section-title">
          {texts.notices}
        </Typography.Title>
        <List
          size="small"
          dataSource={batch.notices}
          locale={{ emptyText: t.common.empty }}
          renderItem={(n) => (
            <List.Item key={n.id}>
              {texts.noticeKinds[n.kind]} · {dateTime(n.createdAt)}
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}

import { getDistributionPolicy, returnsOpen } from '@sscard/rules';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Card, Empty, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { BatchView, ReconciliationView, ReturnView } from '../../api/contract.js';
import { districtApi, districtExports } from '../../api/district-endpoints.js';
import { BusinessDateAlert, useBusinessDate } from '../../components/business-date.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { BatchPicker, useSelectedBatch, useUnitBatches } from '../unit-cards/unit-batches.js';
import { XlsxButton } from '../batches/xlsx-button.js';
import { ReturnForm } from '../returns/return-form.js';

type ReconciliationCard = ReconciliationView['cards'][number];

/**
 * N-2.4c: after 2011-01-20 the unit returns the receipt's first copy and every card still
 * unsigned; the page shows what is unsigned and the API's answer (a refusal names the clause).
 */
export function UnitReturnsPage() {
  const { t } = useI18n();
  const batches = useUnitBatches();
  const x = t.unitStaff.returns;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {x.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{x.intro}</Typography.Paragraph>
      <QueryState query={batches}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty description={t.unitStaff.batch.none} />
          ) : (
            <BatchReturn batches={page.items} />
          )
        }
      </QueryState>
    </Space>
  );
}

function BatchReturn({ batches }: { batches: readonly BatchView[] }) {
  const { t } = useI18n();
  const x = t.unitStaff.returns;
  const queryClient = useQueryClient();
  const { selected, select } = useSelectedBatch(batches);
  const today = useBusinessDate();
  const batchId = selected?.id ?? '';
  const reconciliation = useQuery({
    queryKey: ['reconciliation', batchId],
    queryFn: ({ signal }) => districtApi.reconciliation(batchId, { signal }),
    enabled: batchId !== '',
  });
  const opensFrom = getDistributionPolicy().returnsOpenFrom;
  // Kept here: once the cards are back the form is gone, but the outcome stays on screen.
  const [returned, setReturned] = useState<ReturnView | null>(null);
  const onReturned = async (result: ReturnView) => {
    setReturned(result);
    await Promise.all(
      [['reconciliation'], ['unit-batches'], ['receipt'], ['cards'], ['dashboard']].map(
        (queryKey) => queryClient.invalidateQueries({ queryKey }),
      ),
    );
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <BatchPicker batches={batches} selected={selected} onSelect={select} />
      <BusinessDateAlert />
      {today ? (
        returnsOpen(today) ? (
          <Alert type="success" showIcon title={x.open(today)} />
        ) : (
          <Alert
            type="warning"
            showIcon
            title={x.notYet(opensFrom, today)}
            description={<Tag color="orange">N-2.4c</Tag>}
          />
        )
      ) : null}
      {returned && returned.batchId === batchId ? (
        <Alert type="success" showIcon title={x.done(returned.cardCount, returned.returnedOn)} />
      ) : null}
      <QueryState query={reconciliation}>
        {(data) => {
          const unsigned = data.cards.filter((card) => !card.signed && !card.returned);
          return (
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              <ReconciliationTotals data={data} unsigned={unsigned.length} />
              <Space wrap className="no-print">
                <XlsxButton
                  load={districtExports.receipt(data.batch.id, 'first')}
                  label={t.distribution.batches.receiptFirst}
                />
                {selected ? (
                  // N-2.4c for every batch the unit received: the unit's reconciliation table.
                  <XlsxButton
                    load={districtExports.unitReconciliation(selected.unit.id)}
                    label={t.distribution.units.reconciliation}
                  />
                ) : null}
              </Space>
              {data.batch.state === 'at_unit' && today ? (
                unsigned.length > 0 ? (
                  <Card title={x.formTitle} size="small">
                    <ReturnForm
                      batchId={data.batch.id}
                      cardIds={unsigned.map((card) => card.cardId)}
                      today={today}
                      onDone={onReturned}
                    />
                  </Card>
                ) : (
                  <Alert type="info" showIcon title={x.nothingToReturn} />
                )
              ) : null}
              <section aria-labelledby="unsigned-title">
                <Typography.Title level={2} id="unsigned-title" className="section-title">
                  {x.unsignedTitle(unsigned.length)}
                </Typography.Title>
                <UnsignedTable cards={unsigned} />
              </section>
            </Space>
          );
        }}
      </QueryState>
    </Space>
  );
}

function ReconciliationTotals({ data, unsigned }: { data: ReconciliationView; unsigned: number }) {
  const { t } = useI18n();
  const x = t.unitStaff.returns;
  return (
    <Space size="large" wrap>
      <Statistic title={x.received} value={data.received} />
      <Statistic title={x.signed} value={data.signed} />
      <Statistic title={x.returned} value={data.returned} />
      <Statistic title={x.unsigned} value={unsigned} />
      <Tag color={data.balanced ? 'green' : 'orange'} className="reconciliation-state">
        {data.balanced ? x.balanced : x.notBalanced}
      </Tag>
    </Space>
  );
}

function UnsignedTable({ cards }: { cards: ReconciliationCard[] }) {
  const { t } = useI18n();
  const c = t.unitStaff.stock.columns;
  return (
    <Table<ReconciliationCard>
      rowKey="cardId"
      size="small"
      dataSource={cards}
      locale={{ emptyText: t.unitStaff.returns.noneUnsigned }}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      className="list-table"
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: c.cardNumber,
          dataIndex: 'cardNumber',
          render: (v: string | null) => v ?? t.common.none,
        },
        { title: c.holderName, dataIndex: 'holderName' },
        { title: c.idNumber, dataIndex: 'idNumberMasked' },
      ]}
    />
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ReturnView } from '../../api/contract.js';
import { districtApi, districtExports } from '../../api/district-endpoints.js';
import { useSession } from '../../auth/session-store.js';
import { BusinessDateAlert, useBusinessDate } from '../../components/business-date.js';
import { XlsxButton } from '../batches/xlsx-button.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import '../district-screens.css';
import { ReconciliationCards, ReconciliationSummary } from './reconciliation-summary.js';
import { ReturnForm } from './return-form.js';

/** N-2.4c for one batch: the reconciliation against the receipt, and recording the return. */
export function ReturnBatchPage() {
  const { batchId = '' } = useParams();
  const { t, label } = useI18n();
  const texts = t.distribution.returns;
  const queryClient = useQueryClient();
  const today = useBusinessDate();
  const role = useSession()?.user.role;
  const [done, setDone] = useState<ReturnView | null>(null);
  const batch = useQuery({
    queryKey: ['batch', batchId],
    queryFn: ({ signal }) => districtApi.batch(batchId, { signal }),
  });
  const reconciliation = useQuery({
    queryKey: ['reconciliation', batchId],
    queryFn: ({ signal }) => districtApi.reconciliation(batchId, { signal }),
  });
  const canReturn = role === 'district_staff' || role === 'unit_staff';
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <BusinessDateAlert />
      <Link to="/returns" className="no-print">
        {texts.back}
      </Link>
      <QueryState query={batch}>
        {(b) => (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <div className="page-heading">
              <Typography.Title level={1} className="page-title">
                {texts.detailTitle(b.number)}
              </Typography.Title>
              <Link to={`/units/${b.unit.id}`}>{b.unit.name}</Link>
              <Tag data-state={b.state}>{label(b.stateLabel)}</Tag>
            </div>
            <Space wrap className="no-print">
              <XlsxButton
                load={districtExports.receipt(b.id, 'first')}
                label={t.distribution.batches.receiptFirst}
              />
              <XlsxButton
                load={districtExports.unitReconciliation(b.unit.id)}
                label={t.distribution.units.reconciliation}
              />
            </Space>
            <QueryState query={reconciliation}>
              {(r) => {
                const unsigned = r.cards.filter((c) => c.status === 'neither');
                return (
                  <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                    <ReconciliationSummary data={r} />
                    {done ? (
                      <Alert type="success" showIcon title={texts.done(done.cardCount)} />
                    ) : null}
                    <Card title={<h2 className="card-heading">{texts.formTitle}</h2>}>
                      {b.state !== 'at_unit' ? (
                        <Typography.Text type="secondary">{texts.notAtUnit}</Typography.Text>
                      ) : !canReturn ? (
                        <Typography.Text type="secondary">{texts.readOnly}</Typography.Text>
                      ) : unsigned.length === 0 ? (
                        <Typography.Text type="secondary">{texts.nothingToReturn}</Typography.Text>
                      ) : (
                        <ReturnForm
                          batchId={b.id}
                          cardIds={unsigned.map((c) => c.cardId)}
                          today={today}
                          onDone={(result) => {
                            setDone(result);
                            for (const key of [
                              ['batch', batchId],
                              ['reconciliation', batchId],
                              ['batches'],
                              ['dashboard'],
                            ]) {
                              void queryClient.invalidateQueries({ queryKey: key });
                            }
                          }}
                        />
                      )}
                    </Card>
                    {b.state === 'at_unit' ? (
                      <Card title={<h2 className="card-heading">{texts.unsigned}</h2>}>
                        <ReconciliationCards cards={unsigned} title={texts.unsigned} />
                      </Card>
                    ) : (
                      <Card title={<h2 className="card-heading">{texts.allCards}</h2>}>
                        <ReconciliationCards cards={r.cards} title={texts.allCards} />
                      </Card>
                    )}
                    {r.differences.length > 0 && b.state === 'returned' ? (
                      <Card title={<h2 className="card-heading">{texts.differences}</h2>}>
                        <ReconciliationCards cards={r.differences} title={texts.differences} />
                      </Card>
                    ) : null}
                  </Space>
                );
              }}
            </QueryState>
          </Space>
        )}
      </QueryState>
    </Space>
  );
}

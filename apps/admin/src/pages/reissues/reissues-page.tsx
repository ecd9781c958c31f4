import { getDistributionPolicy } from '@sscard/rules';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { PoolCardView, ReissueView } from '../../api/contract.js';
import { districtApi, districtExports } from '../../api/district-endpoints.js';
import { useSession } from '../../auth/session-store.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { BusinessDateAlert, useBusinessDate } from '../../components/business-date.js';
import { XlsxButton } from '../batches/xlsx-button.js';
import { ListToolbar } from '../../components/list/list-toolbar.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import '../district-screens.css';
import { ReissueForm } from './reissue-form.js';
import { ListTable } from '../../components/list/list-table.js';

const LIST = {
  sortable: ['holderName', 'cardNumber', 'returnedOn'],
  sort: 'returnedOn',
  order: 'desc',
} as const;

/** N-2.4c/d: the district's reissue pool and the applications that take cards out of it. */
export function ReissuesPage() {
  const { t } = useI18n();
  const texts = t.distribution.reissues;
  const c = texts.columns;
  const queryClient = useQueryClient();
  const today = useBusinessDate();
  const canApply = useSession()?.user.role === 'district_staff';
  const list = useListParams(LIST);
  // null: no form; '': a new application; a name: started from that pool card.
  const [applying, setApplying] = useState<string | null>(null);
  const [done, setDone] = useState<ReissueView | null>(null);
  const formRef = useRef<HTMLElement>(null);
  // Started from a row far down the pool: bring the form into view and the keyboard to it.
  useEffect(() => {
    if (applying === null) return;
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.focus();
  }, [applying]);
  const query = useQuery({
    queryKey: ['reissue-pool', list.query],
    queryFn: ({ signal }) => districtApi.reissuePool(list.query, { signal }),
    placeholderData: keepPreviousData,
  });
  const policy = getDistributionPolicy();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <BusinessDateAlert />
      <div className="page-heading">
        <Typography.Title level={1} className="page-title">
          {texts.title}
        </Typography.Title>
        {canApply && applying === null ? (
          <Button
            type="primary"
            onClick={() => {
              setDone(null);
              setApplying('');
            }}
          >
            {texts.newApplication}
          </Button>
        ) : null}
        <XlsxButton load={districtExports.reissuePool()} label={texts.poolExport} />
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {texts.intro(policy.reissueOpenFrom, policy.cardHotline)}
      </Typography.Paragraph>
      {!canApply ? <Typography.Text type="secondary">{texts.readOnly}</Typography.Text> : null}
      {done ? (
        <Alert
          type="success"
          showIcon
          title={texts.done(done.cardNumber ?? t.common.none, done.servicePoint.name)}
        />
      ) : null}
      {applying !== null ? (
        <section ref={formRef} tabIndex={-1} aria-label={texts.formTitle}>
          <Card title={<h2 className="card-heading">{texts.formTitle}</h2>}>
            <ReissueForm
              key={applying}
              holderName={applying}
              today={today}
              onCancel={() => setApplying(null)}
              onDone={(result) => {
                setDone(result);
                setApplying(null);
                void queryClient.invalidateQueries({ queryKey: ['reissue-pool'] });
                void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
              }}
            />
          </Card>
        </section>
      ) : null}
      <Typography.Title level={2} className="section-title">
        {texts.pool}
      </Typography.Title>
      <ListToolbar
        search={list.state.search}
        searchLabel={texts.searchPlaceholder}
        onSearch={list.setSearch}
      />
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <ListTable<PoolCardView>
        list={list}
        query={query}
        rowKey="cardId"
        columns={[
          {
            title: c.cardNumber,
            key: 'cardNumber',
            sorter: true,
            sortOrder: list.sortOrderOf('cardNumber'),
            render: (_, row) => row.cardNumber ?? t.common.none,
          },
          {
            title: c.holderName,
            key: 'holderName',
            dataIndex: 'holderName',
            sorter: true,
            sortOrder: list.sortOrderOf('holderName'),
          },
          { title: c.idNumber, dataIndex: 'idNumberMasked' },
          { title: c.unit, render: (_, row) => row.unit.name },
          { title: c.batch, render: (_, row) => row.batchNumber ?? t.common.none },
          {
            title: c.returnedOn,
            key: 'returnedOn',
            sorter: true,
            sortOrder: list.sortOrderOf('returnedOn'),
            render: (_, row) => row.returnedOn ?? t.common.none,
          },
          ...(canApply
            ? [
                {
                  title: c.actions,
                  key: 'actions',
                  render: (_: unknown, row: PoolCardView) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setDone(null);
                        setApplying(row.holderName);
                      }}
                    >
                      {texts.apply}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}

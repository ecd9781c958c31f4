import { App, Button, Card, Descriptions, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { EnrolmentCreated, ResidentDetail } from '../../api/contract.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { EnrolmentForm } from './enrolment-form.js';
import { PaymentForm } from './payment-form.js';
import { categoryLabel } from './resident-labels.js';

type EnrolmentLine = ResidentDetail['enrolments'][number];

interface Props {
  resident: ResidentDetail;
  today?: string | undefined;
  onChanged: () => void;
}

/** N-1.1 / N-1.3 / N-1.4a / N-1.5: the person's enrolments, the API's fee decision, payments. */
export function EnrolmentsSection({ resident, today, onChanged }: Props) {
  const { t, label } = useI18n();
  const texts = t.residents.enrolment;
  const c = texts.columns;
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<EnrolmentCreated | null>(null);
  const [paying, setPaying] = useState<EnrolmentLine | null>(null);
  return (
    <Card
      title={<h2 className="card-heading">{t.residents.detail.enrolments}</h2>}
      extra={
        adding ? null : (
          <Button
            onClick={() => {
              setCreated(null);
              setAdding(true);
            }}
          >
            {texts.add}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {adding ? (
          <EnrolmentForm
            residentId={resident.id}
            category={resident.category}
            today={today}
            onCancel={() => setAdding(false)}
            onDone={(result) => {
              setAdding(false);
              setCreated(result);
              onChanged();
            }}
          />
        ) : null}
        {created ? <EnrolmentDecision result={created} /> : null}
        <Table<EnrolmentLine>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={resident.enrolments}
          locale={{ emptyText: t.common.empty }}
          scroll={{ x: 'max-content' }}
          className="list-table"
          columns={[
            { title: c.policyYear, dataIndex: 'policyYear' },
            { title: c.category, render: (_, row) => categoryLabel(row.category, label) },
            { title: c.enrolledOn, dataIndex: 'enrolledOn' },
            {
              title: c.method,
              render: (_, row) =>
                texts.methods[row.paymentMethod as keyof typeof texts.methods] ?? row.paymentMethod,
            },
            { title: c.fee, dataIndex: 'feeYuan', align: 'right' },
            { title: c.exempt, render: (_, row) => (row.exempt ? t.common.yes : t.common.no) },
            {
              title: c.paid,
              render: (_, row) =>
                row.exempt ? (
                  <Tag>{texts.notDue}</Tag>
                ) : (
                  <Tag color={row.paid ? 'green' : 'orange'}>
                    {row.paid ? texts.paid : texts.unpaid}
                  </Tag>
                ),
            },
            { title: c.unit, render: (_, row) => row.unit.name },
            {
              title: c.actions,
              render: (_, row) =>
                row.paid || row.exempt ? null : (
                  <Button size="small" onClick={() => setPaying(row)}>
                    {t.residents.payment.record}
                  </Button>
                ),
            },
          ]}
        />
      </Space>
      <Modal
        open={paying !== null}
        title={t.residents.payment.title}
        footer={null}
        onCancel={() => setPaying(null)}
        destroyOnHidden
        width={720}
      >
        {paying ? (
          <PaymentForm
            enrolment={paying}
            today={today}
            onCancel={() => setPaying(null)}
            onDone={(result) => {
              setPaying(null);
              if (result.payment) {
                void message.success(
                  t.residents.payment.done(result.payment.amountYuan, result.payment.paidOn),
                );
              }
              onChanged();
            }}
          />
        ) : null}
      </Modal>
    </Card>
  );
}

/** What the API decided for a new enrolment: fee, exemption (or why not), deposit, certificate. */
function EnrolmentDecision({ result }: { result: EnrolmentCreated }) {
  const { t, pick } = useI18n();
  const texts = t.residents.enrolment;
  const items = [
    { key: 'fee', label: texts.fee, children: texts.feeValue(result.feeYuan) },
    { key: 'exempt', label: texts.exempt, children: result.exempt ? t.common.yes : t.common.no },
    ...(result.requiredDepositYuan !== null
      ? [
          {
            key: 'deposit',
            label: texts.deposit,
            children: texts.feeValue(result.requiredDepositYuan),
          },
        ]
      : []),
    {
      key: 'january',
      label: texts.januaryCover,
      children: result.januaryCover ? t.common.yes : t.common.no,
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} aria-live="polite">
      <Typography.Text strong>{texts.resultTitle}</Typography.Text>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
      {result.exemptionRefused ? (
        <Typography.Text type="warning">
          {t.distribution.common.labelled(
            texts.exemptionRefused,
            t.distribution.common.withDetail(
              pick(result.exemptionRefused.message),
              t.errors.clause(result.exemptionRefused.clause),
            ),
          )}
        </Typography.Text>
      ) : null}
      {result.temporaryCertificate ? (
        <Typography.Text>{texts.certificate(result.temporaryCertificate.number)}</Typography.Text>
      ) : null}
    </Space>
  );
}

import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ResidentDetail } from '../../api/contract.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { subsidyFlagLabel } from './resident-labels.js';
import { VerificationForm } from './verification-form.js';

type Verification = ResidentDetail['subsidyVerifications'][number];

interface Props {
  resident: ResidentDetail;
  today?: string | undefined;
  onChanged: () => void;
}

/** N-1.4a: the yearly verifications an exemption rests on. */
export function VerificationsSection({ resident, today, onChanged }: Props) {
  const { t, label } = useI18n();
  const texts = t.residents.verification;
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const latestYear = resident.enrolments.reduce<number | undefined>(
    (max, e) => (max === undefined || e.policyYear > max ? e.policyYear : max),
    undefined,
  );
  return (
    <Card
      title={<h2 className="card-heading">{t.residents.detail.verifications}</h2>}
      extra={adding ? null : <Button onClick={() => setAdding(true)}>{texts.add}</Button>}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {adding ? (
          <VerificationForm
            residentId={resident.id}
            category={resident.category}
            flags={resident.subsidyFlags}
            policyYear={latestYear}
            today={today}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              void message.success(texts.saved);
              onChanged();
            }}
          />
        ) : null}
        <Table<Verification>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={resident.subsidyVerifications}
          locale={{ emptyText: texts.empty }}
          scroll={{ x: 'max-content' }}
          className="list-table"
          columns={[
            { title: texts.policyYear, dataIndex: 'policyYear' },
            { title: texts.flag, render: (_, row) => subsidyFlagLabel(row.flag, label) },
            {
              title: texts.passed,
              render: (_, row) => (
                <Tag color={row.passed ? 'green' : 'red'}>
                  {row.passed ? texts.passedYes : texts.passedNo}
                </Tag>
              ),
            },
            {
              title: texts.actedBy,
              render: (_, row) =>
                texts.actors[row.actedBy as keyof typeof texts.actors] ?? row.actedBy,
            },
            { title: texts.evidence, dataIndex: 'evidence' },
            { title: texts.verifiedOn, dataIndex: 'verifiedOn' },
          ]}
        />
      </Space>
    </Card>
  );
}

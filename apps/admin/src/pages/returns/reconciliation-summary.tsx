import { Card, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ReconciliationView } from '../../api/contract.js';
import { useI18n } from '../../i18n/i18n-context.js';

type Line = ReconciliationView['cards'][number];

/** N-2.4c: received = signed + returned, what is still unsigned, and any card that is off. */
export function ReconciliationSummary({ data }: { data: ReconciliationView }) {
  const { t } = useI18n();
  const texts = t.distribution.returns;
  const unsigned = data.cards.filter((c) => c.status === 'neither').length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <section className="figure-row" aria-label={texts.title}>
        <Card size="small">
          <Statistic title={texts.received} value={data.received} />
        </Card>
        <Card size="small">
          <Statistic title={texts.signed} value={data.signed} />
        </Card>
        <Card size="small">
          <Statistic title={texts.returned} value={data.returned} />
        </Card>
        <Card size="small">
          <Statistic title={texts.unsigned} value={unsigned} />
        </Card>
      </section>
      <Space wrap>
        <Typography.Text className="reconciliation-equation">
          {texts.equation(data.received, data.signed, data.returned)}
        </Typography.Text>
        <Tag color={data.balanced ? 'green' : 'orange'} data-testid="reconciliation-status">
          {data.balanced ? texts.balanced : texts.unbalanced}
        </Tag>
        <Tag>{t.errors.clause(data.clause)}</Tag>
      </Space>
    </Space>
  );
}

export function ReconciliationCards({ cards, title }: { cards: Line[]; title: string }) {
  const { t } = useI18n();
  const texts = t.distribution.returns;
  const c = texts.columns;
  return (
    <Table<Line>
      rowKey="cardId"
      size="small"
      dataSource={cards}
      aria-label={title}
      locale={{ emptyText: t.common.empty }}
      scroll={{ x: 'max-content' }}
      className="list-table"
      pagination={{ pageSize: 20, showTotal: (total) => t.common.total(total) }}
      columns={[
        { title: c.cardNumber, render: (_, row) => row.cardNumber ?? t.common.none },
        { title: c.holderName, dataIndex: 'holderName' },
        { title: c.idNumber, dataIndex: 'idNumberMasked' },
        {
          title: c.status,
          render: (_, row) => (
            <Tag
              color={row.status === 'signed' || row.status === 'returned' ? 'default' : 'orange'}
            >
              {texts.statuses[row.status]}
            </Tag>
          ),
        },
      ]}
    />
  );
}

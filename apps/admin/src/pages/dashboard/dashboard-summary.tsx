import { Card, Col, Row, Statistic, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { DashboardView } from '../../api/contract.js';
import { useI18n } from '../../i18n/i18n-context.js';

function Tile({ title, value, note }: { title: string; value: number; note?: ReactNode }) {
  return (
    <Col xs={24} sm={12} lg={8} xl={{ flex: '1 1 0' }}>
      <Card className="stat-tile">
        <Statistic title={title} value={value} />
        {note ? <div className="stat-tile-note">{note}</div> : null}
      </Card>
    </Col>
  );
}

/** The numbers a district centre checks first each morning (N-2.2b, N-2.4b, N-2.4c, N-3). */
export function DashboardSummary({ data }: { data: DashboardView }) {
  const { t } = useI18n();
  const { pickup, collection } = data.overdue;
  return (
    <Row gutter={[16, 16]}>
      <Tile
        title={t.dashboard.pickupsDue}
        value={data.pickupsDue.total}
        note={t.dashboard.pickupsDueTotal(data.pickupsDue.total)}
      />
      <Tile
        title={t.dashboard.returns}
        value={data.returnsReceived.cards}
        note={t.dashboard.returnsValue(data.returnsReceived.returns, data.returnsReceived.cards)}
      />
      <Tile title={t.dashboard.reissuePool} value={data.reissuePool} note={<Tag>N-2.4c</Tag>} />
      <Tile
        title={t.dashboard.overduePickup}
        value={pickup.cards}
        note={
          <>
            <Tag color={pickup.cards > 0 ? 'red' : 'default'}>{pickup.clause}</Tag>
            {t.dashboard.overdueUnits(pickup.units, pickup.cards)}
          </>
        }
      />
      <Tile
        title={t.dashboard.overdueCollection}
        value={collection.cards}
        note={
          <>
            <Tag color={collection.cards > 0 ? 'red' : 'default'}>{collection.clause}</Tag>
            {t.dashboard.deadlineOn(collection.deadline)}
          </>
        }
      />
    </Row>
  );
}

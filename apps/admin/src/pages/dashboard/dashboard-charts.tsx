import {
  BATCH_ROUTE_LABELS,
  BATCH_STATE_LABELS,
  CARD_STATE_LABELS,
  CARD_STATES,
} from '@sscard/rules';
import { Card, Col, Row } from 'antd';
import type { DashboardView } from '../../api/contract.js';
import { BarChart } from '../../components/bar-chart.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** Cards by state (labels from the rules' lifecycle) and batches by route and state. */
export function DashboardCharts({ data }: { data: DashboardView }) {
  const { t, label } = useI18n();
  const cardBars = CARD_STATES.map((state) => ({
    key: state,
    label: label(CARD_STATE_LABELS[state]),
    value: data.cardsByState[state],
  }));
  const batchBars = data.batches.map((b) => ({
    key: `${b.route}:${b.state}`,
    label: `${label(BATCH_ROUTE_LABELS[b.route])} · ${label(BATCH_STATE_LABELS[b.state])}`,
    value: b.cards,
    detail: t.dashboard.batchesCount(b.batches, b.cards),
  }));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card>
          <BarChart title={t.dashboard.cardsByState} bars={cardBars} unit={t.dashboard.cardsUnit} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card>
          <BarChart title={t.dashboard.batchesByRoute} bars={batchBars} />
        </Card>
      </Col>
    </Row>
  );
}

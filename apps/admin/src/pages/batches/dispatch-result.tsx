import { BATCH_ROUTE_LABELS, BATCH_ROUTES } from '@sscard/rules';
import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { BatchView, DispatchResult } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { RouteTag } from '../units/route-tag.js';
import { BatchDocuments } from './batch-documents.js';

/**
 * What a dispatch made: the count per route and the new batches, each with the document its
 * route calls for (delivery manifest or pickup notice) one click away.
 */
export function DispatchResultView({ result }: { result: DispatchResult }) {
  const { t, label } = useI18n();
  const texts = t.distribution.dispatch;
  const c = t.distribution.batches.columns;
  // The dispatch's batches are the newest ones; the list carries their dispatch id.
  const query = useQuery({
    queryKey: ['batches', 'dispatch', result.dispatchId],
    queryFn: ({ signal }) =>
      districtApi.batches(
        { sort: 'createdAt', order: 'desc', pageSize: Math.min(200, result.batchCount) },
        { signal },
      ),
    select: (page) => page.items.filter((b) => b.dispatchId === result.dispatchId),
  });
  return (
    <section aria-label={texts.newBatches}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="success"
          showIcon
          title={texts.done(result.batchCount, result.cardCount)}
          description={BATCH_ROUTES.map((r) =>
            texts.byRoute(label(BATCH_ROUTE_LABELS[r]), result.byRoute[r] ?? 0),
          ).join(t.distribution.common.listSeparator)}
        />
        <Typography.Title level={2} className="section-title">
          {texts.newBatches}
        </Typography.Title>
        <QueryState query={query} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <Table<BatchView>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={rows}
              scroll={{ x: 'max-content' }}
              className="list-table"
              columns={[
                {
                  title: c.number,
                  render: (_, row) => <Link to={`/batches/${row.id}`}>{row.number}</Link>,
                },
                { title: c.unit, render: (_, row) => row.unit.name },
                { title: c.cardCount, dataIndex: 'cardCount', align: 'right' },
                { title: c.route, render: (_, row) => <RouteTag route={row.route} /> },
                { title: c.documents, render: (_, row) => <BatchDocuments batch={row} /> },
              ]}
            />
          )}
        </QueryState>
      </Space>
    </section>
  );
}

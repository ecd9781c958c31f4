import { BATCH_ROUTE_LABELS, BATCH_ROUTES } from '@sscard/rules';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Space, Table, Typography } from 'antd';
import { useState } from 'react';
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
  // The dispatch's own batches, paged by the API (a district may make hundreds at once).
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const request = {
    dispatchId: result.dispatchId,
    sort: 'number' as const,
    order: 'asc' as const,
    ...paging,
  };
  const query = useQuery({
    queryKey: ['batches', request],
    queryFn: ({ signal }) => districtApi.batches(request, { signal }),
    placeholderData: keepPreviousData,
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
        <QueryState query={query} isEmpty={(page) => page.total === 0}>
          {(page) => (
            <Table<BatchView>
              rowKey="id"
              size="middle"
              loading={query.isFetching}
              pagination={{
                current: paging.page,
                pageSize: paging.pageSize,
                total: page.total,
                hideOnSinglePage: true,
                showTotal: (total) => t.common.total(total),
                onChange: (p, size) => setPaging({ page: p, pageSize: size }),
              }}
              dataSource={page.items}
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

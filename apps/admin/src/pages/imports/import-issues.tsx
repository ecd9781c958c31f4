import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ImportIssueView, ImportJobView } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DownloadButton } from '../../components/download-button.js';
import { useI18n } from '../../i18n/i18n-context.js';

/**
 * The dry run's problems, paged by the API (a large file may have thousands), and the error
 * report: the user's own file with the problem cells marked, to correct and upload again.
 */
export function ImportIssues({ job }: { job: ImportJobView }) {
  const { t, pick } = useI18n();
  const x = t.imports.issues;
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = useQuery({
    queryKey: ['import-issues', job.id, paging],
    queryFn: ({ signal }) => api.imports.issues(job.id, paging, { signal }),
    placeholderData: keepPreviousData,
  });
  const c = x.columns;
  return (
    <section aria-labelledby="import-issues-heading">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap size="middle" align="center">
          <Typography.Title level={2} id="import-issues-heading" className="import-heading">
            {x.heading}
          </Typography.Title>
          <DownloadButton
            type="primary"
            load={() => api.imports.errorReport(job.id)}
            fallbackName={x.reportFile(job.fileName)}
          >
            {x.report}
          </DownloadButton>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {x.reportHint}
        </Typography.Paragraph>
        {query.error ? (
          <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : null}
        <Table<ImportIssueView>
          rowKey={(issue) => `${issue.row}:${issue.columnIndex ?? '-'}:${issue.message}`}
          size="small"
          className="import-issues"
          loading={query.isFetching}
          dataSource={query.data?.items ?? []}
          locale={{ emptyText: t.common.empty }}
          onChange={(pagination) =>
            setPaging({
              page: pagination.current ?? 1,
              pageSize: pagination.pageSize ?? paging.pageSize,
            })
          }
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: query.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t.common.total(total),
          }}
          columns={[
            {
              title: c.row,
              dataIndex: 'row',
              render: (row: number) => x.rowNo(row),
            },
            {
              title: c.column,
              dataIndex: 'column',
              render: (column: string) => column || x.wholeRow,
            },
            {
              title: c.value,
              dataIndex: 'value',
              render: (value: string) => value || t.common.none,
            },
            {
              title: c.message,
              dataIndex: 'message',
              className: 'import-issue-message',
              render: (message: string) => pick(message),
            },
          ]}
        />
      </Space>
    </section>
  );
}

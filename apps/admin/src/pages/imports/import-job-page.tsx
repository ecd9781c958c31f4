import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { ImportJobView } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ApiLines, ImportProgress } from './import-progress.js';
import { ImportIssues } from './import-issues.js';
import { fileSize, RUNNING_STATES } from './import-kinds.js';
import { ImportStateTag, useKindTitle } from './import-state-tag.js';
import './imports.css';

/** /imports/:id — the job's id is in the URL, so a reload finds the job where it is. */
export function ImportJobPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/imports">{t.imports.job.back}</Link>
      <ImportJobPanel id={id} />
    </Space>
  );
}

/** The job, polled while its dry run or commit runs; then its problems or what comes next. */
export function ImportJobPanel({ id, pollMs = 1000 }: { id: string; pollMs?: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['import', id],
    queryFn: ({ signal }) => api.imports.get(id, { signal }),
    refetchInterval: (q) =>
      q.state.data && RUNNING_STATES.has(q.state.data.state) ? pollMs : false,
  });
  const changed = (job: ImportJobView) => {
    queryClient.setQueryData(['import', id], job);
    void queryClient.invalidateQueries({ queryKey: ['imports'] });
  };
  return (
    <QueryState query={query}>
      {(job) => (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Title level={1} className="page-title">
            {t.imports.job.title(job.fileName)}
          </Typography.Title>
          <Card>
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              <JobSummary job={job} />
              <ImportProgress job={job} onChanged={changed} />
              <InvalidVerdict job={job} />
            </Space>
          </Card>
          {job.state === 'invalid' && job.issueCount > 0 ? (
            <Card>
              <ImportIssues job={job} />
            </Card>
          ) : null}
        </Space>
      )}
    </QueryState>
  );
}

function JobSummary({ job }: { job: ImportJobView }) {
  const { t, dateTime } = useI18n();
  const x = t.imports.job;
  const kindTitle = useKindTitle();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        {
          key: 'state',
          label: x.state,
          children: (
            <>
              <ImportStateTag state={job.state} />
              {job.commitWhenValid ? <Tag color="blue">{x.onePass}</Tag> : null}
            </>
          ),
        },
        { key: 'kind', label: x.kind, children: kindTitle(job.kind) },
        { key: 'unit', label: x.unit, children: job.unit?.name ?? x.district },
        { key: 'file', label: x.file, children: job.fileName },
        { key: 'size', label: x.size, children: fileSize(job.fileBytes) },
        {
          key: 'createdAt',
          label: x.createdAt,
          children: dateTime(job.createdAt),
        },
        ...(job.committedAt
          ? [
              {
                key: 'committedAt',
                label: x.committedAt,
                children: dateTime(job.committedAt),
              },
            ]
          : []),
      ]}
    />
  );
}

/** 'invalid': the summary of the row problems, or why the file as a whole was refused. */
function InvalidVerdict({ job }: { job: ImportJobView }) {
  const { t } = useI18n();
  const x = t.imports.job;
  if (job.state !== 'invalid') return null;
  const wholeFile = job.issueCount === 0;
  return (
    <Alert
      type="error"
      showIcon
      title={wholeFile ? x.wholeFile : x.invalidTitle}
      description={
        <>
          {job.message ? <ApiLines message={job.message} /> : null}
          {job.issuesTruncated ? <p style={{ margin: 0 }}>{x.truncated(job.issueCount)}</p> : null}
        </>
      }
    />
  );
}

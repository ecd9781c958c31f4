import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Popconfirm, Progress, Space, Statistic } from 'antd';
import type { ImportJobView } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  job: ImportJobView;
  /** The job as the commit or retry returned it (the page's query data). */
  onChanged: (job: ImportJobView) => void;
}

/** A message of the API's, possibly several bilingual lines (a whole-file refusal lists each). */
export function ApiLines({ message }: { message: string }) {
  const { pick } = useI18n();
  return (
    <p className="import-message">
      {message
        .split('\n')
        .map((line) => pick(line))
        .join('\n')}
    </p>
  );
}

/**
 * Where the job is: the dry run's phase and counters while it runs, then what can be done next —
 * commit a valid file (all or nothing), retry a failed or interrupted one — or the result.
 */
export function ImportProgress({ job, onChanged }: Props) {
  const { t, dateTime } = useI18n();
  const x = t.imports.job;
  const commit = useMutation({
    mutationFn: () => api.imports.commit(job.id),
    onSuccess: onChanged,
  });
  const retry = useMutation({ mutationFn: () => api.imports.retry(job.id), onSuccess: onChanged });
  const running = job.state === 'validating' || job.state === 'committing';
  // The retention sweep deleted the upload: nothing can be committed or retried from it.
  const expired = job.fileExpiredAt !== null;
  // A one-step job writes while it checks: its written rows count from the start.
  const written =
    job.state === 'committing' ||
    job.state === 'committed' ||
    (job.state === 'validating' && job.commitWhenValid);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {running || job.state === 'committed' ? <Bar job={job} /> : null}
      <div role="status" aria-live="polite" className="import-phase">
        {running ? t.imports.phases[job.phase] : null}
      </div>
      <div className="import-counters">
        <Statistic title={x.rowsRead} value={job.rowsRead} />
        <Statistic title={x.rowsValid} value={job.rowsValid} />
        {written ? <Statistic title={x.rowsWritten} value={job.rowsWritten} /> : null}
        <Statistic title={x.issueCount} value={job.issueCount} />
      </div>
      {job.state === 'validating' ? (
        <Alert
          type="info"
          showIcon
          title={job.commitWhenValid ? x.onePassNote : x.validatingNote}
        />
      ) : null}
      {job.state === 'committing' ? <Alert type="info" showIcon title={x.committingNote} /> : null}
      {expired ? (
        <Alert
          type="warning"
          showIcon
          title={x.expiredTitle(dateTime(job.fileExpiredAt ?? ''))}
          description={x.expiredNote}
        />
      ) : null}
      {job.state === 'valid' && !expired ? (
        <Alert
          type="success"
          showIcon
          title={x.validTitle(job.rowsValid)}
          description={x.validNote}
          action={
            <Popconfirm
              title={x.commitConfirm(job.rowsValid)}
              description={x.commitAllOrNothing}
              okText={x.commitOk}
              cancelText={x.cancel}
              onConfirm={() => commit.mutate()}
            >
              <Button
                type="primary"
                icon={<CheckOutlined aria-hidden />}
                loading={commit.isPending}
              >
                {x.commit}
              </Button>
            </Popconfirm>
          }
        />
      ) : null}
      {(job.state === 'failed' || job.state === 'interrupted') && !expired ? (
        <Alert
          type={job.state === 'failed' ? 'error' : 'warning'}
          showIcon
          title={job.state === 'failed' ? x.failedTitle : x.interruptedTitle}
          description={
            <>
              {job.message ? <ApiLines message={job.message} /> : null}
              <p style={{ margin: 0 }}>{x.retryNote}</p>
            </>
          }
          action={
            <Button
              icon={<ReloadOutlined aria-hidden />}
              loading={retry.isPending}
              onClick={() => retry.mutate()}
            >
              {x.retry}
            </Button>
          }
        />
      ) : null}
      {job.state === 'committed' ? <ImportResult job={job} /> : null}
      {commit.error ? <ApiErrorAlert error={commit.error} /> : null}
      {retry.error ? <ApiErrorAlert error={retry.error} /> : null}
    </Space>
  );
}

/**
 * The dry run cannot know its total (the file is streamed), so while validating the bar only
 * shows that work goes on; the commit knows its share of the valid rows (percent).
 */
function Bar({ job }: { job: ImportJobView }) {
  const { t } = useI18n();
  const phase = t.imports.phases[job.phase];
  if (job.state === 'validating') {
    // aria-valuetext, not the bar's full width, is what a screen reader announces.
    return (
      <Progress
        percent={100}
        status="active"
        showInfo={false}
        aria-label={t.imports.job.progress}
        aria-valuetext={`${phase} ${t.imports.job.rowsRead} ${t.imports.job.rows(job.rowsRead)}`}
      />
    );
  }
  const percent = job.state === 'committed' ? 100 : (job.percent ?? 0);
  return (
    <Progress
      percent={percent}
      status={job.state === 'committed' ? 'success' : 'active'}
      aria-label={t.imports.job.progress}
    />
  );
}

function ImportResult({ job }: { job: ImportJobView }) {
  const { t } = useI18n();
  const x = t.imports.job;
  const counts = Object.entries(job.result ?? {}).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number',
  );
  return (
    <Alert
      type="success"
      showIcon
      title={x.committedTitle}
      description={
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          title={x.result}
          items={counts.map(([key, value]) => ({
            key,
            label: x.resultKeys[key] ?? key,
            children: value,
          }))}
        />
      }
    />
  );
}

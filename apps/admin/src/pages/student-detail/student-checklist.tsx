import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Tag, Typography } from 'antd';
import type { StudentDetail } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { DownloadButton } from '../../components/download-button.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** S-1.1: the stored eligibility verdict, with its reason when refused. */
export function EligibilityResult({ student }: { student: StudentDetail }) {
  const { t, pick } = useI18n();
  const x = t.students.eligibility;
  const { eligibility } = student;
  if (eligibility.eligible) {
    return <Alert type="success" showIcon title={x.eligible} description={<Tag>S-1.1</Tag>} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      title={x.ineligible}
      description={
        <>
          <Tag color="orange">{t.errors.clause(eligibility.clause ?? 'S-1.1')}</Tag>
          {eligibility.reason ? pick(eligibility.reason) : null}
        </>
      }
    />
  );
}

function Done({ done }: { done: boolean }) {
  const { t } = useI18n();
  return done ? (
    <CheckCircleFilled
      style={{ color: '#237804' }}
      aria-label={t.students.checklist.done}
      role="img"
    />
  ) : (
    <CloseCircleFilled
      style={{ color: '#a8071a' }}
      aria-label={t.students.checklist.notDone}
      role="img"
    />
  );
}

/**
 * S-1.5: attachments 1–3 at the college; S-1.4: attachment 3 is done once the college has
 * downloaded a summary including the student since the data last changed (the API decides);
 * S-1.3: what attachment 2 must contain for the ID kind.
 */
export function SubmissionChecklist({
  student,
  onSummary,
}: {
  student: StudentDetail;
  /** Called after the summary downloaded, so the checklist shows attachment 3 ticked. */
  onSummary: () => Promise<void>;
}) {
  const { t, label, dateTime } = useI18n();
  const x = t.students.checklist;
  const summaryDone = student.checklist.items.some((i) => i.key === 'attachment3' && i.done);
  const summaryNote = summaryDone
    ? x.summaryDone(dateTime(student.summaryExportedAt ?? ''))
    : student.summaryExportedAt
      ? x.summaryStale
      : x.summaryMissing;
  return (
    <>
      <ul className="student-checklist" aria-label={x.title}>
        {student.checklist.items.map((item) => (
          <li key={item.key}>
            <Done done={item.done} /> {label(item)} <Tag>{item.clause}</Tag>
          </li>
        ))}
      </ul>
      {student.eligibility.eligible ? (
        <div className="student-summary">
          <Typography.Paragraph type="secondary">{summaryNote}</Typography.Paragraph>
          {student.status === 'registered' ? (
            <DownloadButton
              size="small"
              load={async () => {
                const file = await api.students.summaryXlsx(student.college.id);
                await onSummary();
                return file;
              }}
              fallbackName={`${student.college.name}.xlsx`}
            >
              {x.summaryDownload}
            </DownloadButton>
          ) : null}
        </div>
      ) : null}
      <Typography.Paragraph type={student.checklist.complete ? 'success' : 'secondary'}>
        {student.checklist.complete ? x.complete : x.incomplete}
      </Typography.Paragraph>
      <Typography.Title level={3} className="section-subtitle">
        {x.evidenceTitle}
      </Typography.Title>
      <ul className="student-evidence" aria-label={x.evidenceTitle}>
        {student.evidenceRequired.map((e) => (
          <li key={e.key}>{label(e)}</li>
        ))}
      </ul>
      <Typography.Paragraph type="secondary">
        {x.evidenceFile(student.fileNames.attachment2)} <Tag>S-1.3</Tag>
      </Typography.Paragraph>
    </>
  );
}

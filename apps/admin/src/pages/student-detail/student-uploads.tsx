import { CheckCircleFilled, UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_FILE_TYPES, attachmentAccept } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space, Typography } from 'antd';
import { useId, useRef } from 'react';
import type { AttachmentView, StudentDetail } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DownloadButton } from '../../components/download-button.js';
import { useI18n } from '../../i18n/i18n-context.js';

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / 1048576).toFixed(1)} MB`;
}

/**
 * S-1.2 / S-1.3: attachment 1 (the registration form) and attachment 2 (one PDF of evidence).
 * The file goes up as chosen: the API refuses a wrong name (409, with the clause), a content that
 * is not what its name says, or a file over the size limit (422), and the page shows why.
 */
export function StudentUploads({
  student,
  canDownloadForm,
  onUploaded,
}: {
  student: StudentDetail;
  /** S-1.2: the generated form (full ID number) is for the college's and university's staff. */
  canDownloadForm: boolean;
  onUploaded: () => void;
}) {
  const { t } = useI18n();
  const x = t.students.uploads;
  const locked = student.status !== 'registered';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {locked ? <Alert type="info" showIcon title={x.locked} /> : null}
      {([1, 2] as const).map((n) => (
        <AttachmentSlot
          key={n}
          n={n}
          student={student}
          file={student.attachments.find((a) => a.attachment === n)}
          expectedName={
            n === 1
              ? `${student.fileNames.attachment1}${ATTACHMENT_FILE_TYPES[1].map((type) => type.extension).join(' / ')}`
              : student.fileNames.attachment2
          }
          formDownload={n === 1 && canDownloadForm && student.eligibility.eligible}
          locked={locked}
          onUploaded={onUploaded}
        />
      ))}
    </Space>
  );
}

function AttachmentSlot({
  n,
  student,
  file,
  expectedName,
  formDownload,
  locked,
  onUploaded,
}: {
  n: 1 | 2;
  student: StudentDetail;
  file: AttachmentView | undefined;
  expectedName: string;
  formDownload: boolean;
  locked: boolean;
  onUploaded: () => void;
}) {
  const { t, dateTime } = useI18n();
  const x = t.students.uploads;
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const upload = useMutation({
    mutationFn: (chosen: File) => api.students.upload(student.id, chosen),
    onSuccess: () => onUploaded(),
  });
  return (
    <section aria-labelledby={titleId} className="attachment-slot">
      <Typography.Text strong id={titleId}>
        {x.title(n)}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary">{x.expected(expectedName)}</Typography.Text>
      </div>
      {formDownload ? (
        <div className="attachment-form">
          <DownloadButton
            size="small"
            load={() => api.students.registrationForm(student.id)}
            fallbackName={`${student.fileNames.attachment1}.xlsx`}
          >
            {x.formDownload}
          </DownloadButton>{' '}
          <Typography.Text type="secondary">{x.formHelp}</Typography.Text>
        </div>
      ) : null}
      {file ? (
        <Space wrap className="attachment-file">
          <CheckCircleFilled style={{ color: '#237804' }} aria-hidden />
          <span>{x.uploaded(file.originalName, size(file.bytes), dateTime(file.uploadedAt))}</span>
          <DownloadButton
            size="small"
            load={() => api.students.attachment(student.id, file.id)}
            fallbackName={file.originalName}
          >
            {x.download}
          </DownloadButton>
        </Space>
      ) : (
        <div>
          <Typography.Text type="warning">{x.missing}</Typography.Text>
        </div>
      )}
      {locked ? null : (
        <div style={{ marginTop: 8 }}>
          <input
            ref={input}
            type="file"
            accept={attachmentAccept(n)}
            aria-label={x.choose(n)}
            className="visually-hidden"
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              event.target.value = '';
              if (chosen) upload.mutate(chosen);
            }}
          />
          <Button
            icon={<UploadOutlined aria-hidden />}
            loading={upload.isPending}
            onClick={() => input.current?.click()}
          >
            {file ? x.replace(n) : x.upload(n)}
          </Button>
        </div>
      )}
      {upload.error ? (
        <div style={{ marginTop: 8 }}>
          <ApiErrorAlert error={upload.error} />
        </div>
      ) : null}
      {upload.isSuccess ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          title={x.done(upload.data.originalName, upload.data.attachment)}
        />
      ) : null}
    </section>
  );
}

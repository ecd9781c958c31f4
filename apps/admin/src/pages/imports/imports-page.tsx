import { Space, Typography } from 'antd';
import { useSession } from '../../auth/session-store.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ImportJobsTable } from './import-jobs-table.js';
import { ImportUploadForm } from './import-upload-form.js';
import './imports.css';

/** Issue 4: upload a spreadsheet for the role's kinds, and the recent jobs. */
export function ImportsPage() {
  const { t } = useI18n();
  const session = useSession();
  if (!session) return null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {t.imports.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.imports.intro}
      </Typography.Paragraph>
      <ImportUploadForm userRole={session.user.role} />
      <ImportJobsTable />
    </Space>
  );
}

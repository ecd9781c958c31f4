import { PASSWORD_POLICY } from '@sscard/rules';
import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useSession } from '../../auth/session-store.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ChangePasswordForm } from './change-password-form.js';

/** Everyone's own account: who they are signed in as, and changing the password. */
export function AccountPage() {
  const { t, pick } = useI18n();
  const texts = t.users.account;
  const session = useSession();
  if (!session) return null;
  const { user } = session;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {texts.title}
      </Typography.Title>
      {user.mustChangePassword ? <Alert type="warning" showIcon title={texts.mustChange} /> : null}
      <Card title={texts.profile}>
        <Descriptions
          column={1}
          items={[
            { key: 'username', label: texts.username, children: user.username },
            { key: 'displayName', label: texts.displayName, children: pick(user.displayName) },
            { key: 'role', label: texts.role, children: t.auth.roles[user.role] },
          ]}
        />
      </Card>
      <Card title={texts.changePassword}>
        <Typography.Paragraph type="secondary">
          {texts.policy(PASSWORD_POLICY.minLength)}
        </Typography.Paragraph>
        <ChangePasswordForm username={user.username} />
      </Card>
    </Space>
  );
}

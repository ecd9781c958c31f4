import { LogoutOutlined, SettingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/endpoints.js';
import { type Session, setSession } from '../auth/session-store.js';
import { useI18n } from '../i18n/i18n-context.js';

export function UserMenu({ session }: { session: Session }) {
  const { t, pick } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    // The server forgets the token; the page forgets it even if the server cannot be reached.
    await api.logout().catch(() => undefined);
    setSession(null);
    queryClient.clear();
    navigate('/login', { replace: true });
  };
  return (
    <Space size="middle" wrap>
      <Typography.Text>
        {t.auth.signedInAs(pick(session.user.displayName))}
        {' · '}
        {t.auth.roles[session.user.role]}
      </Typography.Text>
      <Link to="/account">
        <SettingOutlined aria-hidden /> {t.users.account.menu}
      </Link>
      <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
        {t.auth.signOut}
      </Button>
    </Space>
  );
}

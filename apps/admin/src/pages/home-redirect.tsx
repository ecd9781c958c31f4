import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useSession } from '../auth/session-store.js';
import { useI18n } from '../i18n/i18n-context.js';
import { navFor } from '../layout/nav-items.js';

/** "/" opens the first screen of the signed-in role's menu. */
export function HomeRedirect() {
  const { t } = useI18n();
  const session = useSession();
  const first = session ? navFor(session.user.role)[0] : undefined;
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="info" title={t.nav.noScreens} />;
}

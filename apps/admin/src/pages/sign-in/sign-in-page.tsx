import { Card, Typography } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { setSession, useSession } from '../../auth/session-store.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { LanguageSwitch } from '../../layout/language-switch.js';
import { SignInForm } from './sign-in-form.js';

/** Only same-site paths: a crafted ?next= must not send a signed-in user elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  if (session) return <Navigate to={next} replace />;
  return (
    <main className="centered-page">
      <div className="centered-page-tools">
        <LanguageSwitch />
      </div>
      <Card className="centered-card">
        <Typography.Title level={1} className="page-title">
          {t.auth.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t.auth.subtitle}</Typography.Paragraph>
        <SignInForm
          onSignedIn={(result) => {
            setSession(result);
            navigate(next, { replace: true });
          }}
        />
        <Typography.Paragraph style={{ marginTop: 24, marginBottom: 0 }}>
          <Link to="/lookup">{t.auth.parentLink}</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}

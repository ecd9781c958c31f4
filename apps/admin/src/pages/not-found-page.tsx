import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n-context.js';

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <main className="centered-page">
      <Result
        status="404"
        title={<h1 className="page-title">{t.notFound.title}</h1>}
        subTitle={t.notFound.subtitle}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t.common.backHome}
          </Button>
        }
      />
    </main>
  );
}

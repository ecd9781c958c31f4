import type { CardStatusQuery } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Card, Form, Typography } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../../api/api-error.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { showFieldErrors } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { LanguageSwitch } from '../../layout/language-switch.js';
import { LookupForm } from './lookup-form.js';
import { LookupResult } from './lookup-result.js';

/** Public, no sign-in, made for a phone: a parent checks where the child's card is. */
export function LookupPage() {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<CardStatusQuery>();
  const lookup = useMutation({
    mutationFn: (values: CardStatusQuery) => api.cardStatus(values),
    onError: (error) => {
      if (error instanceof ApiError) showFieldErrors(form, error, pick);
    },
  });
  return (
    <main className="centered-page lookup-page">
      <div className="centered-page-tools">
        <LanguageSwitch />
      </div>
      <Card className="centered-card">
        <Typography.Title level={1} className="page-title">
          {t.lookup.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t.lookup.intro}</Typography.Paragraph>
        <LookupForm
          form={form}
          loading={lookup.isPending}
          onSubmit={(values) => lookup.mutate(values)}
        />
        <Typography.Paragraph type="secondary" className="lookup-privacy">
          {t.lookup.privacy}
        </Typography.Paragraph>
        <div className="lookup-outcome">
          {lookup.error ? (
            <ApiErrorAlert error={lookup.error} hideFields={['name', 'idNumber']} />
          ) : null}
          {lookup.data ? <LookupResult result={lookup.data} /> : null}
        </div>
      </Card>
      <Typography.Paragraph className="centered-page-footer">
        <Link to="/login">{t.lookup.staffLink}</Link>
      </Typography.Paragraph>
    </main>
  );
}

import { Alert, Button, Tag } from 'antd';
import type { ReactNode } from 'react';
import { type ApiError, toApiError } from '../api/api-error.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Props {
  error: unknown;
  onRetry?: (() => void) | undefined;
  /** Field errors already shown next to their inputs are not listed again. */
  hideFields?: readonly string[];
  /** What could not be done, as the title; the API's message then follows it. */
  title?: string;
}

/** The API's message in the interface language, with the clause that refused the action. */
export function ApiErrorAlert({ error, onRetry, hideFields = [], title }: Props) {
  const { t, pick } = useI18n();
  const e = toApiError(error);
  const message = messageOf(e, t.errors);
  const fields = Object.entries(e.fields).filter(([key]) => !hideFields.includes(key));
  let description: ReactNode = null;
  if (title || fields.length > 0 || e.clause || e.retryAfterSeconds) {
    description = (
      <>
        {title ? <p>{message(pick)}</p> : null}
        {e.clause ? (
          <Tag color="orange" data-testid="error-clause">
            {t.errors.clause(e.clause)}
          </Tag>
        ) : null}
        {e.retryAfterSeconds ? <span>{t.errors.retryAfter(e.retryAfterSeconds)}</span> : null}
        {fields.length > 0 ? (
          <>
            <p>{t.errors.fields}</p>
            <ul>
              {fields.map(([key, text]) => (
                <li key={key}>{pick(text)}</li>
              ))}
            </ul>
          </>
        ) : null}
      </>
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? message(pick)}
      description={description}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t.common.retry}
          </Button>
        ) : undefined
      }
    />
  );
}

type ErrorTexts = ReturnType<typeof useI18n>['t']['errors'];

/** The client's own failures are worded by the interface; the API's come as it sent them. */
function messageOf(e: ApiError, texts: ErrorTexts): (pick: (m: string) => string) => string {
  if (e.code === 'network_error') return () => texts.network;
  if (e.code === 'http_error') return () => texts.http(e.status);
  return (pick) => pick(e.message);
}

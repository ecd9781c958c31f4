import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { ApiErrorAlert } from './api-error-alert.js';

interface Props<T> {
  query: Pick<UseQueryResult<T>, 'data' | 'error' | 'isPending' | 'refetch'>;
  /** When the data counts as empty (default: never). */
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

/** Every screen's three other states: loading, failed (with a retry), and nothing to show. */
export function QueryState<T>({ query, isEmpty, children }: Props<T>) {
  const { t } = useI18n();
  if (query.isPending) {
    return (
      <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
        <div style={{ marginTop: 8 }}>{t.common.loading}</div>
      </div>
    );
  }
  if (query.error || query.data === undefined) {
    return <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (isEmpty?.(query.data)) return <Empty description={t.common.empty} />;
  return <>{children(query.data)}</>;
}

import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ApiErrorAlert } from './api-error-alert.js';

const businessDateQuery = {
  queryKey: ['business-date'],
  queryFn: ({ signal }: { signal: AbortSignal }) => api.businessDate({ signal }),
  staleTime: 60_000,
};

/**
 * The API's business date (today in Beijing, or SSCARD_TODAY), which event dates default to;
 * undefined until it arrives or when it cannot be read (BusinessDateAlert says why).
 */
export function useBusinessDate(): string | undefined {
  return useQuery(businessDateQuery).data?.today;
}

/**
 * Shown where actions wait for the business date (signing, returns, pickups…): when it cannot
 * be read, the reason and a retry instead of buttons silently disabled.
 */
export function BusinessDateAlert() {
  const { t } = useI18n();
  const query = useQuery(businessDateQuery);
  if (!query.error) return null;
  return (
    <ApiErrorAlert
      error={query.error}
      title={t.common.businessDateFailed}
      onRetry={() => void query.refetch()}
    />
  );
}

import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints.js';

/**
 * The API's business date (today in Beijing, or SSCARD_TODAY), which event dates default to.
 * Read from the dashboard, whose query the dashboard page shares; undefined until it arrives.
 */
export function useBusinessDate(): string | undefined {
  const query = useQuery({
    queryKey: ['dashboard'],
    queryFn: ({ signal }) => api.dashboard({ signal }),
    staleTime: 60_000,
  });
  return query.data?.today;
}

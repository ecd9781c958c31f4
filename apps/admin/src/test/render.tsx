import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { createQueryClient } from '../api/query-client.js';
import type { Lang } from '../i18n/i18n-context.js';
import { Providers } from '../providers.js';

/** Renders with the app's providers and a router at `path`, in the given language. */
export function renderWithProviders(
  ui: ReactElement,
  { lang = 'zh-CN', path = '/' }: { lang?: Lang; path?: string } = {},
) {
  return render(
    <Providers queryClient={createQueryClient()} lang={lang}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </Providers>,
  );
}

/** A fetch that answers every request with `status` and a JSON body, recording the calls. */
export function jsonFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    return new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

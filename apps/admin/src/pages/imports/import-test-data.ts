import type { ImportJobView } from '../../api/contract.js';

/** A job as GET /api/imports/:id returns it; tests override the fields that matter. */
export function jobView(patch: Partial<ImportJobView> = {}): ImportJobView {
  return {
    id: '5f0c7c1e-0000-4000-8000-00000000a001',
    kind: 'roster',
    districtId: '110105',
    unit: { id: '5f0c7c1e-0000-4000-8000-00000000b001', name: '朝阳区实验小学' },
    fileName: '花名册.xlsx',
    fileBytes: 8_421,
    format: 'xlsx',
    state: 'validating',
    phase: 'queued',
    rowsRead: 0,
    rowsValid: 0,
    rowsWritten: 0,
    issueCount: 0,
    issuesTruncated: false,
    message: null,
    result: null,
    percent: null,
    createdBy: '5f0c7c1e-0000-4000-8000-00000000c001',
    createdAt: '2011-01-10T02:00:00.000Z',
    updatedAt: '2011-01-10T02:00:00.000Z',
    committedAt: null,
    fileExpiredAt: null,
    commitWhenValid: false,
    ...patch,
  };
}

interface Answer {
  status: number;
  /** JSON, unless `raw` (a file's bytes) is given. */
  body?: unknown;
  raw?: Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

/**
 * A fetch that answers by "METHOD path" (query string ignored); a route given several answers
 * hands them out in order and then repeats the last, as a polled job moves on and stays.
 */
export function routedFetch(routes: Record<string, Answer | Answer[]>) {
  const calls: { method: string; url: string; init: RequestInit }[] = [];
  const served = new Map<string, number>();
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    calls.push({ method, url, init });
    const key = `${method} ${url.split('?')[0]}`;
    const route = routes[key];
    if (!route) return new Response(JSON.stringify({ statusCode: 404 }), { status: 404 });
    const answers = Array.isArray(route) ? route : [route];
    const n = served.get(key) ?? 0;
    served.set(key, n + 1);
    const answer = answers[Math.min(n, answers.length - 1)] as Answer;
    const body = answer.raw ?? JSON.stringify(answer.body ?? null);
    return new Response(body, {
      status: answer.status,
      headers: { 'Content-Type': 'application/json', ...answer.headers },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

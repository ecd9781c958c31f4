import { ApiError, isApiErrorBody } from './api-error.js';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Readonly<Record<string, QueryValue>> | undefined;
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal | undefined;
  /** Sent as Idempotency-Key, so a retried action is not done twice. */
  idempotencyKey?: string;
  /** A 401 here means "wrong password", not "the session ended" (the sign-in itself). */
  ignoreUnauthorized?: boolean;
}

export interface HttpClientOptions {
  /** '' (same origin: the API serves the admin, and Vite proxies /api in development). */
  baseUrl?: string;
  getToken?: () => string | null;
  /** Called on a 401 from an authenticated request: the session has ended. */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
}

/**
 * A thin fetch wrapper: JSON in and out, the bearer token, and every failure as an ApiError
 * carrying the API's own message, field errors and clause.
 */
export class HttpClient {
  constructor(private readonly options: HttpClientOptions = {}) {}

  get<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  put<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  /** multipart/form-data (file uploads): the browser writes the Content-Type with its boundary. */
  postForm<T>(path: string, form: FormData, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body: form });
  }

  /** A file the API sends (an .xlsx export, an attachment), with the name it suggests. */
  async download(
    path: string,
    options: Omit<RequestOptions, 'body'> = {},
  ): Promise<{ blob: Blob; fileName: string | null }> {
    const response = await this.send('GET', path, { ...options, accept: '*/*' });
    return {
      blob: await response.blob(),
      fileName: fileNameOf(response.headers.get('Content-Disposition')),
    };
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The fetch itself: a 2xx response, or an ApiError. */
  private async send(
    method: string,
    path: string,
    options: RequestOptions & { accept?: string },
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: options.accept ?? 'application/json',
      ...options.headers,
    };
    const token = this.options.getToken?.();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    const init: RequestInit = { method, headers };
    if (options.signal) init.signal = options.signal;
    if (options.body instanceof FormData) {
      init.body = options.body;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      response = await doFetch(this.url(path, options.query), init);
    } catch (error) {
      // An abort is the caller's own doing (TanStack Query cancels stale requests): pass it on.
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw ApiError.network();
    }
    if (response.ok) return response;
    const error = await errorFrom(response);
    if (response.status === 401 && token && !options.ignoreUnauthorized) {
      this.options.onUnauthorized?.();
    }
    throw error;
  }

  private url(path: string, query: RequestOptions['query']): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return `${this.options.baseUrl ?? ''}${path}${search ? `?${search}` : ''}`;
  }
}

/** RFC 6266: the UTF-8 `filename*` (a Chinese name) before the ASCII `filename` fallback. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('Retry-After'));
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!isApiErrorBody(body)) return ApiError.http(response.status);
  return new ApiError(body, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}

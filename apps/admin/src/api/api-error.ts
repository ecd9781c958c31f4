import type { ApiErrorBody } from './contract.js';

/** The API's error body, or what the client makes of a failure that never reached it. */
export class ApiError extends Error {
  readonly status: number;
  /** 'validation_failed', 'rule_refused', 'state_conflict', 'not_found', 'network_error', … */
  readonly code: string;
  /** Field path ("cards.3.idNumber") → bilingual message, for 422 validation_failed. */
  readonly fields: Readonly<Record<string, string>>;
  /** The clause of the notice or guide that refused the action (409 rule_refused). */
  readonly clause: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(body: ApiErrorBody, retryAfterSeconds?: number) {
    super(body.message);
    this.name = 'ApiError';
    this.status = body.statusCode;
    this.code = body.error;
    this.fields = body.fields ?? {};
    this.clause = body.clause;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * The client's own failures carry a code, not words: the interface says them in its language
   * (errors.network, errors.http in i18n; ApiErrorAlert). The message is for logs only.
   */
  static network(): ApiError {
    return new ApiError({ statusCode: 0, error: 'network_error', message: 'network_error' });
  }

  /** A failure whose body is not the API's (a proxy's HTML page, an empty 502…). */
  static http(status: number): ApiError {
    return new ApiError({ statusCode: status, error: 'http_error', message: `HTTP ${status}` });
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.statusCode === 'number' && typeof v.error === 'string' && typeof v.message === 'string'
  );
}

/** Anything thrown, as an ApiError (a programming error keeps its message). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({
    statusCode: 0,
    error: 'client_error',
    message: error instanceof Error ? error.message : String(error),
  });
}

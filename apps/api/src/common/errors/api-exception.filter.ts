import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { bi } from '@sscard/rules';
import { type ApiErrorBody, TooManyRequests } from './api-errors.js';

const GENERIC: Record<number, { error: string; zh: string; en: string }> = {
  400: { error: 'bad_request', zh: '请求格式有误', en: 'Malformed request' },
  401: { error: 'unauthorized', zh: '请先登录', en: 'Sign in first' },
  403: { error: 'forbidden', zh: '无权执行此操作', en: 'Not allowed for your role' },
  404: { error: 'not_found', zh: '不存在', en: 'Not found' },
  413: { error: 'payload_too_large', zh: '请求内容过大', en: 'Request body too large' },
  415: { error: 'unsupported_media_type', zh: '请以JSON格式提交', en: 'Send the body as JSON' },
};

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  // Nest's own exceptions carry { error: 'Bad Request' }; ours use snake_case codes.
  return (
    typeof value === 'object' &&
    value !== null &&
    'message' in value &&
    'error' in value &&
    typeof value.error === 'string' &&
    /^[a-z_]+$/.test(value.error)
  );
}

/** Every error leaves in the same shape; anything unexpected is a logged 500 with no internals. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res: unknown = host.switchToHttp().getResponse();
    const { httpAdapter } = this.adapterHost;
    const send = (status: number, body: unknown) => httpAdapter.reply(res, body, status);
    const generic = (status: number) => {
      const g = GENERIC[status] ?? { error: 'error', zh: '请求失败', en: 'Request failed' };
      send(status, { statusCode: status, error: g.error, message: bi(g.zh, g.en) });
    };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      if (exception instanceof TooManyRequests) {
        httpAdapter.setHeader(res, 'Retry-After', String(exception.retryAfterSeconds));
      }
      if (isApiErrorBody(raw)) send(status, raw);
      else generic(status);
      return;
    }
    const clientError = clientErrorStatus(exception);
    if (clientError !== undefined) {
      generic(clientError);
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(
        `database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`,
      );
      send(HttpStatus.SERVICE_UNAVAILABLE, {
        statusCode: 503,
        error: 'database_unavailable',
        message: bi(
          '数据库暂时不可用，请稍后再试',
          'The database is unavailable; try again shortly',
        ),
      });
      return;
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    send(HttpStatus.INTERNAL_SERVER_ERROR, {
      statusCode: 500,
      error: 'internal_error',
      message: bi('服务器内部错误', 'Internal server error'),
    });
  }
}

/**
 * Fastify's own 4xx errors (malformed JSON, body too large, unsupported content type) carry a
 * FST_ code and a statusCode: they are the client's mistake, not ours.
 */
function clientErrorStatus(e: unknown): number | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { code, statusCode } = e as { code?: unknown; statusCode?: unknown };
  if (typeof code !== 'string' || !code.startsWith('FST_') || typeof statusCode !== 'number') {
    return undefined;
  }
  return statusCode >= 400 && statusCode < 500 ? statusCode : undefined;
}

// Connection failures: a FATAL from the server (it refused or dropped the session: shutdown,
// database not accepting connections, too many clients…), SQLSTATE classes 08 and 57P, or the
// driver's own socket errors.
const UNAVAILABLE_CODES = /^(08|57P|53300$)|^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/;
const UNAVAILABLE_TEXT =
  /Connection terminated|timeout exceeded when trying to connect|connection is insecure|Client has encountered a connection error/i;

function isDatabaseUnavailable(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const withCode = e as Error & {
    code?: unknown;
    severity?: unknown;
    driverError?: { code?: unknown; message?: string; severity?: unknown };
  };
  const severity = withCode.driverError?.severity ?? withCode.severity;
  if (severity === 'FATAL' || severity === 'PANIC') return true;
  const code = withCode.driverError?.code ?? withCode.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
  return UNAVAILABLE_TEXT.test(withCode.driverError?.message ?? e.message);
}

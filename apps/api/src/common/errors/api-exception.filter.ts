import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { bi } from '@sscard/rules';
import type { Response } from 'express';
import { type ApiErrorBody, TooManyRequests } from './api-errors.js';

const GENERIC: Record<number, { error: string; zh: string; en: string }> = {
  400: { error: 'bad_request', zh: '请求格式有误', en: 'Malformed request' },
  401: { error: 'unauthorized', zh: '请先登录', en: 'Sign in first' },
  403: { error: 'forbidden', zh: '无权执行此操作', en: 'Not allowed for your role' },
  404: { error: 'not_found', zh: '不存在', en: 'Not found' },
  413: { error: 'payload_too_large', zh: '请求内容过大', en: 'Request body too large' },
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

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      if (exception instanceof TooManyRequests)
        res.setHeader('Retry-After', String(exception.retryAfterSeconds));
      if (isApiErrorBody(raw)) {
        res.status(status).json(raw);
        return;
      }
      const generic = GENERIC[status] ?? { error: 'error', zh: '请求失败', en: 'Request failed' };
      res
        .status(status)
        .json({ statusCode: status, error: generic.error, message: bi(generic.zh, generic.en) });
      return;
    }
    if (isBodyParserError(exception)) {
      const status = exception.status === 413 ? 413 : 400;
      const generic = GENERIC[status] ?? {
        error: 'bad_request',
        zh: '请求格式有误',
        en: 'Malformed request',
      };
      res
        .status(status)
        .json({ statusCode: status, error: generic.error, message: bi(generic.zh, generic.en) });
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(
        `database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`,
      );
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({
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
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
      statusCode: 500,
      error: 'internal_error',
      message: bi('服务器内部错误', 'Internal server error'),
    });
  }
}

function isBodyParserError(e: unknown): e is { status: number; type: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    'type' in e &&
    'status' in e &&
    typeof e.status === 'number'
  );
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

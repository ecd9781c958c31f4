import { HttpException, HttpStatus } from '@nestjs/common';
import { bi } from '@sscard/rules';

/** The error body every endpoint returns: a code, a bilingual message, and the details. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  fields?: Record<string, string>;
  clause?: string;
}

export class ValidationFailed extends HttpException {
  constructor(fields: Record<string, string>) {
    const body: ApiErrorBody = {
      statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
      error: 'validation_failed',
      message: bi('输入有误，请检查标出的字段', 'Invalid input: check the fields listed'),
      fields,
    };
    super(body, HttpStatus.UNPROCESSABLE_ENTITY);
  }
}

/** A rule of the notice or the guide refuses the action (409 with the clause). */
export class RuleRefused extends HttpException {
  constructor(clause: string, message: string) {
    const body: ApiErrorBody = {
      statusCode: HttpStatus.CONFLICT,
      error: 'rule_refused',
      clause,
      message,
    };
    super(body, HttpStatus.CONFLICT);
  }
}

/** The object changed under the caller (another request got there first). */
export class StateConflict extends HttpException {
  constructor(message: string, clause?: string) {
    const body: ApiErrorBody = {
      statusCode: HttpStatus.CONFLICT,
      error: 'state_conflict',
      message,
      ...(clause ? { clause } : {}),
    };
    super(body, HttpStatus.CONFLICT);
  }
}

/** Missing, or outside the caller's district or unit: the two are indistinguishable on purpose. */
export class NotFound extends HttpException {
  constructor(what: { zh: string; en: string } = { zh: '记录', en: 'Record' }) {
    const body: ApiErrorBody = {
      statusCode: HttpStatus.NOT_FOUND,
      error: 'not_found',
      message: bi(`${what.zh}不存在`, `${what.en} not found`),
    };
    super(body, HttpStatus.NOT_FOUND);
  }
}

/** The session's account still has the password someone else generated for it. */
export class PasswordChangeRequired extends HttpException {
  constructor() {
    const body: ApiErrorBody = {
      statusCode: HttpStatus.FORBIDDEN,
      error: 'password_change_required',
      message: bi(
        '请先修改初始密码（账号设置）后再继续使用',
        'Change the initial password first (Account settings)',
      ),
    };
    super(body, HttpStatus.FORBIDDEN);
  }
}

export class TooManyRequests extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    const body: ApiErrorBody = {
      statusCode: HttpStatus.TOO_MANY_REQUESTS,
      error: 'too_many_requests',
      message: bi(
        `请求过于频繁，请${retryAfterSeconds}秒后再试`,
        `Too many requests: retry in ${retryAfterSeconds} s`,
      ),
    };
    super(body, HttpStatus.TOO_MANY_REQUESTS);
  }
}

import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorBody } from './api-errors.js';

/**
 * A 409 about a set of cards (bulk signing, a return): the usual error body plus the card ids
 * concerned, so the client can show exactly which cards are in the way. Nothing was changed.
 */
export class CardListConflict extends HttpException {
  constructor(
    base: { error: 'rule_refused' | 'state_conflict'; message: string; clause?: string },
    cardIds: Record<string, string[]>,
  ) {
    const body: ApiErrorBody & Record<string, unknown> = {
      statusCode: HttpStatus.CONFLICT,
      error: base.error,
      message: base.message,
      ...(base.clause ? { clause: base.clause } : {}),
      ...cardIds,
    };
    super(body, HttpStatus.CONFLICT);
  }
}

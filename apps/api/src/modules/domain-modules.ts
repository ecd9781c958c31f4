import type { Type } from '@nestjs/common';

/** The domain modules (units, residents, cards, batches, receipts, returns, …), in one list. */
export const DOMAIN_MODULES: Type[] = [];

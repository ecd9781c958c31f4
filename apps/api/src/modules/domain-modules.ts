import type { Type } from '@nestjs/common';
import { PublicLookupModule } from './public-lookup/public-lookup.module.js';
import { UnitsModule } from './units/units.module.js';

/** The domain modules (units, residents, cards, batches, receipts, returns, …), in one list. */
export const DOMAIN_MODULES: Type[] = [UnitsModule, PublicLookupModule];

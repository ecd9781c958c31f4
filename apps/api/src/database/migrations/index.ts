import { InitialSchema1732300000000 } from './1732300000000-initial-schema.js';
import { DispatchSnapshot1732400000000 } from './1732400000000-dispatch-snapshot.js';
import { PublicLookupFunction1732500000000 } from './1732500000000-public-lookup-function.js';

/** Every migration, in order. Migrations are hand-written and reviewed; synchronize stays off. */
export const MIGRATIONS = [
  InitialSchema1732300000000,
  DispatchSnapshot1732400000000,
  PublicLookupFunction1732500000000,
];

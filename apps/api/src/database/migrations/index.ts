import { InitialSchema1732300000000 } from './1732300000000-initial-schema.js';

/** Every migration, in order. Migrations are hand-written and reviewed; synchronize stays off. */
export const MIGRATIONS = [InitialSchema1732300000000];

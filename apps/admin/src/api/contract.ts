/**
 * The API's response and query types: the single source is apps/api/src/contract.ts (the types
 * the controllers return), read from the API's built declarations. Type-only: nothing of the
 * API reaches the bundle. Request bodies use the zod schemas of @sscard/rules.
 */
export type * from '@sscard/api/dist/contract.js';

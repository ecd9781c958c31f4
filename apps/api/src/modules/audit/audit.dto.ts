import { auditFilterSchema } from '@sscard/rules';
import type { z } from 'zod';
import type { AuditRow } from '../../common/audit/audit.repository.js';
import { pageQuery } from '../../common/validation/paging.js';

/**
 * The log is always newest first, so only paging and the rules' audit filters are taken (the
 * admin's filter form checks with the same schema).
 */
export const auditQuery = pageQuery(['at'] as const)
  .pick({ page: true, pageSize: true })
  .and(auditFilterSchema);
export type AuditQuery = z.output<typeof auditQuery>;

/** The log's rows are already a view: no identifiers beyond ids, masked numbers only. */
export type AuditEntryView = AuditRow;

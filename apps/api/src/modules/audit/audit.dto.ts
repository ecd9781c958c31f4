import type { AuditRow } from '../../common/audit/audit.repository.js';
import { bi } from '@sscard/rules';
import { z } from 'zod';
import { pageQuery } from '../../common/validation/paging.js';

const filterText = (zh: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, bi(`${zh}不能为空`, `${en} must not be empty`))
    .max(100, bi(`${zh}不能超过100个字符`, `${en} must be at most 100 characters`))
    .optional();

/** The log is always newest first, so only paging and filters are taken. */
export const auditQuery = pageQuery(['at'] as const)
  .pick({ page: true, pageSize: true })
  .extend({
    entity: filterText('对象类型', 'Entity'),
    entityId: filterText('对象编号', 'Entity id'),
    action: filterText('操作', 'Action'),
    districtId: filterText('区县', 'District'),
  });
export type AuditQuery = z.output<typeof auditQuery>;

/** The log's rows are already a view: no identifiers beyond ids, masked numbers only. */
export type AuditEntryView = AuditRow;

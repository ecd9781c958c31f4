import { z } from 'zod';
import { compareDates } from '../dates/calendar-date.js';
import { bi } from '../i18n/bilingual.js';
import { calendarDate } from './fields.js';

const filterText = (zh: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, bi(`${zh}不能为空`, `${en} must not be empty`))
    .max(100, bi(`${zh}不能超过100个字符`, `${en} must be at most 100 characters`))
    .optional();

/**
 * The audit log's filters, for the API's query and the admin's filter form alike: the kind of
 * record, its id, the action, and a range of calendar days in Beijing time (both included).
 */
export const auditFilterSchema = z
  .object({
    entity: filterText('对象类型', 'Entity'),
    entityId: filterText('对象编号', 'Entity id'),
    action: filterText('操作', 'Action'),
    districtId: filterText('区县', 'District'),
    from: calendarDate('起始日期', 'From date').optional(),
    to: calendarDate('截止日期', 'To date').optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && compareDates(q.from, q.to) > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: bi('截止日期不能早于起始日期', 'The to date cannot be before the from date'),
      });
    }
  });
export type AuditFilter = z.output<typeof auditFilterSchema>;

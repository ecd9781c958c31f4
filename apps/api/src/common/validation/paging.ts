import { bi } from '@sscard/rules';
import { z } from 'zod';

/** Query of every list endpoint: page, size, free-text search and a sort column. */
export function pageQuery<const S extends readonly [string, ...string[]]>(sortable: S) {
  return z.object({
    page: z.coerce
      .number({ error: bi('页码必须是数字', 'Page must be a number') })
      .int()
      .min(1)
      .default(1),
    pageSize: z.coerce
      .number({ error: bi('每页条数必须是数字', 'Page size must be a number') })
      .int()
      .min(1)
      .max(200, bi('每页最多200条', 'At most 200 per page'))
      .default(20),
    search: z.string().trim().max(100).optional(),
    sort: z
      .enum(sortable, {
        error: bi(`排序字段可选：${sortable.join('、')}`, `Sort by one of: ${sortable.join(', ')}`),
      })
      .default(sortable[0]),
    order: z.enum(['asc', 'desc']).default('asc'),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** LIKE pattern for a user's search text, with the wildcards in it escaped. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

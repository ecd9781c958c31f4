import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../../database/database-context.js';
import type { Actor } from '../auth/actor.js';

export interface AuditEntry {
  districtId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRow {
  id: string;
  at: string;
  actorUserId: string | null;
  /** The acting user's display name (null for system actions). */
  actorName: string | null;
  actorRole: string;
  districtId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** Append-only (a trigger refuses UPDATE and DELETE); written inside the change's transaction. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: DatabaseContext) {}

  async append(actor: Actor | null, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.query(
      `INSERT INTO audit_log (actor_user_id, actor_role, district_id, entity, entity_id, action, before, after)
       SELECT $1, $2, e.district_id, e.entity, e.entity_id, e.action, e.before, e.after
       FROM jsonb_to_recordset($3::jsonb) AS e(district_id text, entity text, entity_id text, action text, before jsonb, after jsonb)`,
      [
        actor?.userId ?? null,
        actor?.role ?? 'system',
        JSON.stringify(
          entries.map((e) => ({
            district_id: e.districtId,
            entity: e.entity,
            entity_id: e.entityId,
            action: e.action,
            before: e.before ?? null,
            after: e.after ?? null,
          })),
        ),
      ],
    );
  }

  async list(filter: {
    districtId?: string;
    entity?: string;
    entityId?: string;
    action?: string;
    /** Calendar days in Beijing time, both included. */
    from?: string;
    to?: string;
    limit: number;
    offset: number;
  }): Promise<{ rows: AuditRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.districtId) where.push(`a.district_id = $${params.push(filter.districtId)}`);
    if (filter.entity) where.push(`a.entity = $${params.push(filter.entity)}`);
    if (filter.entityId) where.push(`a.entity_id = $${params.push(filter.entityId)}`);
    if (filter.action) where.push(`a.action = $${params.push(filter.action)}`);
    // A Beijing day (fixed +08:00, no DST) runs from its midnight to the next one.
    if (filter.from) {
      const day = `$${params.push(filter.from)}::date`;
      where.push(`a.at >= (to_char(${day}, 'YYYY-MM-DD') || ' 00:00+08')::timestamptz`);
    }
    if (filter.to) {
      const next = `$${params.push(filter.to)}::date + 1`;
      where.push(`a.at < (to_char(${next}, 'YYYY-MM-DD') || ' 00:00+08')::timestamptz`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM audit_log a ${clause}`,
      params,
    );
    const rows = await this.db.query<AuditRow>(
      `SELECT a.id::text, a.at, a.actor_user_id AS "actorUserId", u.display_name AS "actorName",
              a.actor_role AS "actorRole", a.district_id AS "districtId", a.entity,
              a.entity_id AS "entityId", a.action, a.before, a.after
       FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_user_id
       ${clause} ORDER BY a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { rows, total: count?.total ?? 0 };
  }
}

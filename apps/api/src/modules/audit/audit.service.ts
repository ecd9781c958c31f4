import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import type { Page } from '../../common/validation/paging.js';
import type { AuditEntryView, AuditQuery } from './audit.dto.js';

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /** District staff read their district's log; the admin every district (or one by filter). */
  async list(actor: Actor, q: AuditQuery): Promise<Page<AuditEntryView>> {
    const scope = scopeOf(actor);
    const { rows, total } = await this.audit.list({
      districtId: scope.districtId ?? q.districtId,
      entity: q.entity,
      entityId: q.entityId,
      action: q.action,
      from: q.from,
      to: q.to,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return {
      items: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

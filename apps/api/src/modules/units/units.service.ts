import { Injectable } from '@nestjs/common';
import { bi, routeBatch } from '@sscard/rules';
import type { z } from 'zod';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { NotFound, ValidationFailed } from '../../common/errors/api-errors.js';
import type { Page } from '../../common/validation/paging.js';
import { DatabaseContext } from '../../database/database-context.js';
import type { createUnitBody, designatedPersonBody, UnitListQuery, UnitView } from './units.dto.js';
import { type UnitRow, UnitsRepository } from './units.repository.js';

const UNIT = { zh: '参保单位', en: 'Unit' };

function toView(row: UnitRow): UnitView {
  return {
    id: row.id,
    districtId: row.districtId,
    parentUnitId: row.parentUnitId,
    name: row.name,
    kind: row.kind,
    registrationCode: row.registrationCode,
    designatedPerson:
      row.designatedPersonName && row.designatedPersonPhone
        ? { name: row.designatedPersonName, phone: row.designatedPersonPhone }
        : null,
    eligibleCount: row.eligibleCount,
    route: routeBatch(row.eligibleCount),
  };
}

@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitsRepository,
    private readonly audit: AuditRepository,
    private readonly db: DatabaseContext,
  ) {}

  async list(actor: Actor, q: UnitListQuery): Promise<Page<UnitView>> {
    const { rows, total } = await this.units.list(scopeOf(actor), q);
    return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<UnitView> {
    const row = await this.units.find(scopeOf(actor), id);
    if (!row) throw new NotFound(UNIT);
    return toView(row);
  }

  async create(actor: Actor, body: z.output<typeof createUnitBody>): Promise<UnitView> {
    // District staff create units in their own district only; the admin anywhere.
    if (actor.role === 'district_staff' && body.districtCode !== actor.districtId) {
      throw new ValidationFailed({
        districtCode: bi(
          '只能在本区县创建参保单位',
          'Units can be created in your own district only',
        ),
      });
    }
    return this.db.transaction(async () => {
      if (await this.units.codeTaken(body.registrationCode)) {
        throw new ValidationFailed({
          registrationCode: bi(
            '该社会保险登记证编码已存在',
            'This registration code already exists',
          ),
        });
      }
      const id = await this.units.insert({
        districtId: body.districtCode,
        name: body.name,
        kind: body.kind,
        registrationCode: body.registrationCode,
        designatedPersonName: body.designatedPerson?.name ?? null,
        designatedPersonPhone: body.designatedPerson?.phone ?? null,
      });
      await this.audit.append(actor, [
        {
          districtId: body.districtCode,
          entity: 'unit',
          entityId: id,
          action: 'create',
          after: body,
        },
      ]);
      return this.get(actor, id);
    });
  }

  /** N-2.2a / N-2.3: the person who receives delivered cards and may sign on a holder's behalf. */
  async setDesignatedPerson(
    actor: Actor,
    id: string,
    person: z.output<typeof designatedPersonBody>,
  ): Promise<UnitView> {
    return this.db.transaction(async () => {
      const before = await this.get(actor, id);
      await this.units.setDesignatedPerson(id, person.name, person.phone);
      await this.audit.append(actor, [
        {
          districtId: before.districtId,
          entity: 'unit',
          entityId: id,
          action: 'set_designated_person',
          before: before.designatedPerson,
          after: person,
        },
      ]);
      return this.get(actor, id);
    });
  }
}

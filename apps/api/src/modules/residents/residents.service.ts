import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  bi,
  CATEGORIES,
  checkInstitutionChoice,
  communityInstitutionStatus,
  ENROLMENT_2011,
  getEnrolmentPolicy,
  maskIdNumber,
  needsCommunityInstitution,
  PolicyNotFoundError,
} from '@sscard/rules';
import type { z } from 'zod';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { NotFound, RuleRefused, ValidationFailed } from '../../common/errors/api-errors.js';
import type { Page } from '../../common/validation/paging.js';
import { eventDate } from '../../common/validation/event-date.js';
import { DatabaseContext } from '../../database/database-context.js';
import { ResidentDetailRepository } from './resident-detail.repository.js';
import type {
  CreateResidentBody,
  institutionsBody,
  MissingInstitutionItem,
  MissingInstitutionQuery,
  ResidentDetail,
  ResidentListQuery,
  ResidentView,
} from './residents.dto.js';
import { type ResidentRow, ResidentsRepository } from './residents.repository.js';
import { isUniqueViolation } from './unique-violation.js';

export const RESIDENT = { zh: '参保人员', en: 'Resident' };

const DUPLICATE_ID = bi(
  '该证件号码已登记，请勿重复登记（可按证件号码搜索已有记录）',
  'This ID number is already registered (search by the ID number to find the record)',
);

/** The API's view of a resident; the ID number is masked unless the caller asked and may see it. */
export function residentView(row: ResidentRow, reveal = false): ResidentView {
  return {
    id: row.id,
    districtId: row.districtId,
    name: row.name,
    idKind: row.idKind,
    idNumber: reveal ? row.idNumber : maskIdNumber(row.idNumber),
    idNumberMasked: !reveal,
    birthDate: row.birthDate,
    category: row.category,
    subsidyFlags: row.subsidyFlags,
    currentUnit:
      row.currentUnitId && row.currentUnitName
        ? { id: row.currentUnitId, name: row.currentUnitName }
        : null,
    className: row.className,
    createdAt: row.createdAt,
  };
}

@Injectable()
export class ResidentsService {
  constructor(
    private readonly residents: ResidentsRepository,
    private readonly details: ResidentDetailRepository,
    private readonly audit: AuditRepository,
    private readonly db: DatabaseContext,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, body: CreateResidentBody): Promise<ResidentDetail> {
    const unit = await this.residents.findUnit(scopeOf(actor), body.currentUnitId);
    if (!unit) {
      throw new ValidationFailed({
        currentUnitId: bi('参保单位不存在或不在您的管辖范围内', 'Unit not found in your scope'),
      });
    }
    if (body.designatedInstitutions.length > 0) {
      const check = checkInstitutionChoice(body.category, body.designatedInstitutions);
      if (!check.ok) throw new RuleRefused(check.clause, check.message);
    }
    const id = await this.db.transaction(async () => {
      if (await this.residents.idNumberTaken(body.idNumber)) {
        throw new ValidationFailed({ idNumber: DUPLICATE_ID });
      }
      let created: string;
      try {
        created = await this.residents.insert({
          districtId: unit.districtId,
          idKind: body.idKind,
          idNumber: body.idNumber,
          name: body.name,
          birthDate: body.birthDate,
          category: body.category,
          subsidyFlags: body.subsidyFlags,
          currentUnitId: unit.id,
          className: body.className ?? null,
        });
      } catch (error) {
        if (isUniqueViolation(error, 'uq_resident_id_number'))
          throw new ValidationFailed({ idNumber: DUPLICATE_ID });
        throw error;
      }
      await this.residents.replaceInstitutions(
        created,
        unit.districtId,
        body.designatedInstitutions,
      );
      await this.audit.append(actor, [
        {
          districtId: unit.districtId,
          entity: 'resident',
          entityId: created,
          action: 'create',
          // The audit log is readable by staff: it gets the masked number like every view.
          after: { ...body, idNumber: maskIdNumber(body.idNumber) },
        },
      ]);
      return created;
    });
    return this.get(actor, id, false);
  }

  async list(actor: Actor, q: ResidentListQuery): Promise<Page<ResidentView>> {
    const { rows, total } = await this.residents.list(scopeOf(actor), q);
    return {
      items: rows.map((r) => residentView(r)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Detail; `full` reveals the ID number to district staff and the admin, and is audited. */
  async get(actor: Actor, id: string, full: boolean): Promise<ResidentDetail> {
    if (full && actor.role !== 'district_staff' && actor.role !== 'system_admin') {
      throw new ForbiddenException();
    }
    const row = await this.residents.find(scopeOf(actor), id);
    if (!row) throw new NotFound(RESIDENT);
    if (full) {
      await this.audit.append(actor, [
        {
          districtId: row.districtId,
          entity: 'resident',
          entityId: id,
          action: 'reveal_id_number',
        },
      ]);
    }
    const designatedInstitutions = await this.residents.institutions(id);
    const parts = await this.details.parts(id);
    return { ...residentView(row, full), designatedInstitutions, ...parts };
  }

  /** S-3.1 / N-1.6: the personal designated institutions, replaced as a whole. */
  async setInstitutions(
    actor: Actor,
    id: string,
    body: z.output<typeof institutionsBody>,
  ): Promise<ResidentDetail> {
    await this.db.transaction(async () => {
      const row = await this.residents.find(scopeOf(actor), id, { mode: 'write', lock: true });
      if (!row) throw new NotFound(RESIDENT);
      const check = checkInstitutionChoice(row.category, body.designatedInstitutions);
      if (!check.ok) throw new RuleRefused(check.clause, check.message);
      const before = await this.residents.institutions(id);
      await this.residents.replaceInstitutions(id, row.districtId, body.designatedInstitutions);
      await this.audit.append(actor, [
        {
          districtId: row.districtId,
          entity: 'resident',
          entityId: id,
          action: 'set_designated_institutions',
          before,
          after: body.designatedInstitutions,
        },
      ]);
    });
    return this.get(actor, id, false);
  }

  /** N-1.6: elderly and unemployed residents still without a community institution. */
  async missingCommunityInstitution(
    actor: Actor,
    q: MissingInstitutionQuery,
  ): Promise<Page<MissingInstitutionItem> & { policyYear: number; deadline: string | null }> {
    const policyYear = q.policyYear ?? ENROLMENT_2011.policyYear;
    let deadline = q.deadline;
    if (deadline === undefined) {
      try {
        deadline = getEnrolmentPolicy(policyYear).communityInstitutionDeadline;
      } catch (error) {
        if (error instanceof PolicyNotFoundError)
          throw new ValidationFailed({ policyYear: error.message });
        throw error;
      }
    }
    const today = this.clock.today();
    const categories = CATEGORIES.filter(needsCommunityInstitution);
    const { rows, total } = await this.residents.missingCommunityInstitution(
      scopeOf(actor),
      categories,
      q,
    );
    const items = rows.map((r): MissingInstitutionItem => {
      const status = communityInstitutionStatus(r.category, r.institutions, today, deadline);
      return {
        id: r.id,
        name: r.name,
        idNumber: maskIdNumber(r.idNumber),
        category: r.category,
        currentUnit: residentView(r).currentUnit,
        designatedInstitutions: r.institutions,
        deadline: status.deadline ?? null,
        overdue: status.overdue,
      };
    });
    return {
      items,
      total,
      page: q.page,
      pageSize: q.pageSize,
      policyYear,
      deadline: deadline ?? null,
    };
  }

  /** Event dates may not be after the business date (422 on the field). */
  notAfterToday(field: string, date: string): void {
    eventDate(date, this.clock.today(), field);
  }
}

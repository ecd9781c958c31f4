import { Injectable } from '@nestjs/common';
import {
  bi,
  categoryChangeAllowed,
  checkEnrolmentDate,
  coverStartFromJanuary,
  type FeeDecision,
  feeDecision,
  maskIdNumber,
  needsTemporaryCertificate,
  PolicyNotFoundError,
  requiredDeposit,
  type SubsidyFlag,
} from '@sscard/rules';
import { type AuditEntry, AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { NotFound, RuleRefused, ValidationFailed } from '../../common/errors/api-errors.js';
import type { Page } from '../../common/validation/paging.js';
import { DatabaseContext } from '../../database/database-context.js';
import type { ResidentRow } from '../residents/residents.repository.js';
import { ResidentsRepository } from '../residents/residents.repository.js';
import { RESIDENT, ResidentsService } from '../residents/residents.service.js';
import { isUniqueViolation } from '../residents/unique-violation.js';
import type {
  EnrolmentBody,
  EnrolmentCreated,
  EnrolmentListQuery,
  EnrolmentView,
} from './enrolments.dto.js';
import { type EnrolmentRow, EnrolmentsRepository } from './enrolments.repository.js';
import { TemporaryCertificatesRepository } from './temporary-certificates.repository.js';

export const ENROLMENT = { zh: '参保登记', en: 'Enrolment' };

export function enrolmentView(row: EnrolmentRow): EnrolmentView {
  const { unitId, unitName, idNumber, ...rest } = row;
  return { ...rest, idNumber: maskIdNumber(idNumber), unit: { id: unitId, name: unitName } };
}

/** Policy data missing for the year (N-1.2) is the caller's input problem, not a server error. */
export function policyYearRule<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof PolicyNotFoundError)
      throw new ValidationFailed({ policyYear: error.message });
    throw error;
  }
}

@Injectable()
export class EnrolmentsService {
  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly certificates: TemporaryCertificatesRepository,
    private readonly residents: ResidentsRepository,
    private readonly residentsService: ResidentsService,
    private readonly audit: AuditRepository,
    private readonly db: DatabaseContext,
  ) {}

  /**
   * N-1.3a / N-1.4a / N-1.4b: the fee with the best exemption the person has: a flag verified
   * as passed for this very year wins; otherwise the first claimed flag says why it is refused.
   */
  private decideFee(
    body: EnrolmentBody,
    resident: ResidentRow,
    passed: SubsidyFlag[],
  ): FeeDecision {
    const claims = [
      ...passed.map((flag) => ({ flag, verifiedForYear: body.policyYear })),
      ...resident.subsidyFlags.filter((f) => !passed.includes(f)).map((flag) => ({ flag })),
    ];
    const decisions = claims.map((subsidy) =>
      feeDecision({ policyYear: body.policyYear, category: body.category, subsidy }),
    );
    return (
      decisions.find((d) => d.exempt) ??
      decisions[0] ??
      feeDecision({ policyYear: body.policyYear, category: body.category })
    );
  }

  async enrol(actor: Actor, residentId: string, body: EnrolmentBody): Promise<EnrolmentCreated> {
    this.residentsService.notAfterToday('enrolledOn', body.enrolledOn);
    const duplicate = bi(
      `该人员已办理${body.policyYear}年度参保登记`,
      `Already enrolled for ${body.policyYear}`,
    );
    return this.db.transaction(async () => {
      const resident = await this.residents.find(scopeOf(actor), residentId, {
        mode: 'write',
        lock: true,
      });
      if (!resident) throw new NotFound(RESIDENT);
      if (!resident.currentUnitId) {
        throw new ValidationFailed({
          currentUnitId: bi('该人员没有当前参保单位', 'The resident has no current unit'),
        });
      }
      // The resident's own category, or the new one of an age change paid at its standard (N-2.5).
      if (
        body.category !== resident.category &&
        !categoryChangeAllowed(resident.category, body.category)
      ) {
        throw new ValidationFailed({
          category: bi('参保类别须与人员类别一致', "The category must be the resident's category"),
        });
      }
      const passed = await this.enrolments.passedFlags(residentId, body.policyYear);
      const fee = policyYearRule(() => this.decideFee(body, resident, passed));
      const window = policyYearRule(() => checkEnrolmentDate(body.policyYear, body.enrolledOn));
      if (!window.ok) throw new RuleRefused(window.clause, window.message);
      if (await this.enrolments.enrolledFor(residentId, body.policyYear))
        throw new ValidationFailed({ policyYear: duplicate });
      const withholding = body.paymentMethod === 'bank_withholding';
      const account = withholding ? (body.depositAccount ?? null) : null;
      const row = {
        districtId: resident.districtId,
        residentId,
        unitId: resident.currentUnitId,
        policyYear: body.policyYear,
        category: body.category,
        enrolledOn: body.enrolledOn,
        paymentMethod: body.paymentMethod,
        depositAccount: account,
        feeYuan: fee.payableYuan,
        exempt: fee.exempt,
        // N-1.3d: 京卡 payers deposit 1 元 more; cash payers deposit nothing.
        requiredDepositYuan: account ? requiredDeposit(fee.payableYuan, account) : null,
        // N-1.1c: an exempt person has nothing to pay, so the enrolment date decides; the others
        // secure 1 January when their payment is recorded.
        januaryCover: fee.exempt && coverStartFromJanuary(body.policyYear, body.enrolledOn).secured,
      };
      let id: string;
      try {
        id = await this.enrolments.insert(row);
      } catch (error) {
        if (isUniqueViolation(error, 'uq_enrolment_resident_year'))
          throw new ValidationFailed({ policyYear: duplicate });
        throw error;
      }
      const entries: AuditEntry[] = [
        {
          districtId: resident.districtId,
          entity: 'enrolment',
          entityId: id,
          action: 'create',
          after: { ...row, standardFeeYuan: fee.standardYuan },
        },
      ];
      let certificate: EnrolmentCreated['temporaryCertificate'] = null;
      if (
        needsTemporaryCertificate(body.policyYear, body.enrolledOn) &&
        !(await this.certificates.hasCard(residentId)) &&
        !(await this.certificates.hasOpen(residentId))
      ) {
        const { districtId, ...issued } = await this.certificates.issue({
          districtId: resident.districtId,
          residentId,
          issuedOn: body.enrolledOn,
        });
        certificate = issued;
        entries.push({
          districtId,
          entity: 'temporary_certificate',
          entityId: issued.id,
          action: 'issue',
          after: { ...issued, enrolmentId: id },
        });
      }
      await this.audit.append(actor, entries);
      const created = await this.enrolments.find({}, id);
      if (!created) throw new Error('enrolment not found after insert');
      return {
        ...enrolmentView(created),
        exemptionRefused: fee.exemptionRefused ?? null,
        temporaryCertificate: certificate,
      };
    });
  }

  async list(actor: Actor, q: EnrolmentListQuery): Promise<Page<EnrolmentView>> {
    const { rows, total } = await this.enrolments.list(scopeOf(actor), q);
    return { items: rows.map(enrolmentView), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<EnrolmentView> {
    const row = await this.enrolments.find(scopeOf(actor), id);
    if (!row) throw new NotFound(ENROLMENT);
    return enrolmentView(row);
  }
}

import { Injectable } from '@nestjs/common';
import { bi, checkSubsidyFlag } from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { NotFound, RuleRefused, ValidationFailed } from '../../common/errors/api-errors.js';
import { DatabaseContext } from '../../database/database-context.js';
import type { ResidentDetail, SubsidyVerificationBody } from './residents.dto.js';
import { ResidentsRepository } from './residents.repository.js';
import { RESIDENT, ResidentsService } from './residents.service.js';
import { isUniqueViolation } from './unique-violation.js';

type VerificationView = ResidentDetail['subsidyVerifications'][number];

/** N-1.4a / N-1.4b: the yearly subsidy-eligibility verification (财政补助资格验审). */
@Injectable()
export class SubsidyVerificationsService {
  constructor(
    private readonly residents: ResidentsRepository,
    private readonly residentsService: ResidentsService,
    private readonly audit: AuditRepository,
    private readonly db: DatabaseContext,
  ) {}

  async record(
    actor: Actor,
    residentId: string,
    body: SubsidyVerificationBody,
  ): Promise<VerificationView> {
    this.residentsService.notAfterToday('verifiedOn', body.verifiedOn);
    const duplicate = bi(
      `${body.policyYear}年度该补助标识已有验审记录`,
      `A verification of this flag for ${body.policyYear} is already recorded`,
    );
    return this.db.transaction(async () => {
      const row = await this.residents.find(scopeOf(actor), residentId, {
        mode: 'write',
        lock: true,
      });
      if (!row) throw new NotFound(RESIDENT);
      const fits = checkSubsidyFlag(body.flag, row.category, body.policyYear);
      if (!fits.ok) throw new RuleRefused(fits.clause, fits.message);
      if (await this.residents.verificationExists(residentId, body.policyYear, body.flag)) {
        throw new ValidationFailed({ policyYear: duplicate });
      }
      let id: string;
      try {
        id = await this.residents.insertVerification({
          districtId: row.districtId,
          residentId,
          policyYear: body.policyYear,
          flag: body.flag,
          passed: body.passed,
          actedBy: body.actedBy,
          evidence: body.evidence,
          verifiedOn: body.verifiedOn,
          recordedBy: actor.userId,
        });
      } catch (error) {
        if (isUniqueViolation(error, 'uq_subsidy_verification_year'))
          throw new ValidationFailed({ policyYear: duplicate });
        throw error;
      }
      // N-1.4b: after a passed verification the unit records the flag on the person.
      if (body.passed) await this.residents.addSubsidyFlag(residentId, body.flag);
      await this.audit.append(actor, [
        {
          districtId: row.districtId,
          entity: 'subsidy_verification',
          entityId: id,
          action: 'create',
          after: { residentId, ...body },
        },
      ]);
      return { id, ...body };
    });
  }
}

import { Injectable } from '@nestjs/common';
import {
  bi,
  checkEnrolmentDate,
  compareDates,
  coverStartFromJanuary,
  withholdingRound,
} from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import {
  NotFound,
  RuleRefused,
  StateConflict,
  ValidationFailed,
} from '../../common/errors/api-errors.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { ResidentsService } from '../residents/residents.service.js';
import { isUniqueViolation } from '../residents/unique-violation.js';
import type { EnrolmentView, PaymentBody } from './enrolments.dto.js';
import { EnrolmentsRepository } from './enrolments.repository.js';
import { ENROLMENT, enrolmentView, policyYearRule } from './enrolments.service.js';

const ALREADY_PAID = bi('该参保登记已缴费', 'This enrolment is already paid');

/** N-1.3a–d / N-1.4a: recording the payment of an enrolment, once. */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly residentsService: ResidentsService,
    private readonly audit: AuditRepository,
    private readonly idempotency: IdempotencyService,
  ) {}

  pay(
    actor: Actor,
    enrolmentId: string,
    body: PaymentBody,
    idempotencyKey: string | undefined,
  ): Promise<EnrolmentView> {
    this.residentsService.notAfterToday('paidOn', body.paidOn);
    return this.idempotency.run(actor, idempotencyKey, { enrolmentId, ...body }, async () => {
      const e = await this.enrolments.find(scopeOf(actor), enrolmentId, true);
      if (!e) throw new NotFound(ENROLMENT);
      const fields: Record<string, string> = {};
      if (body.policyYear !== e.policyYear)
        fields.policyYear = bi(
          `参保登记的政策年度为${e.policyYear}`,
          `The enrolment is for ${e.policyYear}`,
        );
      if (body.method !== e.paymentMethod)
        fields.method = bi('缴费方式须与参保登记一致', 'The method must match the enrolment');
      if (compareDates(body.paidOn, e.enrolledOn) < 0)
        fields.paidOn = bi(
          `缴费日期不能早于参保日期（${e.enrolledOn}）`,
          `Payment cannot be before the enrolment (${e.enrolledOn})`,
        );
      if (Object.keys(fields).length > 0) throw new ValidationFailed(fields);
      if (e.payment) throw new StateConflict(ALREADY_PAID);
      if (e.exempt) {
        throw new RuleRefused(
          'N-1.4a',
          bi(
            '该人员已通过财政补助资格验审，本年度免缴，无需缴费',
            'Exempt after a passed subsidy verification for the year: no payment is due',
          ),
        );
      }
      if (body.amountYuan !== e.feeYuan) {
        throw new RuleRefused(
          'N-1.3a',
          bi(
            `应缴${e.feeYuan}元，实缴${body.amountYuan}元`,
            `The fee is ${e.feeYuan} 元, not ${body.amountYuan} 元`,
          ),
        );
      }
      const window = policyYearRule(() => checkEnrolmentDate(e.policyYear, body.paidOn));
      if (!window.ok) throw new RuleRefused(window.clause, window.message);
      let round: number | null = null;
      if (e.paymentMethod === 'bank_withholding') {
        const outcome = policyYearRule(() => withholdingRound(e.policyYear, body.paidOn));
        if (!outcome.met) throw new RuleRefused(outcome.clause, outcome.message);
        round = outcome.round;
      }
      let paymentId: string;
      try {
        paymentId = await this.enrolments.insertPayment({
          districtId: e.districtId,
          enrolmentId,
          amountYuan: body.amountYuan,
          paidOn: body.paidOn,
          method: body.method,
          channel: body.channel ?? null,
          withholdingRound: round,
          recordedBy: actor.userId,
        });
      } catch (error) {
        if (isUniqueViolation(error, 'uq_payment_enrolment')) throw new StateConflict(ALREADY_PAID);
        throw error;
      }
      // N-1.1c: paid by the cut-off secures cover from 1 January.
      const januaryCover = coverStartFromJanuary(e.policyYear, body.paidOn).secured;
      await this.enrolments.setJanuaryCover(enrolmentId, januaryCover);
      await this.audit.append(actor, [
        {
          districtId: e.districtId,
          entity: 'payment',
          entityId: paymentId,
          action: 'create',
          after: { enrolmentId, ...body, withholdingRound: round },
        },
        {
          districtId: e.districtId,
          entity: 'enrolment',
          entityId: enrolmentId,
          action: 'paid',
          before: { januaryCover: e.januaryCover },
          after: { januaryCover },
        },
      ]);
      const paid = await this.enrolments.find({}, enrolmentId);
      if (!paid) throw new Error('enrolment not found after payment');
      return enrolmentView(paid);
    });
  }
}

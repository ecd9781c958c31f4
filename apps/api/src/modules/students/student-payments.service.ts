import { Injectable } from '@nestjs/common';
import { bi, checkStudentPayment, compareDates, standardFee, toShanghai } from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { RuleRefused, StateConflict, ValidationFailed } from '../../common/errors/api-errors.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { isUniqueViolation } from '../residents/unique-violation.js';
import { StudentProgressRepository } from './student-progress.repository.js';
import { StudentProgressService } from './student-progress.service.js';
import type { StudentDetail, StudentPaymentBody } from './students.dto.js';
import { StudentsService } from './students.service.js';

const ALREADY_PAID = bi('该学生已缴费', 'This student has already paid');

/** S-2.1 / S-2.2a / S-2.4: recording a reviewed student's payment, once. */
@Injectable()
export class StudentPaymentsService {
  constructor(
    private readonly progress: StudentProgressRepository,
    private readonly steps: StudentProgressService,
    private readonly students: StudentsService,
    private readonly audit: AuditRepository,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  async pay(
    actor: Actor,
    id: string,
    body: StudentPaymentBody,
    idempotencyKey: string | undefined,
  ): Promise<StudentDetail> {
    // The instant as sent (with its offset), or now; the rules read it in Beijing time.
    const paidAt = body.paidAt ?? this.clock.now().toISOString();
    const today = this.clock.today();
    if (compareDates(toShanghai(paidAt).date, today) > 0) {
      throw new ValidationFailed({
        paidAt: bi(`缴费时间不能晚于今天（${today}）`, `paidAt may not be after today (${today})`),
      });
    }
    await this.idempotency.run(actor, idempotencyKey, { id, ...body }, async () => {
      const row = await this.steps.lockStudent(actor, id);
      const fee = standardFee(row.policyYear, 'student_child');
      if (body.amountYuan !== undefined && body.amountYuan !== fee) {
        throw new RuleRefused(
          'S-2.1',
          bi(
            `应缴${fee}元，实缴${body.amountYuan}元`,
            `The fee is ${fee} 元, not ${body.amountYuan} 元`,
          ),
        );
      }
      const allowed = checkStudentPayment(paidAt, row.policyYear);
      await this.steps.step(actor, row, { type: 'pay', paymentAllowed: allowed }, 'pay');
      let paymentId: string;
      try {
        paymentId = await this.progress.insertPayment({
          districtId: row.districtId,
          studentId: id,
          amountYuan: fee,
          paidAt,
          channel: body.channel,
          recordedBy: actor.userId,
        });
      } catch (error) {
        if (isUniqueViolation(error, 'uq_student_payment_student')) {
          throw new StateConflict(ALREADY_PAID);
        }
        throw error;
      }
      await this.audit.append(actor, [
        {
          districtId: row.districtId,
          entity: 'student_payment',
          entityId: paymentId,
          action: 'create',
          after: { studentId: id, amountYuan: fee, paidAt, channel: body.channel },
        },
      ]);
    });
    return this.students.get(actor, id);
  }
}

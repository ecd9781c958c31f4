import { Injectable } from '@nestjs/common';
import {
  bi,
  checkInstitutionChoice,
  getStudentPolicy,
  type StudentEvent,
  transitionStudent,
} from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { NotFound, RuleRefused, StateConflict } from '../../common/errors/api-errors.js';
import { DatabaseContext } from '../../database/database-context.js';
import { StudentFilesRepository } from './student-files.repository.js';
import { StudentProgressRepository } from './student-progress.repository.js';
import { checklistOf, storedEligibility } from './student-view.js';
import type { StudentDetail, StudentInstitutionsBody } from './students.dto.js';
import { type StudentRow, StudentsRepository } from './students.repository.js';
import { STUDENT, StudentsService } from './students.service.js';

/**
 * S-1.5 / S-1.6 / S-3.1: the steps after registration. Each is one transaction: the row is
 * locked, the rules decide (transitionStudent), and the UPDATE is guarded by the status it
 * expects, so a concurrent request gets a 409 instead of a double step.
 */
@Injectable()
export class StudentProgressService {
  constructor(
    private readonly students: StudentsRepository,
    private readonly files: StudentFilesRepository,
    private readonly progress: StudentProgressRepository,
    private readonly studentsService: StudentsService,
    private readonly audit: AuditRepository,
    private readonly db: DatabaseContext,
  ) {}

  /** Locks the student in scope, or 404. */
  async lockStudent(actor: Actor, id: string): Promise<StudentRow> {
    const row = await this.students.find(scopeOf(actor), id, true);
    if (!row) throw new NotFound(STUDENT);
    return row;
  }

  /** Moves the student one step; the rules refuse with their clause (409). */
  async step(actor: Actor, row: StudentRow, event: StudentEvent, action: string): Promise<void> {
    const decided = transitionStudent(row.status, event);
    if (!decided.ok) throw new RuleRefused(decided.clause, decided.message);
    if (!(await this.students.setStatus(row.id, row.status, decided.to))) {
      throw new StateConflict(
        bi('学生状态已被他人更改，请刷新后重试', 'The student changed meanwhile: reload and retry'),
      );
    }
    await this.audit.append(actor, [
      {
        districtId: row.districtId,
        entity: 'student',
        entityId: row.id,
        action,
        before: { status: row.status },
        after: {
          status: decided.to,
          ...('proxyHandling' in event ? { proxyHandling: event.proxyHandling } : {}),
        },
      },
    ]);
  }

  /**
   * S-1.5: attachments 1–3 complete (attachment 3: a summary produced since the data last
   * changed) and S-1.1 eligible → submitted to the college; the rules' transition decides both.
   */
  async submit(actor: Actor, id: string): Promise<StudentDetail> {
    await this.db.transaction(async () => {
      const row = await this.lockStudent(actor, id);
      const checklist = checklistOf(row, await this.files.forStudent(id));
      await this.step(
        actor,
        row,
        {
          type: 'submit',
          checklistComplete: checklist.complete,
          eligibility: storedEligibility(row),
        },
        'submit',
      );
    });
    return this.studentsService.get(actor, id);
  }

  /** S-1.6: Beijing's review passed. */
  async review(actor: Actor, id: string): Promise<StudentDetail> {
    await this.db.transaction(async () => {
      const row = await this.lockStudent(actor, id);
      await this.step(actor, row, { type: 'review' }, 'review');
    });
    return this.studentsService.get(actor, id);
  }

  /** S-1.6: the card photo recorded (the guide: answer "no" to proxy handling). */
  async recordPhoto(actor: Actor, id: string, proxyHandling: boolean): Promise<StudentDetail> {
    await this.db.transaction(async () => {
      const row = await this.lockStudent(actor, id);
      await this.step(actor, row, { type: 'record_photo', proxyHandling }, 'record_photo');
    });
    return this.studentsService.get(actor, id);
  }

  /** S-1.6: no physical card; the electronic medical-insurance voucher instead. */
  async chooseEVoucher(actor: Actor, id: string): Promise<StudentDetail> {
    await this.db.transaction(async () => {
      const row = await this.lockStudent(actor, id);
      await this.step(actor, row, { type: 'choose_e_voucher' }, 'choose_e_voucher');
    });
    return this.studentsService.get(actor, id);
  }

  /** S-3.1: exactly 3 personal designated institutions; common ones are not counted. */
  async setInstitutions(
    actor: Actor,
    id: string,
    body: StudentInstitutionsBody,
  ): Promise<StudentDetail> {
    await this.db.transaction(async () => {
      const row = await this.lockStudent(actor, id);
      const check = checkInstitutionChoice(
        'student_child',
        body.designatedInstitutions,
        getStudentPolicy(row.policyYear).personalInstitutionCount,
      );
      if (!check.ok) throw new RuleRefused(check.clause, check.message);
      const before = await this.progress.institutions(id);
      await this.progress.replaceInstitutions(id, row.districtId, body.designatedInstitutions);
      await this.audit.append(actor, [
        {
          districtId: row.districtId,
          entity: 'student',
          entityId: id,
          action: 'set_institutions',
          before,
          after: body.designatedInstitutions,
        },
      ]);
    });
    return this.studentsService.get(actor, id);
  }
}

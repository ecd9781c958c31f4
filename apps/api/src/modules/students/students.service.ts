import { Injectable } from '@nestjs/common';
import {
  bi,
  DUPLICATE_REGISTRATION_MESSAGE,
  maskIdNumber,
  repeatedRegistrationMessage,
  repeatedRegistrations,
  STUDENT_2025,
  type StudentRegistration,
  studentEligibility,
} from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, type Scope, scopeOf } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { NotFound, ValidationFailed } from '../../common/errors/api-errors.js';
import type { Page } from '../../common/validation/paging.js';
import { DatabaseContext } from '../../database/database-context.js';
import { isUniqueViolation } from '../residents/unique-violation.js';
import { CollegesRepository, type UnitRef } from './colleges.repository.js';
import { StudentFilesRepository } from './student-files.repository.js';
import { StudentProgressRepository } from './student-progress.repository.js';
import { studentDetail, studentView } from './student-view.js';
import type { StudentDetail, StudentListQuery, StudentView } from './students.dto.js';
import { INSERT_CHUNK, type NewStudent, StudentsRepository } from './students.repository.js';

export const STUDENT = { zh: '学生', en: 'Student' };
const COLLEGE = { zh: '院（系）', en: 'College' };

/** Students register for the latest loaded student policy (the 2025 guide). */
export const STUDENT_POLICY_YEAR = STUDENT_2025.policyYear;

/** A problem with one row of a set of registrations, addressed by the row's index. */
export interface StudentRowIssue {
  index: number;
  field: string;
  message: string;
}

function newStudent(r: StudentRegistration): NewStudent {
  // S-1.1: the rules decide, and the verdict is stored with its reason for lists and summaries.
  const verdict = studentEligibility(r);
  return {
    name: r.name,
    idKind: r.idKind,
    idNumber: r.idNumber,
    gender: r.gender,
    birthDate: r.birthDate,
    nationalityOrRegion: r.nationalityOrRegion,
    phone: r.phone,
    className: r.className,
    studentNumber: r.studentNumber,
    studyStatus: r.studyStatus,
    fullTimeStudent: r.fullTimeStudent,
    otherCover: r.otherCover,
    declaresNoOtherCover: r.declaresNoOtherCover,
    eligible: verdict.ok,
    ineligibleClause: verdict.ok ? null : verdict.clause,
    ineligibleReason: verdict.ok ? null : verdict.message,
  };
}

@Injectable()
export class StudentsService {
  constructor(
    private readonly students: StudentsRepository,
    private readonly colleges: CollegesRepository,
    private readonly files: StudentFilesRepository,
    private readonly progress: StudentProgressRepository,
    private readonly audit: AuditRepository,
    private readonly db: DatabaseContext,
    private readonly clock: Clock,
  ) {}

  /** S-1.2: one student registered in a college, numbered after the college's last student. */
  async create(actor: Actor, collegeId: string, body: StudentRegistration): Promise<StudentDetail> {
    const college = await this.colleges.findUnit(scopeOf(actor), collegeId, ['college']);
    if (!college) throw new NotFound(COLLEGE);
    const issues = await this.check([college], [body]);
    if (issues.length > 0) {
      throw new ValidationFailed(Object.fromEntries(issues.map((i) => [i.field, i.message])));
    }
    const [created] = await this.insertInto(actor, college, [body]);
    if (!created) throw new Error('student insert returned no row');
    return this.get(actor, created.id);
  }

  /**
   * For the import: rows of a college's sheet (unitId a college) or of a university's (unitId
   * the university; each row's 院（系） names one of its colleges). Returns every problem, so a
   * dry run can report them all; an empty list means insertMany will accept the rows.
   */
  async checkMany(
    actor: Actor,
    unitId: string,
    rows: readonly StudentRegistration[],
  ): Promise<StudentRowIssue[]> {
    return this.check(await this.collegesOf(scopeOf(actor), unitId), rows);
  }

  /**
   * The import engine's dry run: the job's target unit was checked against the uploader's scope
   * when the file came in, so the job's own district is the scope here. Repeats inside the file
   * are not reported here: the engine finds them across the whole file and names sheet rows,
   * whereas these rows are one chunk and their indexes are not row numbers.
   */
  async checkManyInDistrict(
    districtId: string,
    unitId: string,
    rows: readonly StudentRegistration[],
  ): Promise<StudentRowIssue[]> {
    return this.check(await this.collegesOf({ districtId }, unitId), rows, false);
  }

  /**
   * Set-based insert of many registrations (chunked `INSERT … SELECT FROM unnest`), all or
   * nothing; runs inside the caller's transaction when there is one. Refuses with a 422 naming
   * `rows.<index>.<field>` when checkMany finds anything.
   */
  async insertMany(
    actor: Actor,
    unitId: string,
    rows: readonly StudentRegistration[],
  ): Promise<{ id: string; seq: number; collegeId: string }[]> {
    const colleges = await this.collegesOf(scopeOf(actor), unitId);
    return this.db.transaction(async () => {
      const issues = await this.check(colleges, rows);
      if (issues.length > 0) {
        throw new ValidationFailed(
          Object.fromEntries(issues.map((i) => [`rows.${i.index}.${i.field}`, i.message])),
        );
      }
      const out: { id: string; seq: number; collegeId: string }[] = [];
      for (const college of colleges) {
        const mine = rows.filter((r) => r.college.trim() === college.name.trim());
        if (mine.length > 0) out.push(...(await this.insertInto(actor, college, mine)));
      }
      return out;
    });
  }

  private async collegesOf(scope: Scope, unitId: string): Promise<UnitRef[]> {
    const unit = await this.colleges.findUnit(scope, unitId, ['college', 'university']);
    if (!unit) throw new NotFound(COLLEGE);
    if (unit.kind === 'college') return [unit];
    const colleges = await this.colleges.colleges(scope, unit.id);
    return colleges.map((c) => ({ ...c, kind: 'college', parentUnitId: c.universityId }));
  }

  /**
   * The college named on the form must be the one it is filed in. S-1.2: one registration per
   * ID number per year — the rules give the key and find repeats within the rows, the database
   * says which are taken already, and its unique constraint has the last word (insertInto).
   */
  private async check(
    colleges: readonly UnitRef[],
    rows: readonly StudentRegistration[],
    reportRepeats = true,
  ): Promise<StudentRowIssue[]> {
    const issues: StudentRowIssue[] = [];
    const names = new Set(colleges.map((c) => c.name.trim()));
    const taken = new Set<string>();
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const ids = rows.slice(start, start + INSERT_CHUNK).map((r) => r.idNumber);
      for (const id of await this.students.existingIdNumbers(STUDENT_POLICY_YEAR, ids)) {
        taken.add(id);
      }
    }
    const repeats = repeatedRegistrations(STUDENT_POLICY_YEAR, rows);
    rows.forEach((r, index) => {
      if (!names.has(r.college.trim())) {
        issues.push({
          index,
          field: 'college',
          message: bi(
            `院（系）应为：${[...names].join('、')}（实际为“${r.college}”）`,
            `The college must be one of: ${[...names].join(', ')} (got "${r.college}")`,
          ),
        });
      }
      const first = repeats.get(index);
      if (taken.has(r.idNumber)) {
        issues.push({ index, field: 'idNumber', message: DUPLICATE_REGISTRATION_MESSAGE });
      } else if (first !== undefined && reportRepeats) {
        issues.push({ index, field: 'idNumber', message: repeatedRegistrationMessage(first) });
      }
    });
    return issues;
  }

  private async insertInto(
    actor: Actor,
    college: UnitRef,
    rows: readonly StudentRegistration[],
  ): Promise<{ id: string; seq: number; collegeId: string }[]> {
    return this.db.transaction(async () => {
      await this.students.lockCollege(college.id);
      const values = rows.map(newStudent);
      let inserted: { id: string; seq: number }[];
      try {
        inserted = await this.students.insertMany({
          districtId: college.districtId,
          collegeId: college.id,
          policyYear: STUDENT_POLICY_YEAR,
          createdBy: actor.userId,
          rows: values,
        });
      } catch (error) {
        if (isUniqueViolation(error, 'uq_student_year_id_number')) {
          throw new ValidationFailed({ idNumber: DUPLICATE_REGISTRATION_MESSAGE });
        }
        throw error;
      }
      for (let start = 0; start < inserted.length; start += INSERT_CHUNK) {
        await this.audit.append(
          actor,
          inserted.slice(start, start + INSERT_CHUNK).map((s, i) => {
            const v = values[start + i];
            return {
              districtId: college.districtId,
              entity: 'student',
              entityId: s.id,
              action: 'create',
              // The audit log is readable by staff: it gets the masked number like every view.
              after: {
                ...v,
                idNumber: maskIdNumber(v?.idNumber ?? ''),
                collegeId: college.id,
                seq: s.seq,
              },
            };
          }),
        );
      }
      return inserted.map((s) => ({ ...s, collegeId: college.id }));
    });
  }

  async list(actor: Actor, q: StudentListQuery): Promise<Page<StudentView>> {
    const { rows, total } = await this.students.list(scopeOf(actor), q);
    return { items: rows.map(studentView), total, page: q.page, pageSize: q.pageSize };
  }

  /** The detail with the checklist, evidence, next steps, benefit period and help lines. */
  async get(actor: Actor, id: string): Promise<StudentDetail> {
    const row = await this.students.find(scopeOf(actor), id);
    if (!row) throw new NotFound(STUDENT);
    // One query after another: the embedded database serves a single connection.
    const attachments = await this.files.forStudent(id);
    const payment = await this.progress.payment(id);
    const institutions = await this.progress.institutions(id);
    return studentDetail(row, { attachments, payment, institutions, today: this.clock.today() });
  }
}

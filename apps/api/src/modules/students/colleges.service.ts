import { Injectable } from '@nestjs/common';
import { bi, STUDENT_STATUSES } from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { NotFound, ValidationFailed } from '../../common/errors/api-errors.js';
import { DatabaseContext } from '../../database/database-context.js';
import { type CollegeRow, CollegesRepository } from './colleges.repository.js';
import type {
  CollegeView,
  CreateCollegeBody,
  DashboardRow,
  StatusCounts,
  StudentDashboard,
} from './students.dto.js';
import { STUDENT_POLICY_YEAR } from './students.service.js';

const UNIVERSITY = { zh: '高校', en: 'University' };

const zeroCounts = (): StatusCounts =>
  Object.fromEntries(STUDENT_STATUSES.map((s) => [s, 0])) as StatusCounts;

type Progress = Pick<CollegeView, 'byStatus' | 'ineligible' | 'deferred'>;

function collegeView(row: CollegeRow, progress?: Progress): CollegeView {
  return {
    id: row.id,
    districtId: row.districtId,
    university: { id: row.universityId, name: row.universityName },
    name: row.name,
    registrationCode: row.registrationCode,
    studentCount: row.studentCount,
    byStatus: progress?.byStatus ?? zeroCounts(),
    ineligible: progress?.ineligible ?? 0,
    deferred: progress?.deferred ?? 0,
  };
}

/** A university's colleges (院（系）, sub-units of the insured unit) and the progress dashboard. */
@Injectable()
export class CollegesService {
  constructor(
    private readonly colleges: CollegesRepository,
    private readonly audit: AuditRepository,
    private readonly db: DatabaseContext,
  ) {}

  async list(actor: Actor, universityId: string): Promise<CollegeView[]> {
    const scope = scopeOf(actor);
    if (!(await this.colleges.findUnit(scope, universityId, ['university']))) {
      throw new NotFound(UNIVERSITY);
    }
    // One query after another: the embedded database serves a single connection.
    const rows = await this.colleges.colleges(scope, universityId);
    const counts = await this.colleges.countsByCollege(scope, universityId);
    const progress = new Map<string, Progress>();
    for (const c of counts) {
      let p = progress.get(c.collegeId);
      if (!p) {
        p = { byStatus: zeroCounts(), ineligible: 0, deferred: 0 };
        progress.set(c.collegeId, p);
      }
      if (c.status === null) continue;
      p.byStatus[c.status] += c.count;
      p.ineligible += c.ineligible;
      p.deferred += c.deferred;
    }
    return rows.map((row) => collegeView(row, progress.get(row.id)));
  }

  /** District staff (their district) or the admin add a college under a university. */
  async create(actor: Actor, universityId: string, body: CreateCollegeBody): Promise<CollegeView> {
    return this.db.transaction(async () => {
      const university = await this.colleges.findUnit(scopeOf(actor), universityId, ['university']);
      if (!university) throw new NotFound(UNIVERSITY);
      if (await this.colleges.codeTaken(body.registrationCode)) {
        throw new ValidationFailed({
          registrationCode: bi(
            '该社会保险登记证编码已存在',
            'This registration code already exists',
          ),
        });
      }
      const id = await this.colleges.insertCollege({
        districtId: university.districtId,
        universityId,
        name: body.name,
        registrationCode: body.registrationCode,
      });
      await this.audit.append(actor, [
        {
          districtId: university.districtId,
          entity: 'unit',
          entityId: id,
          action: 'create',
          after: { ...body, kind: 'college', parentUnitId: universityId },
        },
      ]);
      const row = await this.colleges.college(id);
      if (!row) throw new Error('college not found after insert');
      return collegeView(row);
    });
  }

  /** Counts per status for the caller's colleges (all of a university's for university staff). */
  async dashboard(actor: Actor, universityId: string | undefined): Promise<StudentDashboard> {
    const rows = await this.colleges.countsByCollege(scopeOf(actor), universityId);
    const byCollege = new Map<string, DashboardRow>();
    const out: StudentDashboard = {
      policyYear: STUDENT_POLICY_YEAR,
      total: 0,
      ineligible: 0,
      deferred: 0,
      byStatus: zeroCounts(),
      colleges: [],
    };
    for (const r of rows) {
      let college = byCollege.get(r.collegeId);
      if (!college) {
        college = {
          college: { id: r.collegeId, name: r.collegeName },
          university:
            r.universityId && r.universityName
              ? { id: r.universityId, name: r.universityName }
              : null,
          total: 0,
          ineligible: 0,
          deferred: 0,
          byStatus: zeroCounts(),
        };
        byCollege.set(r.collegeId, college);
        out.colleges.push(college);
      }
      if (r.status === null) continue;
      for (const target of [college, out]) {
        target.total += r.count;
        target.ineligible += r.ineligible;
        target.deferred += r.deferred;
        target.byStatus[r.status] += r.count;
      }
    }
    return out;
  }
}

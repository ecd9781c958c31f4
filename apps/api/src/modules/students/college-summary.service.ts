import { Injectable, type StreamableFile } from '@nestjs/common';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { NotFound } from '../../common/errors/api-errors.js';
import {
  type CollegeSummaryRow,
  collegeSummaryFileName,
  writeCollegeSummary,
} from '../exports/college-summary.workbook.js';
import { keysetPages, xlsxDownload } from '../exports/xlsx-stream.js';
import { CollegesRepository } from './colleges.repository.js';
import { type IncludedRow, type StudentRow, StudentsRepository } from './students.repository.js';
import { STUDENT_POLICY_YEAR } from './students.service.js';

/** Attachment 1's data as the summary table prints it, under the student's own 序号. */
function registration(row: StudentRow): CollegeSummaryRow {
  return {
    seq: row.seq,
    name: row.name,
    idKind: row.idKind,
    idNumber: row.idNumber,
    gender: row.gender,
    birthDate: row.birthDate,
    nationalityOrRegion: row.nationalityOrRegion,
    phone: row.phone,
    college: row.collegeName,
    className: row.className,
    studentNumber: row.studentNumber,
    studyStatus: row.studyStatus,
    fullTimeStudent: row.fullTimeStudent,
    otherCover: row.otherCover,
    declaresNoOtherCover: row.declaresNoOtherCover,
  };
}

/**
 * S-1.4: attachment 3, 【XX学院】2025年北京市城乡居民基本医疗保险新参保信息汇总表, streamed
 * page by page, with full ID numbers (see the writer). It lists the college's eligible students
 * (S-1.1): an ineligible one is not a new enrolee.
 *
 * S-1.5: once every line has been handed to the writer, the students it included are marked (summary_exported_at,
 * set-based, each only if its data is still what was printed), which is what ticks attachment 3
 * on their checklists. An aborted download stops before that, so it marks no one.
 */
@Injectable()
export class CollegeSummaryService {
  constructor(
    private readonly colleges: CollegesRepository,
    private readonly students: StudentsRepository,
    private readonly clock: Clock,
    private readonly audit: AuditRepository,
  ) {}

  async export(actor: Actor, collegeId: string): Promise<StreamableFile> {
    const college = await this.colleges.findUnit(scopeOf(actor), collegeId, ['college']);
    if (!college) throw new NotFound({ zh: '院（系）', en: 'College' });
    const fileName = collegeSummaryFileName(college.name, STUDENT_POLICY_YEAR);
    // The table carries full ID numbers (the agency enrols from it): every download is on record.
    await this.audit.append(actor, [
      {
        districtId: college.districtId,
        entity: 'unit',
        entityId: college.id,
        action: 'college_summary_download',
      },
    ]);
    const today = this.clock.today();
    return xlsxDownload(
      { zh: fileName, ascii: `college-summary-${STUDENT_POLICY_YEAR}.xlsx` },
      async (output) => {
        await writeCollegeSummary(output, {
          collegeName: college.name,
          policyYear: STUDENT_POLICY_YEAR,
          today,
          rows: this.lines(actor, college),
        });
      },
    );
  }

  /** The summary's lines; after the last one, the students they showed are marked (S-1.5). */
  private async *lines(
    actor: Actor,
    college: { id: string; districtId: string },
  ): AsyncGenerator<CollegeSummaryRow> {
    const included: IncludedRow[] = [];
    const pages = keysetPages(
      (after: number | null, size) => this.students.summaryPage(college.id, after, size),
      (row) => row.seq,
    );
    for await (const page of pages) {
      for (const row of page) {
        included.push({ id: row.id, registrationVersion: row.registrationVersion });
        yield registration(row);
      }
    }
    const marked = await this.students.markSummaryExported(included);
    await this.audit.append(actor, [
      {
        districtId: college.districtId,
        entity: 'unit',
        entityId: college.id,
        action: 'college_summary_included',
        after: { students: marked, lines: included.length },
      },
    ]);
  }
}

import { Injectable, type StreamableFile } from '@nestjs/common';
import { registrationFormAllowed } from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { NotFound, RuleRefused } from '../../common/errors/api-errors.js';
import {
  registrationFormFileName,
  writeRegistrationForm,
} from '../exports/registration-form.workbook.js';
import { xlsxDownload } from '../exports/xlsx-stream.js';
import { storedEligibility } from './student-view.js';
import { StudentsRepository } from './students.repository.js';
import { STUDENT } from './students.service.js';

/**
 * S-1.2: attachment 1 generated from the stored registration, for the student to check and
 * sign. It is what the insurer enrols from, so it carries the full ID number: only the
 * student's college and university staff get it (the controller's roles, the scoped query),
 * an ineligible student gets none (S-1.1), and every download is audited before a byte is sent.
 */
@Injectable()
export class StudentFormService {
  constructor(
    private readonly students: StudentsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async registrationForm(actor: Actor, id: string): Promise<StreamableFile> {
    const row = await this.students.find(scopeOf(actor), id);
    if (!row) throw new NotFound(STUDENT);
    const allowed = registrationFormAllowed(storedEligibility(row));
    if (!allowed.ok) throw new RuleRefused(allowed.clause, allowed.message);
    await this.audit.append(actor, [
      {
        districtId: row.districtId,
        entity: 'student',
        entityId: row.id,
        action: 'registration_form_download',
        after: { fullIdNumber: true },
      },
    ]);
    return xlsxDownload(
      {
        zh: registrationFormFileName(row.seq, row.name),
        ascii: `registration-form-${row.seq}.xlsx`,
      },
      async (output) => {
        await writeRegistrationForm(output, {
          seq: row.seq,
          collegeName: row.collegeName,
          policyYear: row.policyYear,
          registration: {
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
          },
        });
      },
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { ImportRow } from '@sscard/rules';
import type { Actor } from '../../common/auth/actor.js';
import { StudentsService } from '../students/students.service.js';
import type {
  CheckedChunk,
  ImportHandler,
  ImportTarget,
  LineIssue,
  ParsedLine,
} from './import-handler.js';

type StudentRow = ImportRow['students'];

/**
 * A college's new-student sheet (S-1.2): the students module owns the checks (college named on
 * the row, ID already registered this policy year) and the set-based insert that numbers 序号.
 */
@Injectable()
export class StudentImportHandler implements ImportHandler<StudentRow> {
  constructor(private readonly students: StudentsService) {}

  /** The ID number is the row's key already (parseImportRow). */
  extraUniqueKeys(): [] {
    return [];
  }

  async check(target: ImportTarget, lines: ParsedLine<StudentRow>[]): Promise<CheckedChunk> {
    if (!target.districtId || !target.unitId) throw new Error('student import without a unit');
    const rows = lines.map((l) => l.value);
    const found = await this.students.checkManyInDistrict(target.districtId, target.unitId, rows);
    const issues: LineIssue[] = found.map((i) => ({
      line: i.index,
      column: i.field,
      message: i.message,
    }));
    return {
      issues,
      write: async (actor: Actor) => {
        const created = await this.students.insertMany(actor, target.unitId ?? '', rows);
        return { students: created.length };
      },
    };
  }
}

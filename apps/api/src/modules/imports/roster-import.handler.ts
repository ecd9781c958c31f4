import { Injectable } from '@nestjs/common';
import { bi, checkInstitutionChoice, type ImportRow, maskIdNumber } from '@sscard/rules';
import type { Actor } from '../../common/auth/actor.js';
import type {
  CheckedChunk,
  CheckMode,
  ImportHandler,
  ImportTarget,
  LineIssue,
  ParsedLine,
  StagedConflict,
  StagedWriter,
} from './import-handler.js';
import {
  ROSTER_STAGED_MASK_KEY,
  RosterImportRepository,
  type RosterStagedRow,
} from './roster-import.repository.js';

type RosterRow = ImportRow['roster'];

export const ALREADY_REGISTERED = bi(
  '该证件号码已登记，请勿重复登记（可按证件号码搜索已有记录）',
  'This ID number is already registered (search by the ID number to find the record)',
);

function rosterTarget(target: ImportTarget): { districtId: string; unitId: string; jobId: string } {
  if (!target.districtId || !target.unitId) throw new Error('roster import without a unit');
  return { districtId: target.districtId, unitId: target.unitId, jobId: target.jobId };
}

/**
 * The roster of a unit (花名册): residents registered at the job's unit, all or nothing. The
 * commit is SQL over the staged rows (StagedWriter): the dry run stages each person with the
 * masked ID number its audit entry shows.
 */
@Injectable()
export class RosterImportHandler implements ImportHandler<RosterRow>, StagedWriter {
  readonly staged: StagedWriter = this;

  constructor(private readonly repo: RosterImportRepository) {}

  /** The ID number is the row's key already (parseImportRow). */
  extraUniqueKeys(): [] {
    return [];
  }

  stagedValue(value: RosterRow): RosterStagedRow {
    return { ...value, [ROSTER_STAGED_MASK_KEY]: maskIdNumber(value.idNumber) };
  }

  async check(
    target: ImportTarget,
    lines: ParsedLine<RosterRow>[],
    mode: CheckMode = {},
  ): Promise<CheckedChunk> {
    const issues: LineIssue[] = [];
    lines.forEach((l, line) => {
      // S-3.1 / N-1.6, as for a resident registered by hand (only when institutions are given).
      const choices = l.value.designatedInstitutions;
      if (choices.length === 0) return;
      const rule = checkInstitutionChoice(l.value.category, choices);
      if (!rule.ok) issues.push({ line, column: 'designatedInstitutions', message: rule.message });
    });
    // One pass: uq_resident_id_number refuses a registered person in the write itself (a fifth
    // of the one-pass import's database time went to this lookup).
    const taken = mode.onePass
      ? new Set<string>()
      : await this.repo.registered(lines.map((l) => l.value.idNumber));
    lines.forEach((l, line) => {
      if (taken.has(l.value.idNumber))
        issues.push({ line, column: 'idNumber', message: ALREADY_REGISTERED });
    });
    // The one-pass import writes the chunk at once; the two-step commit writes from the staged rows.
    const write = async (actor: Actor) => {
      // Masked by the rules here, as stagedValue does for the two-step commit.
      const masked = lines.map((l) => maskIdNumber(l.value.idNumber));
      const { residents, institutions } = await this.repo.writeRows(
        actor,
        rosterTarget(target),
        lines,
        masked,
      );
      return { residents, institutions };
    };
    return { issues, write };
  }

  /**
   * Only the registrations can have changed since the dry run: the institution rule depends on
   * the row alone, and the staged row is the row the dry run checked.
   */
  async firstConflict(target: ImportTarget): Promise<StagedConflict | null> {
    const rowNo = await this.repo.firstRegisteredStagedRow(target.jobId);
    return rowNo === null ? null : { rowNo, column: 'idNumber', message: ALREADY_REGISTERED };
  }

  async writeNext(actor: Actor, target: ImportTarget, afterRowNo: number, limit: number) {
    const { lastRowNo, residents, institutions } = await this.repo.writeStaged(
      actor,
      rosterTarget(target),
      afterRowNo,
      limit,
    );
    return { lastRowNo, rows: residents, counts: { residents, institutions } };
  }
}

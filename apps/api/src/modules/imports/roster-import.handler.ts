import { Injectable } from '@nestjs/common';
import { bi, checkInstitutionChoice, type ImportRow, maskIdNumber } from '@sscard/rules';
import type { Actor } from '../../common/auth/actor.js';
import type {
  CheckedChunk,
  ImportHandler,
  ImportTarget,
  LineIssue,
  ParsedLine,
} from './import-handler.js';
import { RosterImportRepository } from './roster-import.repository.js';

type RosterRow = ImportRow['roster'];

export const ALREADY_REGISTERED = bi(
  '该证件号码已登记，请勿重复登记（可按证件号码搜索已有记录）',
  'This ID number is already registered (search by the ID number to find the record)',
);

/** The roster of a unit (花名册): residents registered at the job's unit, all or nothing. */
@Injectable()
export class RosterImportHandler implements ImportHandler<RosterRow> {
  constructor(private readonly repo: RosterImportRepository) {}

  /** The ID number is the row's key already (parseImportRow). */
  extraUniqueKeys(): [] {
    return [];
  }

  async check(target: ImportTarget, lines: ParsedLine<RosterRow>[]): Promise<CheckedChunk> {
    const issues: LineIssue[] = [];
    lines.forEach((l, line) => {
      // S-3.1 / N-1.6, as for a resident registered by hand (only when institutions are given).
      const choices = l.value.designatedInstitutions;
      if (choices.length === 0) return;
      const rule = checkInstitutionChoice(l.value.category, choices);
      if (!rule.ok) issues.push({ line, column: 'designatedInstitutions', message: rule.message });
    });
    const taken = await this.repo.registered(lines.map((l) => l.value.idNumber));
    lines.forEach((l, line) => {
      if (taken.has(l.value.idNumber))
        issues.push({ line, column: 'idNumber', message: ALREADY_REGISTERED });
    });
    return {
      issues,
      write: (actor: Actor) => this.write(actor, target, lines),
    };
  }

  private async write(
    actor: Actor,
    target: ImportTarget,
    lines: ParsedLine<RosterRow>[],
  ): Promise<Record<string, number>> {
    if (!target.districtId || !target.unitId) throw new Error('roster import without a unit');
    const people = lines.map(({ value: p }) => ({
      idKind: p.idKind,
      idNumber: p.idNumber,
      name: p.name,
      birthDate: p.birthDate,
      category: p.category,
      subsidyFlags: p.subsidyFlags,
      institutions: p.designatedInstitutions,
      className: p.className ?? null,
      maskedIdNumber: maskIdNumber(p.idNumber),
    }));
    return this.repo.insert(
      actor,
      { districtId: target.districtId, unitId: target.unitId, jobId: target.jobId },
      people,
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { VendorCard } from '@sscard/rules';
import type { Actor } from '../../common/auth/actor.js';
import { checkVendorRowsAgainstDb } from '../cards/vendor-list.checks.js';
import { VendorListRepository } from '../cards/vendor-list.repository.js';
import { VendorListService } from '../cards/vendor-list.service.js';
import { ValidationFailed } from '../../common/errors/api-errors.js';
import {
  type CheckedChunk,
  ImportFailure,
  type ImportHandler,
  type ImportTarget,
  type LineIssue,
  type ParsedLine,
  rowProblem,
  type UniqueKey,
} from './import-handler.js';

const FIELD_KEY = /^cards\.(\d+)\.(\w+)$/;

/** The JSON endpoint's 422 (a row changed since the dry run), told with the sheet's row. */
function asImportFailure(error: unknown, lines: ParsedLine<VendorCard>[]): unknown {
  if (!(error instanceof ValidationFailed)) return error;
  const body = error.getResponse() as { fields?: Record<string, string> };
  const [key, message] = Object.entries(body.fields ?? {})[0] ?? ['', ''];
  const m = FIELD_KEY.exec(key);
  const rowNo = lines[Number(m?.[1] ?? -1)]?.rowNo;
  return new ImportFailure(rowNo ? rowProblem(rowNo, '', message) : message);
}

/**
 * N-2.6: the vendor's list of made and not-made cards, as a spreadsheet. The checks and the
 * writes are the JSON endpoint's (cards module): per chunk, inside the job's one transaction.
 */
@Injectable()
export class VendorImportHandler implements ImportHandler<VendorCard> {
  constructor(
    private readonly repo: VendorListRepository,
    private readonly vendorList: VendorListService,
  ) {}

  /** The ID number is the row's key (one card per person); card numbers are unique too. */
  extraUniqueKeys(row: VendorCard): UniqueKey[] {
    return row.state === 'made' && row.cardNumber
      ? [{ column: 'cardNumber', key: row.cardNumber, zh: '卡号', en: 'Card number' }]
      : [];
  }

  async check(target: ImportTarget, lines: ParsedLine<VendorCard>[]): Promise<CheckedChunk> {
    const rows = lines.map((l) => l.value);
    const district = target.districtId ?? undefined;
    const resolved = await this.repo.resolve(
      district,
      rows.map((r, idx) => ({
        idx,
        idNumber: r.idNumber,
        unitCode: r.madeForUnitCode,
        cardNumber: r.state === 'made' ? (r.cardNumber ?? null) : null,
      })),
    );
    const issues: LineIssue[] = [];
    for (const [key, message] of Object.entries(checkVendorRowsAgainstDb(rows, resolved))) {
      const m = FIELD_KEY.exec(key);
      issues.push({ line: Number(m?.[1] ?? 0), column: m?.[2] ?? null, message });
    }
    return {
      issues,
      write: async (actor: Actor) => {
        try {
          return { ...(await this.vendorList.importRows(actor, rows, district)) };
        } catch (error) {
          throw asImportFailure(error, lines);
        }
      },
    };
  }
}

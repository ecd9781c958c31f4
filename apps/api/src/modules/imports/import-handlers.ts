import { Injectable } from '@nestjs/common';
import type { ImportKind, ImportRow } from '@sscard/rules';
import type { ImportHandler } from './import-handler.js';
import { RosterImportHandler } from './roster-import.handler.js';
import { SignatureImportHandler } from './signature-import.handler.js';
import { StudentImportHandler } from './student-import.handler.js';
import { VendorImportHandler } from './vendor-import.handler.js';

export type AnyImportRow = ImportRow[ImportKind];

/** The handler of each import kind. */
@Injectable()
export class ImportHandlers {
  private readonly byKind: Record<ImportKind, ImportHandler<AnyImportRow>>;

  constructor(
    roster: RosterImportHandler,
    vendor: VendorImportHandler,
    signatures: SignatureImportHandler,
    students: StudentImportHandler,
  ) {
    this.byKind = { roster, vendor_cards: vendor, signatures, students };
  }

  of(kind: ImportKind): ImportHandler<AnyImportRow> {
    return this.byKind[kind];
  }
}

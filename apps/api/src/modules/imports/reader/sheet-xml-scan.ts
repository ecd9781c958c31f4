import { HEADER_SEARCH_ROWS, MIN_HEADER_CELLS } from '@sscard/rules';
import { reject } from './sheet-limits.js';

/**
 * A streaming look at one worksheet's XML while the inspector inflates it: which row is the
 * header (the rule of @sscard/rules' isHeaderCandidate, applied to cells that hold a value) and
 * which cells are merged. Only tag names and ASCII attributes matter here, so bytes are read as
 * latin1 (no UTF-8 decoding), and once the header is known only chunks that mention
 * "mergeCell" are looked at.
 */
export interface MergedRange {
  ref: string;
  firstRow: number;
  lastRow: number;
}

const MAX_CARRY = 1024 * 1024;
const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(row|c|v|is|f|mergeCell)\b([^>]*)>/g;
const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b([^>]*)>/g;
const MERGE_BYTES = Buffer.from('mergeCell', 'latin1');
const LT = 0x3c;
const GT = 0x3e;

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

function parseRange(ref: string): MergedRange | undefined {
  const m = /^\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  return { ref: ref.trim(), firstRow: Math.min(first, last), lastRow: Math.max(first, last) };
}

export class SheetXmlScan {
  readonly merges: MergedRange[] = [];
  /** Sheet row number of the header; undefined while unknown, and for a sheet with no values. */
  headerRow: number | undefined;
  firstFilledRow: number | undefined;

  private carry: Buffer = Buffer.alloc(0);
  private lookingForHeader = true;
  private row = 0;
  private filledInRow = 0;
  private inCell = false;
  private cellHasValue = false;
  private filledRows = 0;

  push(chunk: Buffer): void {
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    // Only a tag cut off at the end of the chunk waits for more bytes; text never does.
    const cut = bytes.lastIndexOf(LT);
    if (cut < 0 || bytes.indexOf(GT, cut) >= 0) {
      this.carry = Buffer.alloc(0);
      this.process(bytes);
      return;
    }
    this.process(bytes.subarray(0, cut));
    this.keep(bytes.subarray(cut));
  }

  end(): void {
    this.process(this.carry);
    this.carry = Buffer.alloc(0);
    if (this.lookingForHeader) {
      this.lookingForHeader = false;
      this.headerRow = this.firstFilledRow;
    }
  }

  /** Merges that reach the header row or below it (title rows above may be merged). */
  mergesInTable(): string[] {
    const header = this.headerRow;
    return this.merges.filter((m) => header === undefined || m.lastRow >= header).map((m) => m.ref);
  }

  private keep(bytes: Buffer): void {
    if (bytes.length > MAX_CARRY) throw reject.unreadable();
    this.carry = Buffer.from(bytes);
  }

  private process(bytes: Buffer): void {
    if (bytes.length === 0) return;
    if (!this.lookingForHeader) {
      if (bytes.indexOf(MERGE_BYTES) < 0) return;
      const text = bytes.toString('latin1');
      for (const m of text.matchAll(MERGE)) this.addMerge(m[1] ?? '');
      return;
    }
    const text = bytes.toString('latin1');
    TAG.lastIndex = 0;
    for (let m = TAG.exec(text); m !== null; m = TAG.exec(text)) {
      this.tag(m[1] === '/', m[2] ?? '', m[3] ?? '');
      if (!this.lookingForHeader) {
        // The header is known: the rest of this chunk only matters for merges.
        for (const rest of text.slice(TAG.lastIndex).matchAll(MERGE)) this.addMerge(rest[1] ?? '');
        return;
      }
    }
  }

  private tag(closing: boolean, name: string, attrs: string): void {
    const selfClosing = attrs.endsWith('/');
    switch (name) {
      case 'row':
        if (closing) {
          this.endRow();
        } else {
          const r = Number(attribute(attrs, 'r'));
          this.row = Number.isInteger(r) && r > 0 ? r : this.row + 1;
          this.filledInRow = 0;
          if (selfClosing) this.endRow();
        }
        return;
      case 'c':
        if (closing) {
          if (this.inCell && this.cellHasValue) this.filledInRow += 1;
          this.inCell = false;
        } else if (!selfClosing) {
          this.inCell = true;
          this.cellHasValue = false;
        }
        return;
      case 'mergeCell':
        if (!closing) this.addMerge(attrs);
        return;
      default:
        // <v>, <is> or <f> inside a cell: the cell holds something.
        if (!closing && this.inCell) this.cellHasValue = true;
    }
  }

  private endRow(): void {
    if (this.filledInRow === 0) return;
    this.filledRows += 1;
    this.firstFilledRow ??= this.row;
    if (this.filledInRow >= MIN_HEADER_CELLS) {
      this.headerRow = this.row;
      this.lookingForHeader = false;
    } else if (this.filledRows >= HEADER_SEARCH_ROWS) {
      this.headerRow = this.firstFilledRow;
      this.lookingForHeader = false;
    }
    this.filledInRow = 0;
  }

  private addMerge(attrs: string): void {
    const ref = attribute(attrs, 'ref');
    const range = ref === undefined ? undefined : parseRange(ref);
    if (range !== undefined) this.merges.push(range);
  }
}

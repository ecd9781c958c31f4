import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import type { CellValue } from '@sscard/rules';
import { reject } from './sheet-limits.js';
import type { RawRow } from './xlsx-row-reader.js';
import { detached } from './detached-text.js';

/** Excel's own limits: characters in a cell, columns in a sheet. */
export const CSV_MAX_CELL_CHARS = 32_767;
export const CSV_MAX_COLUMNS = 16_384;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Decodes the file chunk by chunk. The encoding is chosen from the first chunk: a UTF-8 BOM, or
 * bytes that are valid UTF-8, mean UTF-8; anything else is GB18030 (a superset of GBK, what Excel
 * in China writes as "CSV"). A file whose first chunk is plain ASCII may still turn out to be
 * GB18030 later; since ASCII reads the same in both, switching then is safe.
 */
class CsvDecoder {
  private decoder: TextDecoder | undefined;
  private onlyAscii = true;

  /** The chunk's text; `bad` when it is not valid in the file's encoding (text stops there). */
  decode(chunk: Buffer): { text: string; bad: boolean } {
    let bytes = chunk;
    if (this.decoder === undefined) {
      if (bytes.subarray(0, 3).equals(UTF8_BOM)) {
        bytes = bytes.subarray(3);
        this.decoder = new TextDecoder('utf-8', { fatal: true });
      } else {
        this.decoder = looksLikeUtf8(bytes)
          ? new TextDecoder('utf-8', { fatal: true })
          : new TextDecoder('gb18030', { fatal: true });
      }
    }
    try {
      const text = this.decoder.decode(bytes, { stream: true });
      if (this.onlyAscii && hasHighByte(bytes)) this.onlyAscii = false;
      return { text, bad: false };
    } catch {
      if (this.onlyAscii && this.decoder.encoding === 'utf-8') {
        this.decoder = new TextDecoder('gb18030', { fatal: true });
        this.onlyAscii = false;
        return this.decode(bytes);
      }
      // Up to the first undecodable byte, so that the row named is the one that is wrong.
      const lenient = new TextDecoder(this.decoder.encoding).decode(bytes);
      const at = lenient.indexOf('\uFFFD');
      return { text: at < 0 ? '' : lenient.slice(0, at), bad: true };
    }
  }

  end(): { text: string; bad: boolean } {
    try {
      return { text: this.decoder?.decode() ?? '', bad: false };
    } catch {
      return { text: '', bad: true };
    }
  }
}

function hasHighByte(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i += 1) if ((bytes[i] ?? 0) >= 0x80) return true;
  return false;
}

function looksLikeUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * RFC 4180 fields: comma-separated, records ended by CRLF or LF (or a lone CR), a field in double
 * quotes may hold commas, line breaks and "" for a quote. A quote inside an unquoted field is
 * kept as it is (exporters do that). Row numbers count records, as Excel shows them.
 */
class CsvParser {
  /** The record being read (a quoted field may span lines). */
  rowNo = 1;
  private fields: CellValue[] = [];
  private field = '';
  private inQuotes = false;
  private quoteSeen = false;
  private afterCR = false;
  private fieldStarted = false;

  constructor(private readonly emit: (row: RawRow) => void) {}

  feed(text: string): void {
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) continue;
      }
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === QUOTE) {
            this.append('"');
            continue;
          }
          this.inQuotes = false;
        } else if (c === QUOTE) {
          this.quoteSeen = true;
          continue;
        } else {
          this.append(text[i] ?? '');
          continue;
        }
      }
      if (c === COMMA) this.endField();
      else if (c === LF || c === CR) {
        this.endRecord();
        this.afterCR = c === CR;
      } else if (c === QUOTE && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
      } else {
        this.append(text[i] ?? '');
      }
    }
  }

  finish(): void {
    if (this.inQuotes && !this.quoteSeen) throw reject.csvUnclosedQuote(this.rowNo);
    this.inQuotes = false;
    if (this.fieldStarted || this.fields.length > 0) this.endRecord();
  }

  private append(s: string): void {
    this.fieldStarted = true;
    this.field += s;
    if (this.field.length > CSV_MAX_CELL_CHARS) {
      throw reject.csvCellTooLong(this.rowNo, CSV_MAX_CELL_CHARS);
    }
  }

  private endField(): void {
    this.fields.push(this.field === '' ? null : detached(this.field));
    if (this.fields.length > CSV_MAX_COLUMNS) {
      throw reject.csvTooManyColumns(this.rowNo, CSV_MAX_COLUMNS);
    }
    this.field = '';
    this.fieldStarted = false;
  }

  private endRecord(): void {
    this.endField();
    const cells = this.fields;
    let last = cells.length - 1;
    while (last >= 0) {
      const cell = cells[last];
      if (cell !== null && cell !== undefined && String(cell).trim() !== '') break;
      last -= 1;
    }
    if (last >= 0) {
      cells.length = last + 1;
      this.emit({ rowNo: this.rowNo, cells });
    }
    this.fields = [];
    this.rowNo += 1;
  }
}

/**
 * Streams a CSV file's non-blank records; never holds more than a chunk's records. Blank
 * records are skipped (their numbers still count). Yields the records of each 64 KiB chunk
 * together, as readXlsxRows does (an await per record is what costs).
 */
export async function* readCsvRows(path: string): AsyncGenerator<RawRow[]> {
  const input = createReadStream(path, { highWaterMark: 64 * 1024 });
  const decoder = new CsvDecoder();
  let ready: RawRow[] = [];
  const parser = new CsvParser((row) => ready.push(row));
  const take = () => {
    const batch = ready;
    ready = [];
    return batch;
  };
  try {
    for await (const chunk of input) {
      const { text, bad } = decoder.decode(chunk as Buffer);
      parser.feed(text);
      if (ready.length > 0) yield take();
      if (bad) throw reject.csvEncoding(parser.rowNo);
    }
    const { text, bad } = decoder.end();
    if (bad) throw reject.csvEncoding(parser.rowNo);
    parser.feed(text);
    parser.finish();
    if (ready.length > 0) yield take();
  } finally {
    input.destroy();
  }
}

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { reject } from './sheet-limits.js';
import { readZipEntries, type ZipEntry } from './zip-entries.js';

/** One decoded chunk of sheet XML's events, as exceljs's worksheet reader `parse()` yields them. */
export type SheetEvents = AsyncIterable<{ eventType: string; value: unknown }[]>;

/**
 * The parts of exceljs's streaming WorkbookReader used here: its parsers of each part of the
 * file, each fed a stream. Its own `parse()` walks the zip front to back and, when a worksheet
 * comes before the shared strings (LibreOffice saves them in that order), buffers the sheet to a
 * temporary file and reads on; under load that walk sometimes ended right after the buffered
 * sheet, the rest of the file unread, and the import said the workbook had no worksheet (about
 * one read in 500 with six readers at once; a test reproduces the layout).
 */
interface BookParts {
  model?: { sheets?: { name?: string; rId?: string }[] };
  workbookRels?: { Id?: string; Target?: string }[];
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseRels(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorksheet(
    iterator: AsyncIterable<string>,
    sheetNo: string,
  ): Iterable<{ eventType: string; value: { parse(): SheetEvents } }>;
}

/** An entry's inflated bytes, read where the zip directory says it lies. */
function partStream(path: string, entry: ZipEntry): Readable {
  if (entry.compressedSize === 0) return Readable.from([]);
  const source = createReadStream(path, {
    start: entry.dataStart,
    end: entry.dataStart + entry.compressedSize - 1,
  });
  // pipeline destroys both on an error, so exceljs's reader of the last one sees it.
  return entry.method === 0 ? source : pipeline(source, createInflateRaw(), () => undefined);
}

/**
 * exceljs 4.4.0's streaming parser decodes every chunk of XML on its own (utils/parse-sax.js),
 * so a Chinese character split between two chunks comes out as U+FFFD: about one row in ten
 * thousand of a roster. It passes strings through untouched, so it is handed text decoded
 * across chunk boundaries: the worksheet through a streaming TextDecoder, the small parts by
 * setting the stream's encoding.
 */
async function* utf8Chunks(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

function asText(stream: Readable): Readable {
  stream.setEncoding('utf8');
  return stream;
}

/** A workbook relationship's target as a path in the zip ("worksheets/sheet1.xml" or "/xl/…"). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * The first worksheet (workbook order) of an .xlsx as exceljs's worksheet reader, its parts read
 * by their place in the zip directory, in the order the worksheet needs them, whatever their
 * order in the file: the workbook and its relationships (which sheet is first), styles (date
 * formats turn serials into dates), shared strings (cached), then the sheet itself, streamed.
 * `close` ends every read it started.
 */
export async function openFirstWorksheet(
  path: string,
): Promise<{ name: string; events: SheetEvents; close(): void }> {
  const handle = await open(path, 'r');
  let entries: ZipEntry[];
  try {
    entries = await readZipEntries(handle, (await handle.stat()).size);
  } finally {
    await handle.close();
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const book = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as BookParts;
  const opened: Readable[] = [];
  const part = (name: string): Readable | undefined => {
    const entry = byName.get(name);
    if (entry === undefined) return undefined;
    const stream = partStream(path, entry);
    opened.push(stream);
    return stream;
  };
  const close = () => {
    for (const stream of opened) stream.destroy();
  };
  try {
    const workbook = part('xl/workbook.xml');
    if (workbook === undefined) throw reject.noWorksheet();
    await book._parseWorkbook(asText(workbook));
    const rels = part('xl/_rels/workbook.xml.rels');
    if (rels !== undefined) await book._parseRels(asText(rels));
    const styles = part('xl/styles.xml');
    if (styles !== undefined) await book._parseStyles(styles);
    const shared = part('xl/sharedStrings.xml');
    if (shared !== undefined) for await (const _ of book._parseSharedStrings(asText(shared)));

    const first = book.model?.sheets?.[0];
    const target = book.workbookRels?.find((r) => r.Id === first?.rId)?.Target;
    const sheetPath = target === undefined ? undefined : partPath(target);
    // exceljs reads worksheets only under this name pattern (the inspector refuses the others).
    const sheetNo = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(sheetPath ?? '')?.[1];
    const sheet = sheetNo === undefined ? undefined : part(sheetPath as string);
    if (first === undefined || sheetNo === undefined || sheet === undefined) {
      throw reject.noWorksheet();
    }
    for (const { eventType, value } of book._parseWorksheet(utf8Chunks(sheet), sheetNo)) {
      if (eventType === 'worksheet') {
        return { name: first.name ?? `Sheet${sheetNo}`, events: value.parse(), close };
      }
    }
    throw reject.noWorksheet();
  } catch (error) {
    close();
    throw error;
  }
}

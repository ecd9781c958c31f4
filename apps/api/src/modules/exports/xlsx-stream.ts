import { PassThrough, type Writable } from 'node:stream';
import { Logger, StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { XLSX_MIME } from './export-texts.js';

/** Rows fetched per keyset page: a few thousand keeps memory flat and round trips few. */
export const EXPORT_CHUNK_ROWS = 5000;

/** The download went away (client closed the connection): stop fetching and writing. */
export class ExportAborted extends Error {
  constructor() {
    super('export aborted: the output was closed');
  }
}

/**
 * A streaming workbook on `output`: styles on (borders, fonts, print layout), shared strings
 * off — a shared-string table would have to hold every distinct string until the end.
 */
export function workbookWriter(output: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  return new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
}

/**
 * Lets the output catch up between chunks. exceljs's internal buffers ignore backpressure, so
 * the writer waits here while the HTTP reply (or file) still holds unread data; memory then
 * stays at about one chunk however slowly the client reads.
 */
export async function pace(output: Writable): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (!output.destroyed && output.writableNeedDrain) {
    await new Promise<void>((resolve) => {
      const done = () => {
        output.off('drain', done);
        output.off('close', done);
        resolve();
      };
      output.on('drain', done);
      output.on('close', done);
    });
  }
  if (output.destroyed) throw new ExportAborted();
}

/** RFC 5987 value: percent-encoded UTF-8, also escaping the characters encodeURIComponent keeps. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export interface DownloadName {
  /** The Chinese file name the user sees. */
  zh: string;
  /** An ASCII fallback for clients that ignore filename*. */
  ascii: string;
}

/** `attachment` with the ASCII fallback and the UTF-8 Chinese name (RFC 6266 / 5987). */
export function contentDisposition(name: DownloadName): string {
  const ascii = name.ascii.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name.zh)}`;
}

const logger = new Logger('Exports');

/**
 * The HTTP answer of an export: the workbook is written into a PassThrough that Fastify streams
 * to the client while `write` runs. Everything that can refuse (scope 404, rule 409) must have
 * happened before this is called; an error afterwards aborts the transfer (the client sees a
 * broken download, never a complete-looking truncated file).
 */
export function xlsxDownload(
  name: DownloadName,
  write: (output: Writable) => Promise<void>,
): StreamableFile {
  const output = new PassThrough();
  write(output).catch((error: unknown) => {
    if (!(error instanceof ExportAborted)) {
      logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new StreamableFile(output, {
    type: XLSX_MIME,
    disposition: contentDisposition(name),
  });
}

/**
 * Keyset paging: `fetch(after)` returns the next rows after the key of the previous page's last
 * row (null for the first page), `size` at most. Each page is one short query, so no connection
 * or transaction is held while the workbook streams.
 */
export async function* keysetPages<T, K>(
  fetch: (after: K | null, size: number) => Promise<T[]>,
  keyOf: (row: T) => K,
  size = EXPORT_CHUNK_ROWS,
): AsyncGenerator<T[]> {
  let after: K | null = null;
  for (;;) {
    const rows = await fetch(after, size);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < size || last === undefined) return;
    after = keyOf(last);
  }
}

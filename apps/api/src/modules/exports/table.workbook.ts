import type { Writable } from 'node:stream';
import { type LineValue, LayoutSheet, type SheetLayout } from './print-layout.js';
import { pace, workbookWriter } from './xlsx-stream.js';

export interface TableNotes {
  /** The totals line under the table, from the number of lines written. */
  total: (lines: number) => string;
  /** Notes and sign-off lines under the totals. */
  after: readonly string[];
  /** Written instead of lines when there are none. */
  empty?: string;
}

/**
 * A one-sheet list export: the layout's title block and headers, one line per item (streamed
 * chunk by chunk), the totals line and the notes. Returns the number of lines.
 */
export async function writeTable<T>(
  output: Writable,
  layout: SheetLayout,
  lines: AsyncIterable<readonly T[]>,
  toValues: (line: T, serial: number) => readonly LineValue[],
  notes: TableNotes,
): Promise<number> {
  const workbook = workbookWriter(output);
  const sheet = new LayoutSheet(workbook, layout);
  let n = 0;
  for await (const chunk of lines) {
    for (const line of chunk) {
      n += 1;
      sheet.addLine(toValues(line, n));
    }
    await pace(output);
  }
  if (n === 0 && notes.empty) sheet.addNote(notes.empty);
  sheet.addTotal(notes.total(n));
  for (const note of notes.after) sheet.addNote(note);
  sheet.commit();
  await workbook.commit();
  return n;
}

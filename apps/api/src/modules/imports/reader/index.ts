/**
 * Reading uploaded spreadsheets (issue 4): inspectUpload checks the stored file, readRows
 * streams its rows (the first is the header, for matchHeaders; then parseImportRow per row,
 * both from @sscard/rules).
 */
export { inspectUpload } from './upload-inspector.js';
export { readRows } from './read-rows.js';
export {
  DEFAULT_SHEET_LIMITS,
  RATIO_FLOOR_BYTES,
  SheetRejected,
  type SheetLimits,
  type SheetRejectedCode,
} from './sheet-limits.js';

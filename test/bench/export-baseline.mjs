// Baseline of export.bench.mjs, run in its own process: the floor any receipt export pays —
// the same keyset-paged pg queries over the batch's cards and the exceljs streaming writer (same
// columns, shared styles, no shared strings) to /dev/null. No Nest, no HTTP, no print layout.
// Usage: node export-baseline.mjs <database url> <batch id>; prints {"ms","peakMb","lines"}.
import { createWriteStream, readFileSync } from 'node:fs';
import { maskIdNumber } from '@sscard/rules';
import ExcelJS from 'exceljs';
import pg from 'pg';

const [url, batchId] = process.argv.slice(2);
const CHUNK = 5000;
const SQL = `SELECT c.id, c.card_number AS "cardNumber", r.name AS "holderName", r.id_number AS "idNumber",
    s.signer_kind AS "signerKind", s.signer_name AS "signerName", s.signed_on::text AS "signedOn"
  FROM card c JOIN resident r ON r.id = c.resident_id
  LEFT JOIN signature s ON s.card_id = c.id
  WHERE c.batch_id = $1 AND c.card_number IS NOT NULL`;
const FIRST = `${SQL} ORDER BY c.card_number, c.id LIMIT $2`;
const NEXT = `${SQL} AND (c.card_number, c.id) > ($3::text, $4::uuid) ORDER BY c.card_number, c.id LIMIT $2`;

const client = new pg.Client({ connectionString: url });
await client.connect();
const t0 = performance.now();
const output = createWriteStream('/dev/null');
const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
  stream: output,
  useStyles: true,
  useSharedStrings: false,
});
const sheet = workbook.addWorksheet('回执单');
const thin = { style: 'thin' };
const style = {
  font: { name: '宋体', size: 10 },
  border: { top: thin, left: thin, bottom: thin, right: thin },
};
let lines = 0;
let after = null;
for (;;) {
  const { rows } = after
    ? await client.query(NEXT, [batchId, CHUNK, after.cardNumber, after.id])
    : await client.query(FIRST, [batchId, CHUNK]);
  for (const r of rows) {
    lines += 1;
    const row = sheet.addRow([
      lines,
      r.holderName,
      maskIdNumber(r.idNumber),
      r.cardNumber,
      r.signerName,
      r.signerKind,
      r.signedOn,
    ]);
    for (let i = 1; i <= 7; i += 1) row.getCell(i).style = style;
    row.commit();
  }
  if (rows.length < CHUNK) break;
  after = rows[rows.length - 1];
}
sheet.commit();
await workbook.commit();
const ms = performance.now() - t0;
await client.end();
const status = readFileSync('/proc/self/status', 'utf8');
const peakMb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
process.stdout.write(JSON.stringify({ ms, peakMb, lines }));

import ExcelJS from 'exceljs';
import { bearer } from './fixtures.js';
import type { TestApp } from './test-app.js';

/** Spreadsheet imports in the e2e tests: building files, uploading them, waiting for jobs. */

export type Cell = string | number | boolean | Date | null;

export const ROSTER_HEADER = [
  '姓名',
  '证件类型',
  '公民身份号码',
  '出生日期',
  '人员类别',
  '补助标识',
  '定点医疗机构',
  '班级',
];
export const VENDOR_HEADER = [
  '卡号',
  '姓名',
  '证件类型',
  '公民身份号码',
  '单位编码',
  '制卡状态',
  '问题说明',
];
export const SIGNATURE_HEADER = ['卡号', '姓名', '签字方式', '签字人', '签收日期'];

/** One student of a class: the birth date comes from the ID number when left blank. */
export function rosterRow(idNumber: string, name: string, className = '三年级二班'): Cell[] {
  return [name, '居民身份证', idNumber, null, '学生儿童', null, null, className];
}

/** An .xlsx in memory; every value is written as given (ID numbers as text). */
export async function xlsx(
  header: string[],
  rows: Cell[][],
  sheetName = 'Sheet1',
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface JobView {
  id: string;
  kind: string;
  state: string;
  phase: string;
  rowsRead: number;
  rowsValid: number;
  rowsWritten: number;
  issueCount: number;
  issuesTruncated: boolean;
  message: string | null;
  result: Record<string, number> | null;
  percent: number | null;
  unit: { id: string; name: string } | null;
  districtId: string | null;
  committedAt: string | null;
  commitWhenValid: boolean;
}

export interface IssueView {
  row: number;
  columnIndex: number | null;
  column: string;
  value: string;
  message: string;
}

export function upload(
  t: TestApp,
  token: string,
  o: { kind: string; file: Buffer; name?: string; unitId?: string; commitWhenValid?: string },
) {
  const req = t.http.post('/api/imports').set(bearer(token)).field('kind', o.kind);
  if (o.unitId) req.field('unitId', o.unitId);
  if (o.commitWhenValid !== undefined) req.field('commitWhenValid', o.commitWhenValid);
  return req.attach('file', o.file, o.name ?? `${o.kind}.xlsx`);
}

const SETTLED = ['valid', 'invalid', 'committed', 'failed', 'interrupted'];

/** Polls the job until it leaves validating / committing. */
export async function settle(t: TestApp, token: string, id: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.http.get(`/api/imports/${id}`).set(bearer(token));
    if (res.status !== 200) throw new Error(`job ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    const job = res.body as JobView;
    if (SETTLED.includes(job.state)) return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.state} (${job.phase})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Upload, then wait for the dry run; fails the test with the body if the upload is refused. */
export async function dryRun(
  t: TestApp,
  token: string,
  o: { kind: string; file: Buffer; name?: string; unitId?: string; commitWhenValid?: string },
): Promise<JobView> {
  const res = await upload(t, token, o);
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return settle(t, token, (res.body as JobView).id);
}

export async function commit(t: TestApp, token: string, id: string): Promise<JobView> {
  const res = await t.http.post(`/api/imports/${id}/commit`).set(bearer(token));
  if (res.status !== 202) throw new Error(`commit: ${res.status} ${JSON.stringify(res.body)}`);
  return settle(t, token, id);
}

export async function issues(t: TestApp, token: string, id: string): Promise<IssueView[]> {
  const res = await t.http
    .get(`/api/imports/${id}/issues?pageSize=500`)
    .set(bearer(token))
    .expect(200);
  return (res.body as { items: IssueView[] }).items;
}

/** A binary body (xlsx) as a Buffer. */
export function binary(
  res: { on(event: string, listener: (chunk: Buffer) => void): unknown },
  cb: (err: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

export async function readXlsx(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no worksheet');
  return ws;
}

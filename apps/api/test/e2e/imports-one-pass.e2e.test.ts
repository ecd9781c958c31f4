import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskIdNumber } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertResidents, validIdNumber } from '../card-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import {
  dryRun,
  issues,
  type JobView,
  ROSTER_HEADER,
  rosterRow,
  settle,
  upload,
  VENDOR_HEADER,
  xlsx,
} from '../import-helpers.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * The one-pass import (upload field commitWhenValid): read, checked and written in one
 * transaction; a file with any problem writes nothing and gets exactly the dry run's report.
 */
let t: TestApp;
let w: BasicWorld;
let importDir = '';

beforeAll(async () => {
  importDir = mkdtempSync(join(tmpdir(), 'sscard-one-pass-'));
  t = await createTestApp({ IMPORT_DIR: importDir, SSCARD_TODAY: '2011-01-10' });
  w = await seedBasics(t);
});
afterAll(async () => {
  await t?.close();
  if (importDir) rmSync(importDir, { recursive: true, force: true });
});

const residents = async (ids: string[]) =>
  (
    await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM resident WHERE id_number = ANY($1::text[])',
      [ids],
    )
  )[0]?.n ?? 0;

const roster = (n: number) => Array.from({ length: n }, () => validIdNumber());

const onePass = (file: Buffer, name = 'roster.xlsx') =>
  dryRun(t, w.tokens.district, {
    kind: 'roster',
    unitId: w.unitA.id,
    file,
    name,
    commitWhenValid: 'true',
  });

const storedFiles = (jobId: string) => readdirSync(importDir).filter((f) => f.startsWith(jobId));

describe('one-pass roster import (commitWhenValid)', () => {
  it('N-1.6: a clean file ends committed without a separate commit: residents, institutions and audit entries written, upload deleted', async () => {
    const ids = roster(3);
    const file = await xlsx(ROSTER_HEADER, [
      rosterRow(ids[0] as string, '王一'),
      [
        '李二',
        '居民身份证',
        ids[1] as string,
        null,
        '学生儿童',
        '低保',
        'SQ001（社区卫生服务机构）、ZH002（综合医院）、ZH003（综合医院）',
        '一班',
      ],
      rosterRow(ids[2] as string, '赵三', '二班'),
    ]);
    const job = await onePass(file);
    expect(job).toMatchObject({
      state: 'committed',
      commitWhenValid: true,
      rowsRead: 3,
      rowsValid: 3,
      rowsWritten: 3,
      issueCount: 0,
      percent: 100,
      message: null,
      result: { residents: 3, institutions: 3, rows: 3 },
    });
    expect(job.committedAt).not.toBeNull();
    expect(await residents(ids)).toBe(3);
    const [flags] = await t.sql<{ subsidy_flags: string[]; class_name: string }>(
      'SELECT subsidy_flags, class_name FROM resident WHERE id_number = $1',
      [ids[1]],
    );
    expect(flags).toEqual({ subsidy_flags: ['minimum_living_allowance'], class_name: '一班' });
    // Time-ordered ids (uuid_v7, RFC 9562 version 7: milliseconds first), drawn in row order:
    // the indexes they go into grow at their right edge.
    const written = await t.sql<{ id: string; id_number: string }>(
      'SELECT id, id_number FROM resident WHERE id_number = ANY($1::text[])',
      [ids],
    );
    const idOf = new Map(written.map((r) => [r.id_number, r.id]));
    const millis = ids.map((n) => idOf.get(n)?.replace('-', '').slice(0, 12) ?? '');
    expect(millis).toEqual([...millis].sort());
    expect(Math.abs(Number.parseInt(millis[0] ?? '', 16) - Date.now())).toBeLessThan(60_000);
    for (const r of written) expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/);
    const audit = await t.sql<{ after: { idNumber: string } }>(
      `SELECT after FROM audit_log WHERE entity = 'resident' AND action = 'import'
       AND after->>'importJobId' = $1`,
      [job.id],
    );
    expect(audit.map((a) => a.after.idNumber).sort()).toEqual(ids.map(maskIdNumber).sort());
    const [commitEntry] = await t.sql<{ after: { result: Record<string, number> } }>(
      `SELECT after FROM audit_log WHERE entity = 'import_job' AND entity_id = $1 AND action = 'import_commit'`,
      [job.id],
    );
    expect(commitEntry?.after.result).toEqual({ residents: 3, institutions: 3, rows: 3 });
    // Nothing was staged, and the personal data in the upload is not kept after the import.
    const [staged] = await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM import_staged_row WHERE job_id = $1',
      [job.id],
    );
    expect(staged?.n).toBe(0);
    expect(storedFiles(job.id)).toEqual([]);
    // Committed already: a commit request is refused, and the same file is not imported twice.
    const again = await t.http.post(`/api/imports/${job.id}/commit`).set(bearer(w.tokens.district));
    expect(again.status).toBe(409);
    const twice = await upload(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file,
      commitWhenValid: 'true',
    });
    expect(twice.status).toBe(409);
  });

  it('a problem after a chunk was written: nothing is kept, and the report is the dry run’s, row for row', async () => {
    // 2,100 rows: the first chunk (2,000) is written before the duplicate at the end is read.
    const ids = roster(2100);
    const file = await xlsx(ROSTER_HEADER, [
      ...ids.map((id, i) => rosterRow(id, `学生${i}`)),
      rosterRow(ids[0] as string, '重复'),
    ]);
    const job = await onePass(file, 'late-duplicate.xlsx');
    expect(job).toMatchObject({
      state: 'invalid',
      commitWhenValid: true,
      rowsRead: 2101,
      rowsValid: 2099,
      rowsWritten: 0,
      issueCount: 2,
    });
    expect(await residents(ids)).toBe(0);
    const [audits] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE after->>'importJobId' = $1 OR entity_id = $1`,
      [job.id],
    );
    expect(audits?.n).toBe(0);
    // The same bytes as a two-step job: the same verdict and the same problems.
    const plain = await dryRun(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file,
      name: 'late-duplicate.xlsx',
    });
    expect(plain).toMatchObject({ state: 'invalid', commitWhenValid: false, message: job.message });
    expect(await issues(t, w.tokens.district, job.id)).toEqual(
      await issues(t, w.tokens.district, plain.id),
    );
    // An invalid one-pass job keeps its upload for the error report, like any invalid job.
    const report = await t.http
      .get(`/api/imports/${job.id}/error-report.xlsx`)
      .set(bearer(w.tokens.district));
    expect(report.status).toBe(200);
  });

  it('a person registered already: the write itself refuses the row, nothing is kept, and the row is named', async () => {
    const [taken] = await insertResidents(t, {
      districtId: '110105',
      currentUnitId: w.unitB.id,
      count: 1,
      namePrefix: '已登记',
    });
    const ids = roster(2);
    const file = await xlsx(ROSTER_HEADER, [
      rosterRow(ids[0] as string, '甲'),
      rosterRow(taken?.idNumber as string, '乙'),
      rosterRow(ids[1] as string, '丙'),
    ]);
    const job = await onePass(file, 'taken.xlsx');
    expect(job).toMatchObject({ state: 'invalid', rowsRead: 3, rowsValid: 2, issueCount: 1 });
    expect(await residents(ids)).toBe(0);
    const found = await issues(t, w.tokens.district, job.id);
    expect(found.map((i) => [i.row, i.column])).toEqual([[3, '公民身份号码']]);
    expect(found[0]?.message).toContain('该证件号码已登记');

    // Restarted mid-run (interrupted), then retried once the number is someone else's: the
    // retry imports in one pass too.
    await t.sql(`UPDATE import_job SET state = 'interrupted' WHERE id = $1`, [job.id]);
    await t.sql('UPDATE resident SET id_number = $2 WHERE id_number = $1', [
      taken?.idNumber,
      validIdNumber(),
    ]);
    await t.http.post(`/api/imports/${job.id}/retry`).set(bearer(w.tokens.district)).expect(202);
    const retried = await settle(t, w.tokens.district, job.id);
    expect(retried).toMatchObject({ state: 'committed', rowsWritten: 3, issueCount: 0 });
    expect(await residents([...ids, taken?.idNumber as string])).toBe(3);
  });

  it('a file refused as a whole (unknown headers) ends invalid with the reason, as in the dry run', async () => {
    const file = await xlsx(['姓名', '鞋码'], [['王一', '42']]);
    const job = await onePass(file, 'headers.xlsx');
    expect(job.state).toBe('invalid');
    expect(job.rowsRead).toBe(0);
    expect(job.message).toContain('公民身份号码');
  });

  it('commitWhenValid other than true/false → 422 naming the field, nothing stored', async () => {
    const before = readdirSync(importDir).length;
    const res = await upload(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file: await xlsx(ROSTER_HEADER, [rosterRow(validIdNumber(), '王一')]),
      commitWhenValid: 'yes',
    });
    expect(res.status).toBe(422);
    expect(res.body.fields).toEqual({
      commitWhenValid:
        'commitWhenValid 只能是 true 或 false / commitWhenValid must be true or false',
    });
    expect(readdirSync(importDir)).toHaveLength(before);
  });
});

describe('one-pass import of another kind: the vendor card list (N-2.6)', () => {
  it('written chunk by chunk by the kind’s own writer, committed in the same run', async () => {
    const [p] = await insertResidents(t, {
      districtId: '110105',
      currentUnitId: w.unitA.id,
      count: 1,
      namePrefix: '制卡',
    });
    const file = await xlsx(VENDOR_HEADER, [
      ['CY10000001', p?.name ?? '', '居民身份证', p?.idNumber ?? '', w.unitA.code, '已制卡', null],
    ]);
    const res = await upload(t, w.tokens.district, {
      kind: 'vendor_cards',
      file,
      commitWhenValid: '1',
    });
    expect(res.status).toBe(202);
    const job: JobView = await settle(t, w.tokens.district, (res.body as JobView).id);
    expect(job).toMatchObject({ state: 'committed', rowsWritten: 1, commitWhenValid: true });
    const cards = await t.sql<{ card_number: string }>(
      `SELECT c.card_number FROM card c JOIN resident r ON r.id = c.resident_id WHERE r.id_number = $1`,
      [p?.idNumber],
    );
    expect(cards.map((c) => c.card_number)).toEqual(['CY10000001']);
    expect(existsSync(join(importDir, `${job.id}.xlsx`))).toBe(false);
  });
});

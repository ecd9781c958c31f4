import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app-factory.js';
import { parseConfig } from '../../src/config/app-config.js';
import { validIdNumber } from '../card-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import {
  commit,
  dryRun,
  type JobView,
  ROSTER_HEADER,
  rosterRow,
  settle,
  upload,
  xlsx,
} from '../import-helpers.js';
import { createTestApp, postgresOnly, skipWithoutPostgres, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
let job: JobView;
let firstFile: Buffer;
const importDir = mkdtempSync(join(tmpdir(), 'sscard-imports-access-'));

beforeAll(async () => {
  t = await createTestApp({
    IMPORT_MAX_FILE_MB: '1',
    IMPORT_MAX_ISSUES: '3',
    IMPORT_DIR: importDir,
  });
  w = await seedBasics(t);
  firstFile = await xlsx(ROSTER_HEADER, [rosterRow(validIdNumber(), '甲')]);
  job = await dryRun(t, w.tokens.unitA, { kind: 'roster', file: firstFile });
});
afterAll(async () => {
  await t?.close();
  rmSync(importDir, { recursive: true, force: true });
});

describe('who sees which import job', () => {
  it('the unit, its district and the admin see it; another unit or district gets 404', async () => {
    expect(job.state).toBe('valid');
    for (const token of [w.tokens.unitA, w.tokens.district, w.tokens.admin]) {
      expect((await t.http.get(`/api/imports/${job.id}`).set(bearer(token))).status).toBe(200);
    }
    for (const token of [w.tokens.unitB, w.tokens.otherDistrict]) {
      for (const path of ['', '/issues', '/error-report.xlsx']) {
        const res = await t.http.get(`/api/imports/${job.id}${path}`).set(bearer(token));
        expect(res.status).toBe(404);
      }
      const res = await t.http.post(`/api/imports/${job.id}/commit`).set(bearer(token));
      expect(res.status).toBe(404);
    }
    expect((await t.http.get('/api/imports/not-a-uuid').set(bearer(w.tokens.unitA))).status).toBe(
      404,
    );
  });

  it('lists are scoped and filter by kind and state', async () => {
    const list = async (token: string, query = '') =>
      (await t.http.get(`/api/imports${query}`).set(bearer(token))).body as {
        items: JobView[];
        total: number;
      };
    expect((await list(w.tokens.unitA)).items.map((j) => j.id)).toEqual([job.id]);
    expect((await list(w.tokens.district)).total).toBe(1);
    expect((await list(w.tokens.unitB)).total).toBe(0);
    expect((await list(w.tokens.otherDistrict)).total).toBe(0);
    expect((await list(w.tokens.admin, '?kind=roster&state=valid')).total).toBe(1);
    expect((await list(w.tokens.admin, '?state=committed')).total).toBe(0);
    const bad = await t.http.get('/api/imports?state=done').set(bearer(w.tokens.admin));
    expect(bad.status).toBe(422);
  });
});

describe('POST /api/imports/:id/commit — guarded', () => {
  it('two commit requests at once: one 202, one 409, the rows written once', async () => {
    const id = validIdNumber();
    const file = await xlsx(ROSTER_HEADER, [rosterRow(id, '丙')]);
    const valid = await dryRun(t, w.tokens.unitA, { kind: 'roster', file });
    expect(valid.state).toBe('valid');
    const send = () => t.http.post(`/api/imports/${valid.id}/commit`).set(bearer(w.tokens.unitA));
    const statuses = (await Promise.all([send(), send()])).map((r) => r.status).sort();
    expect(statuses).toEqual([202, 409]);
    expect((await settle(t, w.tokens.unitA, valid.id)).state).toBe('committed');
    const rows = await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM resident WHERE id_number = $1',
      [id],
    );
    expect(rows[0]?.n).toBe(1);
  });
});

describe('POST /api/imports — refusals', () => {
  const file = () => xlsx(ROSTER_HEADER, [rosterRow(validIdNumber(), '乙')]);

  it('students: unit staff of a school may not import students (403)', async () => {
    const res = await upload(t, w.tokens.unitA, { kind: 'students', file: await file() });
    expect(res.status).toBe(403);
  });

  it('422 on a missing kind, a missing unit, a unit out of scope, no file, an empty file, JSON', async () => {
    const noKind = await t.http
      .post('/api/imports')
      .set(bearer(w.tokens.unitA))
      .attach('file', await file(), 'r.xlsx');
    expect(noKind.status).toBe(422);
    expect(noKind.body.fields.kind).toBe(
      '请在文件之前提交导入类型（字段 kind） / Send the import kind (field kind) before the file',
    );
    const noUnit = await upload(t, w.tokens.district, { kind: 'roster', file: await file() });
    expect(noUnit.body.fields.unitId).toBe(
      '请选择导入到哪个单位（字段 unitId） / Name the unit to import into (field unitId)',
    );
    const foreign = await upload(t, w.tokens.otherDistrict, {
      kind: 'roster',
      file: await file(),
      unitId: w.unitA.id,
    });
    expect(foreign.body.fields.unitId).toBe(
      '参保单位不存在或不在您的管辖范围内 / Unit not found in your scope',
    );
    const noFile = await t.http
      .post('/api/imports')
      .set(bearer(w.tokens.unitA))
      .field('kind', 'roster');
    expect(noFile.body.fields.file).toBe(
      '请选择要上传的文件（字段 file） / Choose a file to upload (field file)',
    );
    const empty = await upload(t, w.tokens.unitA, { kind: 'roster', file: Buffer.alloc(0) });
    expect(empty.body.fields.file).toBe('上传的文件是空的 / The uploaded file is empty');
    const json = await t.http
      .post('/api/imports')
      .set(bearer(w.tokens.unitA))
      .send({ kind: 'roster' });
    expect(json.status).toBe(422);
    expect(json.body.fields.file).toContain('multipart/form-data');
  });

  it('413 over IMPORT_MAX_FILE_MB, with nothing left on disk', async () => {
    const before = readdirSync(importDir).length;
    const big = Buffer.alloc(1_048_576 + 10_000, 0x41);
    const res = await upload(t, w.tokens.unitA, { kind: 'roster', file: big, name: 'big.csv' });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      statusCode: 413,
      error: 'payload_too_large',
      message:
        '文件超过1 MB，请拆分后分批导入 / The file is larger than 1 MB: split it and import the parts',
    });
    expect(readdirSync(importDir).length).toBe(before);
    // JSON bodies keep their own 1 MB limit.
    const json = await t.http
      .post('/api/auth/login')
      .send({ username: 'x'.repeat(1_100_000), password: 'y' });
    expect(json.status).toBe(413);
  });

  it('the same content while its job is on its way → 200 with that job, not a second one', async () => {
    const res = await upload(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file: firstFile,
      name: 'copy.xlsx',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: job.id, state: 'valid', fileName: 'roster.xlsx' });
    expect(readdirSync(importDir).filter((f) => !f.startsWith(job.id))).toEqual([]);
  });

  it('only a valid job commits; only a failed or interrupted one is retried', async () => {
    const retry = await t.http.post(`/api/imports/${job.id}/retry`).set(bearer(w.tokens.unitA));
    expect(retry.status).toBe(409);
    expect(retry.body.message).toBe(
      '只有导入失败或中断的任务可以重试 / Only a failed or interrupted job can be retried',
    );
  });
});

describe('IMPORT_MAX_ISSUES', () => {
  it('keeps the first problems only, but counts them all', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => rosterRow('123', `人${i}`));
    const bad = await dryRun(t, w.tokens.unitA, {
      kind: 'roster',
      file: await xlsx(ROSTER_HEADER, rows),
    });
    expect(bad).toMatchObject({
      state: 'invalid',
      rowsRead: 5,
      rowsValid: 0,
      issueCount: 5,
      issuesTruncated: true,
    });
    const res = await t.http.get(`/api/imports/${bad.id}/issues`).set(bearer(w.tokens.unitA));
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((i: { row: number }) => i.row)).toEqual([2, 3, 4]);
  });
});

describe('restart recovery', () => {
  it.skipIf(skipWithoutPostgres)(
    postgresOnly(
      'a job left committing by a dead process is interrupted at boot; retry → valid → commit (real PostgreSQL only: PGlite is in-process)',
    ),
    async () => {
      const id = validIdNumber();
      const file = await xlsx(ROSTER_HEADER, [rosterRow(id, '丙')]);
      const valid = await dryRun(t, w.tokens.unitA, { kind: 'roster', file });
      expect(valid.state).toBe('valid');
      // As a kill mid-commit leaves it: the row says committing, the transaction is gone.
      await t.sql(
        `UPDATE import_job SET state = 'committing', phase = 'writing', rows_written = 2000 WHERE id = $1`,
        [valid.id],
      );
      const second = await createApp(
        parseConfig({
          DATABASE_URL: t.runtime.databaseUrl,
          SSCARD_SEED: 'none',
          IMPORT_DIR: importDir,
          LOG_LEVEL: 'error',
        }),
        { quiet: true },
      );
      try {
        const http = request(second.app.getHttpServer());
        const after = await http.get(`/api/imports/${valid.id}`).set(bearer(w.tokens.unitA));
        expect(after.body).toMatchObject({
          state: 'interrupted',
          rowsWritten: 0,
          message:
            '服务重启，导入任务中断，未做任何导入；请点击“重试”重新校验 / The server restarted and the job was interrupted; nothing was imported. Retry to validate it again',
        });
        const commitNow = await http
          .post(`/api/imports/${valid.id}/commit`)
          .set(bearer(w.tokens.unitA));
        expect(commitNow.status).toBe(409);
        const retry = await http.post(`/api/imports/${valid.id}/retry`).set(bearer(w.tokens.unitA));
        expect(retry.status).toBe(202);
        expect(retry.body.state).toBe('validating');
        const t2 = { ...t, http } as TestApp;
        expect((await settle(t2, w.tokens.unitA, valid.id)).state).toBe('valid');
        const done = await commit(t2, w.tokens.unitA, valid.id);
        expect(done).toMatchObject({ state: 'committed', rowsWritten: 1 });
        const [n] = await t.sql<{ n: number }>(
          'SELECT count(*)::int AS n FROM resident WHERE id_number = $1',
          [id],
        );
        expect(n?.n).toBe(1);
      } finally {
        await second.close();
      }
    },
  );
});

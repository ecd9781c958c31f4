import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGED_ROWS_MISSING } from '../../src/modules/imports/import-commit.js';
import { ImportRetention } from '../../src/modules/imports/import-retention.js';
import { storedPath } from '../../src/modules/imports/import-upload.js';
import { validIdNumber } from '../card-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import {
  commit,
  dryRun,
  type JobView,
  ROSTER_HEADER,
  rosterRow,
  settle,
  xlsx,
} from '../import-helpers.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * The dry run stages its parsed rows (import_staged_row) and the commit writes from them; the
 * retention sweep (IMPORT_RETENTION_DAYS) expires uploads never committed.
 */
let t: TestApp;
let w: BasicWorld;
let importDir = '';

beforeAll(async () => {
  importDir = mkdtempSync(join(tmpdir(), 'sscard-staging-'));
  t = await createTestApp({ IMPORT_DIR: importDir, IMPORT_RETENTION_DAYS: '30' });
  w = await seedBasics(t);
});
afterAll(async () => {
  await t?.close();
  if (importDir) rmSync(importDir, { recursive: true, force: true });
});

const staged = async (jobId: string) =>
  (
    await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM import_staged_row WHERE job_id = $1',
      [jobId],
    )
  )[0]?.n ?? 0;

/** Residents of the list, and audit entries naming the job (its residents' and its commit's). */
const written = async (ids: string[], jobId: string) =>
  (
    await t.sql<{ residents: number; audits: number }>(
      `SELECT (SELECT count(*) FROM resident WHERE id_number = ANY($1::text[]))::int AS residents,
              (SELECT count(*) FROM audit_log
               WHERE after->>'importJobId' = $2 OR entity_id = $2)::int AS audits`,
      [ids, jobId],
    )
  )[0];

async function roster(n: number): Promise<{ ids: string[]; file: Buffer }> {
  const ids = Array.from({ length: n }, () => validIdNumber());
  const file = await xlsx(
    ROSTER_HEADER,
    ids.map((id, i) => rosterRow(id, `学生${i}`)),
  );
  return { ids, file };
}

const job = async (id: string) =>
  (await t.http.get(`/api/imports/${id}`).set(bearer(w.tokens.district)).expect(200))
    .body as JobView & { fileExpiredAt: string | null };

describe('staged rows: the dry run keeps what it validated, the commit writes it', () => {
  it('a valid dry run stages every row; the commit writes them and deletes them in its transaction', async () => {
    const { ids, file } = await roster(5);
    const checked = await dryRun(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file,
    });
    expect(checked).toMatchObject({ state: 'valid', rowsValid: 5 });
    expect(await staged(checked.id)).toBe(5);
    const done = await commit(t, w.tokens.district, checked.id);
    expect(done).toMatchObject({ state: 'committed', rowsWritten: 5 });
    expect(await staged(checked.id)).toBe(0);
    expect(await written(ids, checked.id)).toEqual({ residents: 5, audits: 6 });
  });

  it('a dry run that ends invalid deletes what it staged', async () => {
    // More than one chunk (2,000 rows) before the problem: the first chunk is staged first.
    const { ids } = await roster(2100);
    const file = await xlsx(ROSTER_HEADER, [
      ...ids.map((id, i) => rosterRow(id, `学生${i}`)),
      rosterRow(ids[0] as string, '重复'),
    ]);
    const checked = await dryRun(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file,
    });
    expect(checked).toMatchObject({ state: 'invalid', rowsRead: 2101 });
    expect(await staged(checked.id)).toBe(0);
  });

  it('a commit whose staged rows are gone (an unlogged table after a crash) fails with nothing written; retry validates again and commits', async () => {
    const { ids, file } = await roster(4);
    const checked = await dryRun(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file,
    });
    expect(checked.state).toBe('valid');
    await t.sql('DELETE FROM import_staged_row WHERE job_id = $1', [checked.id]);
    const failed = await commit(t, w.tokens.district, checked.id);
    expect(failed).toMatchObject({ state: 'failed', rowsWritten: 0, message: STAGED_ROWS_MISSING });
    expect(await written(ids, checked.id)).toEqual({ residents: 0, audits: 0 });

    await t.http
      .post(`/api/imports/${checked.id}/retry`)
      .set(bearer(w.tokens.district))
      .expect(202);
    expect((await settle(t, w.tokens.district, checked.id)).state).toBe('valid');
    expect(await staged(checked.id)).toBe(4);
    expect(await commit(t, w.tokens.district, checked.id)).toMatchObject({
      state: 'committed',
      rowsWritten: 4,
    });
    expect(await written(ids, checked.id)).toEqual({ residents: 4, audits: 5 });
  });

  it('a commit missing only some staged rows writes none of them', async () => {
    const { ids, file } = await roster(3);
    const checked = await dryRun(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file,
    });
    await t.sql('DELETE FROM import_staged_row WHERE job_id = $1 AND row_no = 3', [checked.id]);
    const failed = await commit(t, w.tokens.district, checked.id);
    expect(failed).toMatchObject({ state: 'failed', message: STAGED_ROWS_MISSING });
    expect(await written(ids, checked.id)).toEqual({ residents: 0, audits: 0 });
  });
});

describe('retention sweep (IMPORT_RETENTION_DAYS)', () => {
  it('expires uploads never committed after the retention days: file and staged rows deleted, fileExpiredAt shown, commit refused, the same file accepted again', async () => {
    const old = await roster(2);
    const recent = await roster(2);
    const oldJob = await dryRun(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file: old.file,
    });
    const recentJob = await dryRun(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file: recent.file,
    });
    const committedJob = await dryRun(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file: (await roster(1)).file,
    });
    await commit(t, w.tokens.district, committedJob.id);
    await t.sql(
      `UPDATE import_job SET created_at = now() - interval '31 days' WHERE id = ANY($1::uuid[])`,
      [[oldJob.id, committedJob.id]],
    );
    await t.sql(`UPDATE import_job SET created_at = now() - interval '29 days' WHERE id = $1`, [
      recentJob.id,
    ]);
    const oldPath = storedPath(importDir, oldJob.id, 'roster.xlsx');
    expect(existsSync(oldPath)).toBe(true);

    expect(await t.runtime.app.get(ImportRetention).sweep()).toBe(1);
    expect(existsSync(oldPath)).toBe(false);
    expect(await staged(oldJob.id)).toBe(0);
    expect((await job(oldJob.id)).fileExpiredAt).not.toBeNull();
    expect((await job(oldJob.id)).state).toBe('valid');
    expect(await staged(recentJob.id)).toBe(2);
    expect((await job(recentJob.id)).fileExpiredAt).toBeNull();
    expect((await job(committedJob.id)).fileExpiredAt).toBeNull();

    const refused = await t.http
      .post(`/api/imports/${oldJob.id}/commit`)
      .set(bearer(w.tokens.district));
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('upload it again');
    // The expired job no longer holds its content: the same bytes become a new job.
    const again = await dryRun(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file: old.file,
    });
    expect(again.id).not.toBe(oldJob.id);
    expect(again.state).toBe('valid');
    // A second sweep finds nothing new.
    expect(await t.runtime.app.get(ImportRetention).sweep()).toBe(0);
  });

  it('deletes stored files no job owns once they are older than the retention days, and nothing else', async () => {
    const kept = await dryRun(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file: (await roster(1)).file,
    });
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    const file = (name: string, old: boolean) => {
      const path = join(importDir, name);
      writeFileSync(path, 'PK');
      if (old) utimesSync(path, longAgo, longAgo);
      return path;
    };
    // A crash between storing the upload and writing its job: no job has this id.
    const orphan = file(`${randomUUID()}.xlsx`, true);
    const fresh = file(`${randomUUID()}.csv`, false);
    const notOurs = file('notes.txt', true);
    // The job's own file is old on disk but the job still owns it.
    const owned = storedPath(importDir, kept.id, 'roster.xlsx');
    utimesSync(owned, longAgo, longAgo);

    expect(await t.runtime.app.get(ImportRetention).sweepOrphans()).toBe(1);
    expect(existsSync(orphan)).toBe(false);
    expect([fresh, notOurs, owned].map(existsSync)).toEqual([true, true, true]);
  });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudentFileStore } from '../../src/modules/students/student-file-store.js';
import { download } from '../export-helpers.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import {
  type CreatedStudent,
  createStudent,
  evidenceName,
  PDF,
  seedUniversity,
  upload,
  type UniversityWorld,
} from '../student-fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * The student file store's folder is configurable (STUDENT_FILES_DIR): attachments land there,
 * stay there when the API stops, and are served only through the scoped, role-checked route.
 */
const root = mkdtempSync(join(tmpdir(), 'sscard-files-dir-'));
const dir = join(root, 'configured', 'student-files');
let t: TestApp;
let w: BasicWorld;
let u: UniversityWorld;
let s: CreatedStudent;
let closed = false;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2025-10-13', STUDENT_FILES_DIR: dir });
  w = await seedBasics(t);
  u = await seedUniversity(t);
  s = await createStudent(t, u.tokens.collegeA, u.collegeA);
});
afterAll(async () => {
  if (!closed) await t?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('STUDENT_FILES_DIR', () => {
  it('the store uses the configured folder (created on the first upload), under random names', async () => {
    expect(t.runtime.app.get(StudentFileStore).dir).toBe(dir);
    expect(existsSync(dir)).toBe(false);
    const res = await upload(t, u.tokens.collegeA, s.id, evidenceName(s));
    expect(res.status).toBe(201);
    const [row] = await t.sql<{ stored_name: string }>(
      `SELECT stored_name FROM student_attachment WHERE id = $1`,
      [res.body.id],
    );
    expect(readdirSync(dir)).toEqual([row?.stored_name]);
    // The user's file name never reaches the disk: only the database keeps it.
    expect(row?.stored_name).toMatch(/^[0-9a-f-]{36}$/);
    expect(readFileSync(join(dir, row?.stored_name ?? '')).equals(PDF)).toBe(true);
  });

  it('the file is served only to the right roles in scope', async () => {
    const [a] = await t.sql<{ id: string }>(
      `SELECT id FROM student_attachment WHERE student_id = $1`,
      [s.id],
    );
    const path = `/api/students/${s.id}/attachments/${a?.id}`;
    const ok = await download(t, path, u.tokens.collegeA);
    expect(ok.status).toBe(200);
    expect(ok.body.equals(PDF)).toBe(true);
    expect((await download(t, path, u.tokens.university)).status).toBe(200);
    expect((await download(t, path, u.tokens.collegeB)).status).toBe(404);
    expect((await download(t, path, w.tokens.otherDistrict)).status).toBe(404);
    expect((await download(t, path, w.tokens.unitA)).status).toBe(403);
    expect((await t.http.get(path)).status).toBe(401);
    // The folder is not served as static files by any other route.
    const [row] = await t.sql<{ stored_name: string }>(
      `SELECT stored_name FROM student_attachment WHERE id = $1`,
      [a?.id],
    );
    for (const guess of [`/${row?.stored_name}`, `/student-files/${row?.stored_name}`]) {
      const res = await t.http.get(guess).set(bearer(u.tokens.collegeA));
      expect(res.body instanceof Buffer && res.body.equals(PDF)).toBe(false);
      expect(String(res.text ?? '')).not.toContain('%PDF-');
    }
  });

  it('a configured folder is kept when the API stops (unlike the in-memory temp folder)', async () => {
    await t.close();
    closed = true;
    expect(readdirSync(dir)).toHaveLength(1);
  });
});

import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudentFileStore } from '../../src/modules/students/student-file-store.js';
import { download } from '../export-helpers.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import {
  type CreatedStudent,
  createStudent,
  evidenceName,
  formName,
  PDF,
  seedUniversity,
  upload,
  type UniversityWorld,
} from '../student-fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
let u: UniversityWorld;
let s: CreatedStudent;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2025-10-21', STUDENT_FILE_MAX_MB: '1' });
  w = await seedBasics(t);
  u = await seedUniversity(t);
  s = await createStudent(t, u.tokens.collegeA, u.collegeA);
});
afterAll(() => t?.close());

/** Files in the store: every one must belong to an attachment row (a refused upload leaves none). */
async function expectStoreMatchesRows(): Promise<void> {
  const dir = t.runtime.app.get(StudentFileStore).dir;
  const rows = await t.sql<{ stored_name: string }>('SELECT stored_name FROM student_attachment');
  expect(readdirSync(dir).sort()).toEqual(rows.map((r) => r.stored_name).sort());
}

const fetchFile = (token: string, studentId: string, attachmentId: string) =>
  download(t, `/api/students/${studentId}/attachments/${attachmentId}`, token);

describe('S-1.2 / S-1.3 uploads are checked by name, type and size', () => {
  it('S-1.3 a PNG named .pdf is refused by its magic bytes (422) and not kept', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const res = await upload(t, u.tokens.collegeA, s.id, evidenceName(s), png);
    expect(res.status).toBe(422);
    expect(res.body.fields).toEqual({
      file: '文件内容不是PDF文件（与扩展名不符） / The content is not a PDF file (it does not match the extension)',
    });
    await expectStoreMatchesRows();
  });

  it('S-1.3 the evidence must be a .pdf; S-1.2/S-1.3 the name must carry the student’s 序号 and name', async () => {
    const jpg = await upload(t, u.tokens.collegeA, s.id, `【${s.seq}${s.name}】证明材料.jpg`);
    expect(jpg.status).toBe(409);
    expect(jpg.body).toMatchObject({
      clause: 'S-1.3',
      message: '证明材料必须是一个PDF文件 / The evidence must be one PDF file',
    });
    const other = await upload(t, u.tokens.collegeA, s.id, `【${s.seq + 1}${s.name}】证明材料.pdf`);
    expect(other.status).toBe(409);
    expect(other.body.clause).toBe('S-1.3');
    expect(other.body.message).toContain(`【${s.seq}${s.name}】`);
    const loose = await upload(t, u.tokens.collegeA, s.id, 'scan.pdf');
    expect(loose.status).toBe(409);
    expect(loose.body.clause).toBe('S-1.2');
    const txt = await upload(t, u.tokens.collegeA, s.id, formName(s, '.txt'));
    expect(txt.status).toBe(422);
    expect(txt.body.fields.file).toContain('附件1应为PDF、Word');
    await expectStoreMatchesRows();
  });

  it('a file over STUDENT_FILE_MAX_MB (1 MB here) is refused and nothing of it is kept', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(1_048_576, 0x20)]);
    const res = await upload(t, u.tokens.collegeA, s.id, evidenceName(s), big);
    expect(res.status).toBe(422);
    expect(res.body.fields).toEqual({ file: '文件不能超过1 MB / The file must be at most 1 MB' });
    await expectStoreMatchesRows();
    const exact = Buffer.concat([PDF, Buffer.alloc(1_048_576 - PDF.length, 0x20)]);
    const ok = await upload(t, u.tokens.collegeA, s.id, evidenceName(s), exact);
    expect(ok.status).toBe(201);
    expect(ok.body.bytes).toBe(1_048_576);
  });

  it('S-1.2 attachment 1 may be a Word file when its content is one; a re-upload replaces the old file', async () => {
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 1)]);
    const first = await upload(t, u.tokens.collegeA, s.id, formName(s, '.docx'), docx);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      attachment: 1,
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const second = await upload(t, u.tokens.collegeA, s.id, formName(s));
    expect(second.status).toBe(201);
    const rows = await t.sql(
      `SELECT 1 FROM student_attachment WHERE student_id = $1 AND kind = 'registration_form'`,
      [s.id],
    );
    expect(rows).toHaveLength(1);
    await expectStoreMatchesRows();
    const audit = await t.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'student_attachment' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['upload', 'upload', 'replace']);
  });

  it('a request without a file is a 422', async () => {
    const res = await t.http
      .post(`/api/students/${s.id}/attachments`)
      .set(bearer(u.tokens.collegeA))
      .field('note', 'no file');
    expect(res.status).toBe(422);
    expect(res.body.fields.file).toContain('请选择要上传的文件');
  });
});

describe('files are served only within scope', () => {
  it('the uploader’s college and the university download the same bytes with the Chinese name', async () => {
    const detail = await t.http.get(`/api/students/${s.id}`).set(bearer(u.tokens.collegeA));
    const evidence = detail.body.attachments.find(
      (a: { attachment: number }) => a.attachment === 2,
    );
    for (const token of [u.tokens.collegeA, u.tokens.university, w.tokens.district]) {
      const res = await fetchFile(token, s.id, evidence.id);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent(evidenceName(s))}`,
      );
      expect(res.body.length).toBe(1_048_576);
      expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('never to another college, another district, a unit’s staff or without a session', async () => {
    const [a] = await t.sql<{ id: string }>(
      `SELECT id FROM student_attachment WHERE student_id = $1 AND kind = 'evidence'`,
      [s.id],
    );
    if (!a) throw new Error('no attachment');
    expect((await fetchFile(u.tokens.collegeB, s.id, a.id)).status).toBe(404);
    expect((await fetchFile(w.tokens.otherDistrict, s.id, a.id)).status).toBe(404);
    expect((await fetchFile(w.tokens.unitA, s.id, a.id)).status).toBe(403);
    expect((await t.http.get(`/api/students/${s.id}/attachments/${a.id}`)).status).toBe(401);
    const other = await createStudent(t, u.tokens.collegeB, u.collegeB);
    // Right attachment, wrong student in the path: still not found.
    expect((await fetchFile(u.tokens.collegeB, other.id, a.id)).status).toBe(404);
    const upload404 = await upload(t, u.tokens.collegeB, s.id, evidenceName(s));
    expect(upload404.status).toBe(404);
  });
});

import { Injectable } from '@nestjs/common';
import type { Scope } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';
import { studentScopeSql } from './student-scope.js';

export type AttachmentKind = 'registration_form' | 'evidence';

export interface AttachmentRow {
  id: string;
  studentId: string;
  districtId: string;
  kind: AttachmentKind;
  originalName: string;
  storedName: string;
  contentType: string;
  bytes: number;
  sha256: string;
  uploadedAt: string;
}

const SELECT = `SELECT a.id, a.student_id AS "studentId", a.district_id AS "districtId", a.kind,
  a.original_name AS "originalName", a.stored_name AS "storedName", a.content_type AS "contentType",
  a.bytes::int AS bytes, a.sha256, a.uploaded_at AS "uploadedAt"
  FROM student_attachment a`;

@Injectable()
export class StudentFilesRepository {
  constructor(private readonly db: DatabaseContext) {}

  forStudent(studentId: string): Promise<AttachmentRow[]> {
    return this.db.query<AttachmentRow>(`${SELECT} WHERE a.student_id = $1 ORDER BY a.kind DESC`, [
      studentId,
    ]);
  }

  /** An attachment of a student the caller may see; anyone else's is simply not found. */
  async find(scope: Scope, studentId: string, id: string): Promise<AttachmentRow | undefined> {
    const params: unknown[] = [id, studentId];
    const where = ['a.id = $1', 'a.student_id = $2', ...studentScopeSql(scope, params)];
    const [row] = await this.db.query<AttachmentRow>(
      `${SELECT} JOIN student s ON s.id = a.student_id WHERE ${where.join(' AND ')}`,
      params,
    );
    return row;
  }

  /**
   * One file per kind: a new upload replaces the old row. Returns the new row's id and the
   * stored name of the file it replaced (deleted from the store once this commits).
   */
  async replace(a: {
    districtId: string;
    studentId: string;
    kind: AttachmentKind;
    originalName: string;
    storedName: string;
    contentType: string;
    bytes: number;
    sha256: string;
    uploadedBy: string;
  }): Promise<{ id: string; replaced: string | null }> {
    const [old] = await this.db.query<{ storedName: string }>(
      // Wrapped in a CTE: TypeORM returns [rows, count] for a bare DELETE … RETURNING.
      `WITH gone AS (DELETE FROM student_attachment WHERE student_id = $1 AND kind = $2 RETURNING stored_name)
       SELECT stored_name AS "storedName" FROM gone`,
      [a.studentId, a.kind],
    );
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO student_attachment (district_id, student_id, kind, original_name, stored_name, content_type, bytes, sha256, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        a.districtId,
        a.studentId,
        a.kind,
        a.originalName,
        a.storedName,
        a.contentType,
        a.bytes,
        a.sha256,
        a.uploadedBy,
      ],
    );
    if (!row) throw new Error('attachment insert returned no row');
    return { id: row.id, replaced: old?.storedName ?? null };
  }
}

import { Injectable } from '@nestjs/common';
import type { Scope } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';
import { residentScopeSql } from '../residents/resident-scope.js';
import type { TemporaryCertificateView } from './enrolments.dto.js';

export type CertificateRow = TemporaryCertificateView & { districtId: string };

const SELECT = `SELECT t.id, t.number, t.resident_id AS "residentId", t.district_id AS "districtId",
  to_char(t.issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(t.closed_on, 'YYYY-MM-DD') AS "closedOn"
  FROM temporary_certificate t JOIN resident r ON r.id = t.resident_id`;

/** N-1.5: 《新发与补（换）社会保障卡证明》, valid while the card is made. */
@Injectable()
export class TemporaryCertificatesRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** A card that exists (made or further on); a data-problem record is not a card yet. */
  async hasCard(residentId: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM card WHERE resident_id = $1 AND state <> 'not_made_data_problem' LIMIT 1`,
      [residentId],
    );
    return rows.length > 0;
  }

  async hasOpen(residentId: string): Promise<boolean> {
    const rows = await this.db.query(
      'SELECT 1 FROM temporary_certificate WHERE resident_id = $1 AND closed_on IS NULL',
      [residentId],
    );
    return rows.length > 0;
  }

  /**
   * Issues the next number of the district and year, e.g. LS-110105-2010-000123. A transaction
   * lock on the prefix serialises concurrent issues so two never compute the same sequence.
   */
  async issue(c: {
    districtId: string;
    residentId: string;
    issuedOn: string;
  }): Promise<CertificateRow> {
    const prefix = `LS-${c.districtId}-${c.issuedOn.slice(0, 4)}-`;
    await this.db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [prefix]);
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO temporary_certificate (district_id, number, resident_id, issued_on)
       SELECT $1::text, $2::text || lpad((coalesce(max(substring(number FROM char_length($2::text) + 1)::int), 0) + 1)::text, 6, '0'), $3::uuid, $4::date
       FROM temporary_certificate WHERE number LIKE $2::text || '%'
       RETURNING id`,
      [c.districtId, prefix, c.residentId, c.issuedOn],
    );
    if (!row) throw new Error('certificate insert returned no row');
    const [created] = await this.db.query<CertificateRow>(`${SELECT} WHERE t.id = $1`, [row.id]);
    if (!created) throw new Error('certificate not found after insert');
    return created;
  }

  /** The open certificate, else the latest closed one, of a resident in scope. */
  async forResident(scope: Scope, residentId: string): Promise<CertificateRow | undefined> {
    const params: unknown[] = [residentId];
    const where = ['t.resident_id = $1', ...residentScopeSql(scope, params)];
    const [row] = await this.db.query<CertificateRow>(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY t.closed_on DESC NULLS FIRST, t.issued_on DESC LIMIT 1`,
      params,
    );
    return row;
  }

  async find(scope: Scope, id: string): Promise<CertificateRow | undefined> {
    const params: unknown[] = [id];
    const where = ['t.id = $1', ...residentScopeSql(scope, params)];
    const [row] = await this.db.query<CertificateRow>(
      `${SELECT} WHERE ${where.join(' AND ')} FOR UPDATE OF t`,
      params,
    );
    return row;
  }

  /** Guarded: 0 rows means it was closed meanwhile. */
  async close(id: string, closedOn: string): Promise<boolean> {
    const rows = await this.db.query(
      `WITH u AS (UPDATE temporary_certificate SET closed_on = $2 WHERE id = $1 AND closed_on IS NULL RETURNING id)
       SELECT id FROM u`,
      [id, closedOn],
    );
    return rows.length === 1;
  }
}

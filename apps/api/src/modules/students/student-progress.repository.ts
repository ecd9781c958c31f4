import { Injectable } from '@nestjs/common';
import type { InstitutionChoice, PaymentChannel } from '@sscard/rules';
import { DatabaseContext } from '../../database/database-context.js';

export interface PaymentRow {
  amountYuan: number;
  /** timestamptz comes back from the driver as a Date. */
  paidAt: Date;
  channel: PaymentChannel;
}

/** What a student records after Beijing's review: the payment and the designated institutions. */
@Injectable()
export class StudentProgressRepository {
  constructor(private readonly db: DatabaseContext) {}

  async payment(studentId: string): Promise<PaymentRow | undefined> {
    const [row] = await this.db.query<PaymentRow>(
      `SELECT amount_yuan AS "amountYuan", paid_at AS "paidAt", channel FROM student_payment WHERE student_id = $1`,
      [studentId],
    );
    return row;
  }

  async insertPayment(p: {
    districtId: string;
    studentId: string;
    amountYuan: number;
    paidAt: string;
    channel: PaymentChannel;
    recordedBy: string;
  }): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO student_payment (district_id, student_id, amount_yuan, paid_at, channel, recorded_by)
       VALUES ($1, $2, $3, $4::timestamptz, $5, $6) RETURNING id`,
      [p.districtId, p.studentId, p.amountYuan, p.paidAt, p.channel, p.recordedBy],
    );
    if (!row) throw new Error('payment insert returned no row');
    return row.id;
  }

  institutions(studentId: string): Promise<InstitutionChoice[]> {
    return this.db.query<InstitutionChoice>(
      'SELECT code, kind FROM student_institution WHERE student_id = $1 ORDER BY position',
      [studentId],
    );
  }

  /** Replaces the choices with one delete and one set-based insert, keeping their order. */
  async replaceInstitutions(
    studentId: string,
    districtId: string,
    choices: readonly InstitutionChoice[],
  ): Promise<void> {
    await this.db.query('DELETE FROM student_institution WHERE student_id = $1', [studentId]);
    if (choices.length === 0) return;
    await this.db.query(
      `INSERT INTO student_institution (district_id, student_id, position, code, kind)
       SELECT $1::text, $2::uuid, c.ord, c.code, c.kind
       FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS c(code, kind, ord)`,
      [districtId, studentId, choices.map((c) => c.code), choices.map((c) => c.kind)],
    );
  }
}

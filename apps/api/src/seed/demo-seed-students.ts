import { Readable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { mod112CheckDigit, studentRegistrationSchema } from '@sscard/rules';
import type { Actor } from '../common/auth/actor.js';
import { DatabaseContext } from '../database/database-context.js';
import { StudentFileStore } from '../modules/students/student-file-store.js';
import { StudentsService } from '../modules/students/students.service.js';

/** The 2025 student flow's demo accounts, printed with the others. */
export const STUDENT_DEMO_ACCOUNTS = [
  {
    username: 'university',
    role: 'university_staff',
    who: '北京示范大学医保办 / University (all colleges)',
  },
  { username: 'college-cs', role: 'college_staff', who: '北京示范大学计算机学院 / College of CS' },
  { username: 'college-fl', role: 'college_staff', who: '北京示范大学外国语学院 / College of FL' },
] as const;

type DemoStatus = 'registered' | 'submitted' | 'reviewed' | 'paid' | 'photo_recorded' | 'e_voucher';

/** name, college, status, and what makes the student interesting in the demo. */
const STUDENTS: { name: string; college: 'cs' | 'fl'; status: DemoStatus; extra?: object }[] = [
  { name: '陈思远', college: 'cs', status: 'registered' },
  {
    name: '林雨桐',
    college: 'cs',
    status: 'registered',
    extra: { otherCover: 'employee_medical', declaresNoOtherCover: false },
  },
  { name: '周子涵', college: 'cs', status: 'submitted', extra: { studyStatus: 'deferred' } },
  { name: '吴浩然', college: 'cs', status: 'reviewed' },
  { name: '郑欣怡', college: 'fl', status: 'paid' },
  { name: '王俊杰', college: 'fl', status: 'photo_recorded' },
  { name: '刘诗涵', college: 'fl', status: 'e_voucher' },
];

const PDF = Buffer.from('%PDF-1.4\n% sscard demo attachment\n%%EOF\n', 'latin1');

function idNumber(i: number): string {
  // Haidian, born 2006-03-(10+i); the sequence's last digit is i, so its parity gives the gender.
  const first17 = `110108200603${String(10 + i).padStart(2, '0')}${200 + i}`;
  return `${first17}${mod112CheckDigit(first17)}`;
}

/**
 * A university in Haidian with two colleges, its staff accounts, and students in every state of
 * the 2025 flow. Students go in through StudentsService.insertMany (the rules decide eligibility
 * and number them); the later states are arranged in SQL, with real files in the store for the
 * attachments of everyone past registration.
 */
export async function seedDemoStudents(app: INestApplication, passwordHash: string): Promise<void> {
  const db = app.get(DatabaseContext);
  const [uni] = await db.query<{ id: string }>(
    `INSERT INTO unit (district_id, name, kind, registration_code) VALUES ('110108', '北京示范大学', 'university', '11010830000') RETURNING id`,
  );
  if (!uni) throw new Error('demo university not inserted');
  const colleges = await db.query<{ id: string; name: string }>(
    `INSERT INTO unit (district_id, parent_unit_id, name, kind, registration_code) VALUES
       ('110108', $1, '计算机学院', 'college', '11010830001'), ('110108', $1, '外国语学院', 'college', '11010830002')
     RETURNING id, name`,
    [uni.id],
  );
  const cs = colleges.find((c) => c.name === '计算机学院');
  const fl = colleges.find((c) => c.name === '外国语学院');
  if (!cs || !fl) throw new Error('demo colleges not inserted');
  const users = await db.query<Actor>(
    `INSERT INTO app_user (username, display_name, password_hash, role, district_id, unit_id)
     SELECT a.username, a.who, $1, a.role, '110108', a.unit_id
     FROM jsonb_to_recordset($2::jsonb) AS a(username text, who text, role text, unit_id uuid)
     RETURNING id AS "userId", username, display_name AS "displayName", role, district_id AS "districtId", unit_id AS "unitId"`,
    [
      passwordHash,
      JSON.stringify(
        STUDENT_DEMO_ACCOUNTS.map((a, i) => ({ ...a, unit_id: [uni.id, cs.id, fl.id][i] })),
      ),
    ],
  );
  const staff = users.find((u) => u.username === 'university');
  if (!staff) throw new Error('demo university account not inserted');
  const rows = STUDENTS.map((s, i) =>
    studentRegistrationSchema.parse({
      name: s.name,
      idKind: 'resident',
      idNumber: idNumber(i),
      gender: i % 2 === 0 ? 'female' : 'male',
      birthDate: `2006-03-${String(10 + i).padStart(2, '0')}`,
      nationalityOrRegion: '中国',
      phone: `1390000${String(1000 + i)}`,
      college: s.college === 'cs' ? cs.name : fl.name,
      className: s.college === 'cs' ? '计科2501' : '英语2501',
      studentNumber: `2025${String(1001 + i)}`,
      studyStatus: 'enrolled',
      fullTimeStudent: true,
      otherCover: 'none',
      declaresNoOtherCover: true,
      ...s.extra,
    }),
  );
  const inserted = await app.get(StudentsService).insertMany(staff, uni.id, rows);
  const store = app.get(StudentFileStore);
  const byName = new Map(rows.map((r, i) => [r.name, STUDENTS[i]]));
  for (const s of inserted) {
    const [row] = await db.query<{ name: string; seq: number }>(
      'SELECT name, seq FROM student WHERE id = $1',
      [s.id],
    );
    const demo = row ? byName.get(row.name) : undefined;
    if (!row || !demo || demo.status === 'registered') continue;
    for (const [kind, name] of [
      ['registration_form', `【${row.seq}${row.name}】个人参加城乡居民基本医疗保险信息登记表.pdf`],
      ['evidence', `【${row.seq}${row.name}】证明材料.pdf`],
    ] as const) {
      const file = await store.write(Readable.from([PDF]), PDF.length);
      await db.query(
        `INSERT INTO student_attachment (district_id, student_id, kind, original_name, stored_name, content_type, bytes, sha256, uploaded_by)
         VALUES ('110108', $1, $2, $3, $4, 'application/pdf', $5, $6, $7)`,
        [s.id, kind, name, file.storedName, file.bytes, file.sha256, staff.userId],
      );
    }
    // Past registration the college's summary (attachment 3, S-1.4/S-1.5) has been produced.
    await db.query(
      'UPDATE student SET status = $2, summary_exported_at = clock_timestamp() WHERE id = $1',
      [s.id, demo.status],
    );
    if (['paid', 'photo_recorded', 'e_voucher'].includes(demo.status)) {
      await db.query(
        `INSERT INTO student_payment (district_id, student_id, amount_yuan, paid_at, channel, recorded_by)
         VALUES ('110108', $1, 405, TIMESTAMPTZ '2025-10-13 10:00:00+08', 'jingtong_mini_program', $2)`,
        [s.id, staff.userId],
      );
    }
    if (demo.status === 'photo_recorded') {
      await db.query(
        `INSERT INTO student_institution (district_id, student_id, position, code, kind)
         VALUES ('110108', $1, 1, 'HD-SQ-001', 'community_health'), ('110108', $1, 2, 'HD-YY-002', 'general'),
                ('110108', $1, 3, 'BJ-YY-003', 'general')`,
        [s.id],
      );
    }
  }
}

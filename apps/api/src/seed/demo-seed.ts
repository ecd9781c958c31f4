import type { INestApplication } from '@nestjs/common';
import type { CardState, Category, SubsidyFlag } from '@sscard/rules';
import { DatabaseContext } from '../database/database-context.js';
import { passwordHasher } from '../modules/auth/password-hasher.js';
import { type DemoPerson, demoClassName, demoEnrolment, demoPerson } from './demo-people.js';
import { seedDemoStudents, STUDENT_DEMO_ACCOUNTS } from './demo-seed-students.js';

export const DEMO_PASSWORD = 'sscard-demo';

const BASE_ACCOUNTS = [
  { username: 'admin', role: 'system_admin', who: '系统管理员 / System admin' },
  {
    username: 'chaoyang',
    role: 'district_staff',
    who: '朝阳区社保中心 / Chaoyang district centre',
  },
  { username: 'haidian', role: 'district_staff', who: '海淀区社保中心 / Haidian district centre' },
  { username: 'school650', role: 'unit_staff', who: '朝阳区实验小学 (650)' },
  { username: 'school600', role: 'unit_staff', who: '朝阳区第一中学 (600)' },
  { username: 'school599', role: 'unit_staff', who: '朝阳区第二中学 (599)' },
  {
    username: 'heping',
    role: 'unit_staff',
    who: '和平里幼儿园 / Kindergarten (cards at the unit)',
  },
  { username: 'balizhuang', role: 'unit_staff', who: '八里庄街道社保所 / Street office' },
] as const;

/** Every demo account, printed at start-up (the student flow's are seeded with their units). */
export const DEMO_ACCOUNTS = [...BASE_ACCOUNTS, ...STUDENT_DEMO_ACCOUNTS];

interface DemoUnit {
  key: string;
  name: string;
  kind: string;
  code: string;
  account?: string;
  designated?: [string, string];
  /**
   * Cards by state and category for this unit. `movedTo`: N-2.4a — these children of the group
   * (0-based) changed school to that unit since; their cards stay with this one (N-2.4b).
   */
  cards: {
    state: CardState;
    count: number;
    category: Category;
    flag?: SubsidyFlag;
    movedTo?: { unit: string; indexes: number[] };
  }[];
  batch?: { route: 'direct_delivery' | 'pickup'; state: string };
}

const UNITS: DemoUnit[] = [
  {
    key: 's650',
    name: '朝阳区实验小学',
    kind: 'school',
    code: '11010510001',
    account: 'school650',
    designated: ['李老师', '13800000001'],
    cards: [{ state: 'made', count: 650, category: 'student_child' }],
  },
  {
    key: 's600',
    name: '朝阳区第一中学',
    kind: 'school',
    code: '11010510002',
    account: 'school600',
    cards: [{ state: 'made', count: 600, category: 'student_child' }],
  },
  {
    key: 's599',
    name: '朝阳区第二中学',
    kind: 'school',
    code: '11010510003',
    account: 'school599',
    cards: [{ state: 'made', count: 599, category: 'student_child' }],
  },
  {
    key: 'heping',
    name: '朝阳区和平里幼儿园',
    kind: 'kindergarten_childcare',
    code: '11010510004',
    account: 'heping',
    designated: ['周园长', '13800000004'],
    cards: [
      { state: 'issued', count: 12, category: 'student_child' },
      {
        state: 'at_unit',
        count: 18,
        category: 'student_child',
        flag: 'severely_disabled_minor',
        // Three children went on to primary school in September (one from each class).
        movedTo: { unit: 's650', indexes: [2, 9, 16] },
      },
    ],
    batch: { route: 'pickup', state: 'at_unit' },
  },
  {
    key: 'tuanjiehu',
    name: '朝阳区团结湖幼儿园',
    kind: 'kindergarten_childcare',
    code: '11010510005',
    cards: [{ state: 'awaiting_pickup', count: 25, category: 'student_child' }],
    batch: { route: 'pickup', state: 'awaiting_pickup' },
  },
  {
    key: 'balizhuang',
    name: '八里庄街道社会保障事务所',
    kind: 'street_office',
    code: '11010510006',
    account: 'balizhuang',
    designated: ['孙主任', '13800000006'],
    cards: [
      { state: 'issued', count: 10, category: 'elderly', flag: 'severely_disabled_elderly' },
      { state: 'returned', count: 2, category: 'unemployed' },
      { state: 'in_reissue_pool', count: 6, category: 'unemployed' },
      {
        state: 'reissued',
        count: 2,
        category: 'unemployed_disabled',
        flag: 'severely_disabled_unemployed',
      },
      { state: 'identity_sync', count: 2, category: 'elderly' },
    ],
    batch: { route: 'pickup', state: 'returned' },
  },
  {
    key: 'maizidian',
    name: '麦子店街道社会保障事务所',
    kind: 'street_office',
    code: '11010510007',
    cards: [
      {
        state: 'not_made_data_problem',
        count: 3,
        category: 'unemployed',
        flag: 'minimum_living_allowance',
      },
      { state: 'made', count: 8, category: 'elderly' },
    ],
  },
  {
    key: 'sanzhong',
    name: '朝阳区第三中学',
    kind: 'school',
    code: '11010510008',
    cards: [{ state: 'in_batch', count: 620, category: 'student_child' }],
    batch: { route: 'direct_delivery', state: 'awaiting_receiver' },
  },
];

/** Seeds a demo district into an empty database; returns false when data is already there. */
export async function seedDemo(app: INestApplication): Promise<boolean> {
  const db = app.get(DatabaseContext);
  const [existing] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM district');
  if ((existing?.n ?? 0) > 0) return false;
  const hash = await passwordHasher.hash(DEMO_PASSWORD);
  await db.transaction(async () => {
    await db.query(`INSERT INTO district (id, name_zh, name_en, centre_name, centre_address) VALUES
      ('110105', '朝阳区', 'Chaoyang', '朝阳区社会保险基金管理中心', '朝阳区工体北路甲2号'),
      ('110108', '海淀区', 'Haidian', '海淀区社会保险基金管理中心', '海淀区海淀大街')`);
    await db.query(`INSERT INTO service_point (district_id, name, address, street_office) VALUES
      ('110105', '八里庄街道社保卡服务网点', '八里庄西里100号', '八里庄街道'),
      ('110105', '麦子店街道社保卡服务网点', '麦子店街37号', '麦子店街道'),
      ('110108', '中关村街道社保卡服务网点', '中关村南大街', '中关村街道')`);
    const unitIds = new Map<string, string>();
    for (const u of UNITS) {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO unit (district_id, name, kind, registration_code, designated_person_name, designated_person_phone)
         VALUES ('110105', $1, $2, $3, $4, $5) RETURNING id`,
        [u.name, u.kind, u.code, u.designated?.[0] ?? null, u.designated?.[1] ?? null],
      );
      if (row) unitIds.set(u.key, row.id);
    }
    const [hd] = await db.query<{ id: string }>(
      `INSERT INTO unit (district_id, name, kind, registration_code) VALUES ('110108', '海淀区中关村第一小学', 'school', '11010820001') RETURNING id`,
    );
    await db.query(
      `INSERT INTO app_user (username, display_name, password_hash, role, district_id, unit_id)
       SELECT a.username, a.display_name, $1, a.role, a.district_id, a.unit_id
       FROM jsonb_to_recordset($2::jsonb) AS a(username text, display_name text, role text, district_id text, unit_id uuid)`,
      [
        hash,
        JSON.stringify(
          BASE_ACCOUNTS.map((a) => {
            const unit = UNITS.find((u) => u.account === a.username);
            return {
              username: a.username,
              display_name: a.who,
              role: a.role,
              district_id:
                a.role === 'system_admin' ? null : a.username === 'haidian' ? '110108' : '110105',
              unit_id: unit ? unitIds.get(unit.key) : null,
            };
          }),
        ),
      ],
    );
    const [admin] = await db.query<{ id: string }>(
      `SELECT id FROM app_user WHERE username = 'admin'`,
    );
    await seedPeopleAndCards(db, unitIds, admin?.id ?? '', hd?.id ?? '');
    await seedDemoStudents(app, hash);
  });
  return true;
}

async function seedPeopleAndCards(
  db: DatabaseContext,
  unitIds: Map<string, string>,
  adminId: string,
  haidianUnit: string,
) {
  const [dispatch] = await db.query<{ id: string }>(
    `INSERT INTO dispatch (district_id, pickup_place, pickup_deadline, batch_count, card_count, created_by)
     VALUES ('110105', '朝阳区社保中心一层发卡大厅', '2011-01-08', 3, 0, $1) RETURNING id`,
    [adminId],
  );
  const rows: Record<string, unknown>[] = [];
  const waiting: Record<string, unknown>[] = [];
  let seq = 1;
  let batchNo = 1;
  for (const u of UNITS) {
    const unitId = unitIds.get(u.key);
    let child = 0;
    let batchId: string | null = null;
    if (u.batch && dispatch) {
      const count = u.cards.reduce((n, c) => n + c.count, 0);
      const [b] = await db.query<{ id: string }>(
        `INSERT INTO batch (district_id, dispatch_id, unit_id, number, route, eligible_count, card_count, state, pickup_place, pickup_deadline)
         VALUES ('110105', $1, $2, $3, $4, $5, $5, $6, $7, $8) RETURNING id`,
        [
          dispatch.id,
          unitId,
          `110105-20101220-${String(batchNo++).padStart(4, '0')}`,
          u.batch.route,
          count,
          u.batch.state,
          u.batch.route === 'pickup' ? '朝阳区社保中心一层发卡大厅' : null,
          u.batch.route === 'pickup' ? '2011-01-08' : null,
        ],
      );
      batchId = b?.id ?? null;
    }
    for (const group of u.cards) {
      // A card of an open batch is not written at dispatch: it stays made and unbatched, and the
      // dispatch's intake range takes it (card_current shows it in_batch / awaiting_pickup).
      const inOpenBatch = group.state === 'in_batch' || group.state === 'awaiting_pickup';
      for (let i = 0; i < group.count; i += 1) {
        const p: DemoPerson = demoPerson(seq, group.category, group.flag ? [group.flag] : []);
        const moved = group.movedTo?.indexes.includes(i) ? group.movedTo.unit : undefined;
        const row = {
          ...p,
          seq,
          unitId,
          currentUnitId: moved ? unitIds.get(moved) : unitId,
          className: p.category === 'student_child' ? demoClassName(u.kind, child++) : null,
          state: inOpenBatch ? 'made' : group.state,
          batchId:
            inOpenBatch || group.state === 'made' || group.state === 'not_made_data_problem'
              ? null
              : batchId,
          ...demoEnrolment(p, seq),
        };
        (group.state === 'made' ? waiting : rows).push(row);
        seq += 1;
      }
    }
  }
  // The dispatched cards first; the dispatch takes their intake numbers. The cards still waiting
  // for a dispatch come after, so the next dispatch (from the demo UI) takes them.
  await insertPeopleAndCards(db, rows);
  if (dispatch) {
    await db.query(
      `UPDATE dispatch SET intake_from = (SELECT min(intake_no) FROM card),
         intake_upto = (SELECT max(intake_no) FROM card)
       WHERE id = $1`,
      [dispatch.id],
    );
  }
  await insertPeopleAndCards(db, waiting);
  await db.query(
    `INSERT INTO signature (district_id, card_id, batch_id, signer_kind, signer_name, signed_on, recorded_by)
     SELECT c.district_id, c.id, c.batch_id, CASE WHEN row_number() OVER (ORDER BY c.id) % 2 = 0 THEN 'proxy' ELSE 'self' END,
       CASE WHEN row_number() OVER (ORDER BY c.id) % 2 = 0 THEN coalesce(u.designated_person_name, r.name) ELSE r.name END,
       DATE '2011-01-05', $1
     FROM card c JOIN resident r ON r.id = c.resident_id JOIN unit u ON u.id = c.made_for_unit_id
     WHERE c.state IN ('issued', 'identity_sync') AND c.batch_id IS NOT NULL`,
    [adminId],
  );
  // N-2.5: the cards in identity sync are there because their holders turned elderly; the
  // district centre records the sync against that change when the card comes back.
  await db.query(
    `INSERT INTO category_change (district_id, resident_id, card_id, from_category, to_category, changed_on, recorded_by)
     SELECT c.district_id, c.resident_id, c.id, 'unemployed', 'elderly', DATE '2011-01-06', $1
     FROM card c WHERE c.state = 'identity_sync'`,
    [adminId],
  );
  // N-2.5: a change is recorded only once the fee at the new standard is paid, so these
  // holders' 2011 enrolments (as elderly) carry that payment, made on the day of the change.
  await db.query(
    `INSERT INTO payment (district_id, enrolment_id, amount_yuan, paid_on, method, recorded_by)
     SELECT e.district_id, e.id, e.fee_yuan, DATE '2011-01-06', e.payment_method, $1
     FROM enrolment e JOIN card c ON c.resident_id = e.resident_id
     WHERE c.state = 'identity_sync' AND e.policy_year = 2011 AND NOT e.exempt`,
    [adminId],
  );
  await db.query(
    `INSERT INTO designated_institution (district_id, resident_id, position, code, kind)
     SELECT r.district_id, r.id, k.position, k.code, k.kind FROM resident r
     CROSS JOIN LATERAL (VALUES (1, 'CY-SQ-001', 'community_health'), (2, 'CY-ZY-002', 'general'), (3, 'BJ-YY-003', 'general')) AS k(position, code, kind)
     WHERE r.category <> 'student_child' AND r.id NOT IN (
       SELECT id FROM resident WHERE category <> 'student_child' ORDER BY id_number LIMIT 3)`,
  );
  // N-1.4a: the exemptions above rest on a passed verification for 2011.
  await db.query(
    `INSERT INTO subsidy_verification (district_id, resident_id, policy_year, flag, passed, acted_by, evidence, verified_on, recorded_by)
     SELECT r.district_id, r.id, 2011, r.subsidy_flags[1], true,
       CASE WHEN r.category = 'student_child' THEN 'guardian' ELSE 'civil_affairs' END, '民政部门核发证件（原件与复印件）', DATE '2010-12-03', $1
     FROM resident r WHERE cardinality(r.subsidy_flags) > 0`,
    [adminId],
  );
  // N-2.4c / N-2.4d: the street office returned its undistributed cards; two were reissued since.
  const [ret] = await db.query<{ id: string }>(
    `INSERT INTO card_return (district_id, batch_id, returned_on, first_copy_returned, card_count, recorded_by)
     SELECT c.district_id, c.batch_id, DATE '2011-01-24', true, count(*), $1 FROM card c
     WHERE c.state IN ('returned', 'in_reissue_pool', 'reissued') GROUP BY c.district_id, c.batch_id RETURNING id`,
    [adminId],
  );
  if (ret) {
    await db.query(
      `INSERT INTO card_return_line (return_id, card_id, district_id)
       SELECT $1, c.id, c.district_id FROM card c WHERE c.state IN ('returned', 'in_reissue_pool', 'reissued')`,
      [ret.id],
    );
  }
  await db.query(
    `INSERT INTO reissue (district_id, card_id, service_point_id, applicant_name, holder_document, applicant_document, applied_on, recorded_by)
     SELECT c.district_id, c.id, (SELECT id FROM service_point WHERE name = '八里庄街道社保卡服务网点'), r.name,
       'resident_id_card', 'resident_id_card', DATE '2011-03-04', $1
     FROM card c JOIN resident r ON r.id = c.resident_id WHERE c.state = 'reissued'`,
    [adminId],
  );
  await db.query(
    `INSERT INTO resident (district_id, id_kind, id_number, name, birth_date, category, current_unit_id)
     VALUES ('110108', 'resident', $1, '海淀样例', '2004-03-03', 'student_child', $2)`,
    [demoPerson(9999, 'student_child').idNumber, haidianUnit],
  );
}

/** Residents, enrolments and cards of the demo people: one statement for the lot, set-based. */
async function insertPeopleAndCards(db: DatabaseContext, rows: Record<string, unknown>[]) {
  await db.query(
    `WITH p AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS p("idNumber" text, name text, "birthDate" date, category text,
        "subsidyFlags" text[], seq int, "unitId" uuid, "currentUnitId" uuid, "className" text, state text, "batchId" uuid, "feeYuan" int, exempt boolean,
        "paymentMethod" text, "depositAccount" text, "requiredDepositYuan" int)),
     r AS (INSERT INTO resident (district_id, id_kind, id_number, name, birth_date, category, subsidy_flags, current_unit_id, class_name)
        SELECT '110105', 'resident', "idNumber", name, "birthDate", category, "subsidyFlags", "currentUnitId", "className"
        FROM p RETURNING id, id_number),
     e AS (INSERT INTO enrolment (district_id, resident_id, unit_id, policy_year, category, enrolled_on, payment_method,
          deposit_account, fee_yuan, exempt, required_deposit_yuan, january_cover)
        SELECT '110105', r.id, p."unitId", 2011, p.category, DATE '2010-12-01' + (p.seq % 25), p."paymentMethod",
          p."depositAccount", p."feeYuan", p.exempt, p."requiredDepositYuan", true FROM p JOIN r ON r.id_number = p."idNumber")
     INSERT INTO card (district_id, resident_id, made_for_unit_id, card_number, state, batch_id, problem)
       SELECT '110105', r.id, p."unitId", CASE WHEN p.state = 'not_made_data_problem' THEN NULL ELSE 'BJ' || lpad(p.seq::text, 9, '0') END,
         p.state, p."batchId", CASE WHEN p.state = 'not_made_data_problem' THEN '照片采集不合格 / Photo rejected' END
       FROM p JOIN r ON r.id_number = p."idNumber"`,
    [JSON.stringify(rows)],
  );
}

import { annualFee, CARD_STATES, routeBatch } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../src/seed/demo-seed.js';
import { bearer } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('demo seed (npm start on an empty database)', () => {
  it('seeds once, and not again over existing data', async () => {
    expect(await seedDemo(t.runtime.app)).toBe(true);
    expect(await seedDemo(t.runtime.app)).toBe(false);
  });

  it('has cards in every state of the lifecycle (effective states, card_current)', async () => {
    const rows = await t.sql<{ state: string }>('SELECT DISTINCT state FROM card_current');
    expect(rows.map((r) => r.state).sort()).toEqual([...CARD_STATES].sort());
  });

  it('N-2.2a schools with 650, 600 and 599 card-eligible people, routed by the rules', async () => {
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'chaoyang', password: DEMO_PASSWORD });
    const res = await t.http
      .get('/api/units?search=朝阳区第&pageSize=50')
      .set(bearer(login.body.token));
    const byName = Object.fromEntries(
      res.body.items.map((u: { name: string; eligibleCount: number; route: string }) => [
        u.name,
        u,
      ]),
    );
    expect(byName.朝阳区第一中学).toMatchObject({
      eligibleCount: 600,
      route: 'direct_delivery',
    });
    expect(byName.朝阳区第二中学).toMatchObject({ eligibleCount: 599, route: 'pickup' });
    const all = await t.http.get('/api/units?search=实验小学').set(bearer(login.body.token));
    expect(all.body.items[0]).toMatchObject({ eligibleCount: 650, route: routeBatch(650) });
  });

  it('every demo account signs in with the printed password', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const res = await t.http
        .post('/api/auth/login')
        .send({ username: a.username, password: DEMO_PASSWORD });
      expect(res.status, a.username).toBe(200);
      expect(res.body.user.role).toBe(a.role);
    }
  });

  it('residents in every category, with verified subsidy flags and a few missing a community institution (N-1.4a, N-1.6)', async () => {
    const cats = await t.sql<{ category: string }>(
      'SELECT DISTINCT category FROM resident ORDER BY 1',
    );
    expect(cats.map((c) => c.category)).toEqual([
      'elderly',
      'student_child',
      'unemployed',
      'unemployed_disabled',
    ]);
    const [unverified] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrolment e JOIN resident r ON r.id = e.resident_id
       WHERE e.exempt AND NOT EXISTS (SELECT 1 FROM subsidy_verification v WHERE v.resident_id = r.id AND v.policy_year = 2011 AND v.passed)`,
    );
    expect(unverified?.n).toBe(0);
    const [missing] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM resident r WHERE r.category <> 'student_child'
       AND NOT EXISTS (SELECT 1 FROM designated_institution d WHERE d.resident_id = r.id AND d.kind = 'community_health')`,
    );
    expect(missing?.n).toBe(3);
  });

  it('N-2.3 children have classes; N-2.4b three kindergarten children moved on, their cards stay', async () => {
    const classes = await t.sql<{ class_name: string; n: number }>(
      `SELECT r.class_name, count(*)::int AS n FROM card c JOIN resident r ON r.id = c.resident_id
       JOIN unit u ON u.id = c.made_for_unit_id
       WHERE u.name = '朝阳区和平里幼儿园' AND c.state = 'at_unit' GROUP BY 1 ORDER BY 1`,
    );
    expect(classes).toEqual([
      { class_name: '中一班', n: 6 },
      { class_name: '大一班', n: 6 },
      { class_name: '大二班', n: 6 },
    ]);
    const [adults] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM resident WHERE category <> 'student_child' AND class_name IS NOT NULL`,
    );
    expect(adults?.n).toBe(0);
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'heping', password: DEMO_PASSWORD });
    const res = await t.http.get('/api/cards/moved-away').set(bearer(login.body.token));
    expect(res.body).toMatchObject({ total: 3, deadline: '2011-01-15', clause: 'N-2.4b' });
    for (const item of res.body.items) {
      expect(item).toMatchObject({
        heldBy: { name: '朝阳区和平里幼儿园' },
        movedTo: {
          name: '朝阳区实验小学',
          designatedPersonName: '李老师',
          designatedPersonPhone: '13800000001',
        },
      });
    }
    expect(res.body.items.map((i: { className: string }) => i.className).sort()).toEqual([
      '中一班',
      '大一班',
      '大二班',
    ]);
  });

  it('N-2.5 each card in identity sync has its category change, and the fee at the new standard is paid', async () => {
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'chaoyang', password: DEMO_PASSWORD });
    const holders = await t.sql<{ residentId: string; cardId: string }>(
      `SELECT resident_id AS "residentId", id AS "cardId" FROM card WHERE state = 'identity_sync'`,
    );
    expect(holders.length).toBeGreaterThan(0);
    for (const h of holders) {
      const res = await t.http.get(`/api/residents/${h.residentId}`).set(bearer(login.body.token));
      expect(res.status).toBe(200);
      expect(res.body.categoryChanges).toMatchObject([
        { from: 'unemployed', to: 'elderly', cardId: h.cardId, syncedOn: null },
      ]);
      const year = res.body.enrolments.find((e: { policyYear: number }) => e.policyYear === 2011);
      expect(year).toMatchObject({
        category: 'elderly',
        feeYuan: annualFee({ policyYear: 2011, category: 'elderly' }),
        paid: true,
      });
    }
  });

  it('N-2.2a/N-2.2b the demo dispatch holds its open batches; the next dispatch takes the waiting cards', async () => {
    const open = await t.sql<{ state: string; card_count: number; n: number }>(
      `SELECT b.state, b.card_count, (SELECT count(*)::int FROM batch_cards(b.id)) AS n FROM batch b
       WHERE b.state IN ('awaiting_receiver', 'awaiting_pickup') ORDER BY b.card_count`,
    );
    expect(open).toEqual([
      { state: 'awaiting_pickup', card_count: 25, n: 25 },
      { state: 'awaiting_receiver', card_count: 620, n: 620 },
    ]);
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'chaoyang', password: DEMO_PASSWORD });
    const res = await t.http
      .post('/api/batches/dispatch')
      .set(bearer(login.body.token))
      .send({ pickupPlace: '朝阳区社保中心一层发卡大厅', pickupDeadline: '2099-12-31' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ batchCount: 4, cardCount: 650 + 600 + 599 + 8 });
  });
});

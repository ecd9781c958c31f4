import { addDays, todayInShanghai } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arrangeBatchAtUnit,
  fullIdNumbersIn,
  type ArrangedBatch,
} from '../distribution-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
let mine: ArrangedBatch;
let theirs: ArrangedBatch;

interface Entry {
  id: string;
  districtId: string;
  entity: string;
  entityId: string;
  action: string;
  actorName: string | null;
  actorRole: string;
}

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-03-10' });
  w = await seedBasics(t);
  mine = await arrangeBatchAtUnit(t, w, { cards: 3 });
  const [hdUnit] = await t.sql<{ id: string }>(
    `INSERT INTO unit (district_id, name, kind, registration_code, designated_person_name)
     VALUES ('110108', '海淀区实验小学', 'school', '11010800001', '周老师') RETURNING id`,
  );
  theirs = await arrangeBatchAtUnit(t, w, {
    cards: 1,
    districtId: '110108',
    unitId: hdUnit?.id ?? '',
  });
  const sign = async (token: string, cardId: string | undefined, signerName: string) => {
    const res = await t.http
      .post(`/api/cards/${cardId}/signature`)
      .set(bearer(token))
      .send({ signer: 'self', signerName, signedOn: '2011-01-10' });
    if (res.status !== 201) throw new Error(`arrange sign: ${res.status}`);
  };
  await sign(w.tokens.unitA, mine.cards[0]?.id, '家长甲');
  await sign(w.tokens.district, mine.cards[1]?.id, '家长乙');
  await sign(w.tokens.otherDistrict, theirs.cards[0]?.id, '家长丙');
});
afterAll(() => t?.close());

const list = async (token: string, query = '') => {
  const res = await t.http.get(`/api/audit-log${query}`).set(bearer(token));
  return res;
};

describe('GET /api/audit-log', () => {
  it('district staff read their district’s entries only, newest first, with who acted', async () => {
    const res = await list(w.tokens.district);
    expect(res.status).toBe(200);
    const items = res.body.items as Entry[];
    expect(res.body.total).toBe(2);
    expect(items.every((e) => e.districtId === '110105')).toBe(true);
    expect(items.map((e) => e.entityId)).toEqual([mine.cards[1]?.id, mine.cards[0]?.id]);
    expect(items[0]).toMatchObject({
      entity: 'card',
      action: 'sign',
      actorRole: 'district_staff',
      actorName: '朝阳区社保中心',
    });
    expect(items[1]).toMatchObject({ actorRole: 'unit_staff', actorName: '实验小学' });
    expect(fullIdNumbersIn(res.body)).toEqual([]);
    const other = await list(w.tokens.otherDistrict);
    expect((other.body.items as Entry[]).map((e) => e.entityId)).toEqual([theirs.cards[0]?.id]);
  });

  it('the admin reads every district, or one by filter', async () => {
    expect((await list(w.tokens.admin)).body.total).toBe(3);
    expect((await list(w.tokens.admin, '?districtId=110108')).body.total).toBe(1);
  });

  it('a district filter cannot widen district staff’s scope', async () => {
    const res = await list(w.tokens.district, '?districtId=110108');
    expect((res.body.items as Entry[]).every((e) => e.districtId === '110105')).toBe(true);
  });

  it('filters by entity, entity id and action, and pages', async () => {
    const byId = await list(w.tokens.district, `?entity=card&entityId=${mine.cards[0]?.id}`);
    expect(byId.body.total).toBe(1);
    expect((await list(w.tokens.district, '?action=return')).body.total).toBe(0);
    expect((await list(w.tokens.district, '?entity=batch')).body.total).toBe(0);
    const page = await list(w.tokens.district, '?pageSize=1&page=2');
    expect(page.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect((page.body.items as Entry[]).map((e) => e.entityId)).toEqual([mine.cards[0]?.id]);
  });

  it('filters by calendar day in Beijing time, both ends included', async () => {
    // The entries were written just now: "today" is the real Beijing date, not SSCARD_TODAY.
    const today = todayInShanghai();
    const yesterday = addDays(today, -1);
    expect((await list(w.tokens.district, `?from=${today}&to=${today}`)).body.total).toBe(2);
    expect((await list(w.tokens.district, `?from=${today}`)).body.total).toBe(2);
    expect((await list(w.tokens.district, `?to=${yesterday}`)).body.total).toBe(0);
    expect((await list(w.tokens.district, `?from=${addDays(today, 1)}`)).body.total).toBe(0);
    const reversed = await list(w.tokens.district, `?from=${today}&to=${yesterday}`);
    expect(reversed.status).toBe(422);
    expect(reversed.body.fields.to).toBe(
      '截止日期不能早于起始日期 / The to date cannot be before the from date',
    );
    expect((await list(w.tokens.district, '?from=2011-02-30')).body.fields).toHaveProperty('from');
  });

  it('unit staff may not read the audit log (403); no session is 401', async () => {
    expect((await list(w.tokens.unitA)).status).toBe(403);
    expect((await t.http.get('/api/audit-log')).status).toBe(401);
  });

  it('bad query is a 422 field map', async () => {
    const res = await list(w.tokens.district, '?pageSize=500&page=x&entity=');
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields).sort()).toEqual(['entity', 'page', 'pageSize']);
  });
});

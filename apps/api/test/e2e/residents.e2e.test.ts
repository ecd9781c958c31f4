import { maskIdNumber } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { residentIdNumber } from '../id-numbers.js';
import {
  insertCard,
  type RegisteredResident,
  registerResident,
  WITH_COMMUNITY,
  WITHOUT_COMMUNITY,
} from '../residents-fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
/** A student registered at unit A, with a card made for unit A. */
let child: RegisteredResident;
/** A child who moved from unit A to unit B: the card stays made for A (N-2.4a). */
let moved: RegisteredResident;
/** An elderly resident at unit B without a community institution (N-1.6). */
let elder: RegisteredResident;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-03-15' });
  w = await seedBasics(t);
  child = await registerResident(t, w.tokens.district, {
    currentUnitId: w.unitA.id,
    name: '张小明',
  });
  moved = await registerResident(t, w.tokens.district, {
    currentUnitId: w.unitB.id,
    name: '李小红',
  });
  elder = await registerResident(t, w.tokens.district, {
    currentUnitId: w.unitB.id,
    category: 'elderly',
    name: '王大爷',
    designatedInstitutions: [],
  });
  await insertCard(t, { residentId: child.id, madeForUnitId: w.unitA.id, state: 'at_unit' });
  await insertCard(t, { residentId: moved.id, madeForUnitId: w.unitA.id, state: 'at_unit' });
});
afterAll(() => t?.close());

const get = (path: string, token: string) => t.http.get(path).set(bearer(token));

describe('residents: registration (personSchema), uniqueness, scope of the unit', () => {
  it('registers a resident in the unit’s district; the response and the audit carry a masked number', async () => {
    const idNumber = residentIdNumber('1975-03-04', 901);
    const res = await t.http
      .post('/api/residents')
      .set(bearer(w.tokens.district))
      .send({
        name: '赵无业',
        idKind: 'resident',
        idNumber: idNumber.replace(/(\d{6})/, '$1 '),
        birthDate: '1975-03-04',
        category: 'unemployed',
        designatedInstitutions: WITH_COMMUNITY,
        currentUnitId: w.unitA.id,
      });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      districtId: '110105',
      idNumber: maskIdNumber(idNumber),
      idNumberMasked: true,
      category: 'unemployed',
      currentUnit: { id: w.unitA.id, name: '朝阳区实验小学' },
    });
    expect(res.body.designatedInstitutions).toHaveLength(4);
    expect(JSON.stringify(res.body)).not.toContain(idNumber);
    const [stored] = await t.sql<{ id_number: string }>(
      'SELECT id_number FROM resident WHERE id = $1',
      [res.body.id],
    );
    expect(stored?.id_number).toBe(idNumber);
    const audit = await t.sql<{ after: unknown }>(
      `SELECT after FROM audit_log WHERE entity = 'resident' AND entity_id = $1 AND action = 'create'`,
      [res.body.id],
    );
    expect(JSON.stringify(audit)).not.toContain(idNumber);
  });

  it('a duplicate ID number is a 422 on idNumber with a clear message', async () => {
    const res = await t.http.post('/api/residents').set(bearer(w.tokens.district)).send({
      name: '重复',
      idKind: 'resident',
      idNumber: child.idNumber,
      birthDate: '2004-09-10',
      category: 'student_child',
      currentUnitId: w.unitA.id,
    });
    expect(res.status).toBe(422);
    expect(res.body.fields.idNumber).toContain('已登记');
  });

  it('bad input is a 422 field map: check digit, birth date against the ID, unit id', async () => {
    const empty = await t.http.post('/api/residents').set(bearer(w.tokens.district)).send({});
    expect(empty.status).toBe(422);
    expect(Object.keys(empty.body.fields).sort()).toEqual(
      ['birthDate', 'category', 'currentUnitId', 'idKind', 'idNumber', 'name'].sort(),
    );
    const good = residentIdNumber('2004-09-10', 902);
    const wrongCheck = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const badCheck = await t.http.post('/api/residents').set(bearer(w.tokens.district)).send({
      name: '甲',
      idKind: 'resident',
      idNumber: wrongCheck,
      birthDate: '2004-09-10',
      category: 'student_child',
      currentUnitId: w.unitA.id,
    });
    expect(badCheck.status).toBe(422);
    expect(badCheck.body.fields.idNumber).toContain('校验码');
    const wrongBirth = await t.http.post('/api/residents').set(bearer(w.tokens.district)).send({
      name: '乙',
      idKind: 'resident',
      idNumber: good,
      birthDate: '2004-09-11',
      category: 'student_child',
      currentUnitId: 'not-a-uuid',
    });
    expect(wrongBirth.status).toBe(422);
    expect(wrongBirth.body.fields.birthDate).toContain('2004-09-10');
    expect(wrongBirth.body.fields.currentUnitId).toBeDefined();
  });

  it('unit staff register for their own unit only; a unit outside the caller’s scope is a 422', async () => {
    const body = {
      name: '丙',
      idKind: 'resident',
      idNumber: residentIdNumber('2004-09-10', 903),
      birthDate: '2004-09-10',
      category: 'student_child',
    };
    const other = await t.http
      .post('/api/residents')
      .set(bearer(w.tokens.unitA))
      .send({ ...body, currentUnitId: w.unitB.id });
    expect(other.status).toBe(422);
    expect(other.body.fields.currentUnitId).toBeDefined();
    const foreign = await t.http
      .post('/api/residents')
      .set(bearer(w.tokens.otherDistrict))
      .send({ ...body, currentUnitId: w.unitA.id });
    expect(foreign.status).toBe(422);
    const own = await t.http
      .post('/api/residents')
      .set(bearer(w.tokens.unitA))
      .send({ ...body, currentUnitId: w.unitA.id });
    expect(own.status).toBe(201);
  });

  it('S-3.1 / N-1.6 designated institutions given at registration are checked (409 with the clause)', async () => {
    const base = {
      name: '丁',
      idKind: 'resident',
      birthDate: '1940-05-06',
      category: 'elderly',
      currentUnitId: w.unitA.id,
    };
    const noCommunity = await t.http
      .post('/api/residents')
      .set(bearer(w.tokens.district))
      .send({
        ...base,
        idNumber: residentIdNumber('1940-05-06', 904),
        designatedInstitutions: WITHOUT_COMMUNITY,
      });
    expect(noCommunity.status).toBe(409);
    expect(noCommunity.body.clause).toBe('N-1.6');
    const two = await t.http
      .post('/api/residents')
      .set(bearer(w.tokens.district))
      .send({
        ...base,
        idNumber: residentIdNumber('1940-05-06', 905),
        designatedInstitutions: WITH_COMMUNITY.slice(0, 2),
      });
    expect(two.status).toBe(409);
    expect(two.body.clause).toBe('S-3.1');
  });
});

describe('residents: scoped, masked lists and search', () => {
  it('district staff see their district; another district sees nothing; the full ID never appears', async () => {
    const res = await get('/api/residents?pageSize=100', w.tokens.district);
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(3);
    const body = JSON.stringify(res.body);
    for (const r of [child, moved, elder]) {
      expect(body).not.toContain(r.idNumber);
      expect(body).toContain(maskIdNumber(r.idNumber));
    }
    const other = await get('/api/residents', w.tokens.otherDistrict);
    expect(other.body.total).toBe(0);
  });

  it('N-2.4a unit staff see their current residents and those with a card made for them', async () => {
    const a = await get('/api/residents?pageSize=100', w.tokens.unitA);
    const aIds = a.body.items.map((r: { id: string }) => r.id);
    expect(aIds).toEqual(expect.arrayContaining([child.id, moved.id]));
    expect(aIds).not.toContain(elder.id);
    const b = await get('/api/residents?pageSize=100', w.tokens.unitB);
    const bIds = b.body.items.map((r: { id: string }) => r.id);
    expect(bIds).toEqual(expect.arrayContaining([moved.id, elder.id]));
    expect(bIds).not.toContain(child.id);
  });

  it('search by name, the full (normalised) ID number, the masked form or its last four', async () => {
    const ids = async (search: string) =>
      (
        await get(`/api/residents?search=${encodeURIComponent(search)}`, w.tokens.district)
      ).body.items.map((r: { id: string }) => r.id);
    expect(await ids('张小')).toEqual([child.id]);
    expect(await ids(child.idNumber)).toEqual([child.id]);
    expect(await ids(`${child.idNumber.slice(0, 6)} ${child.idNumber.slice(6)}`)).toEqual([
      child.id,
    ]);
    expect(await ids(child.idNumber.slice(0, 17))).toEqual([]);
    expect(await ids(maskIdNumber(elder.idNumber))).toEqual([elder.id]);
    expect(await ids(elder.idNumber.slice(-4))).toContain(elder.id);
  });

  it('filters by category and unit, sorts by birth date; bad queries are 422', async () => {
    const elderly = await get('/api/residents?category=elderly', w.tokens.district);
    expect(elderly.body.items.every((r: { category: string }) => r.category === 'elderly')).toBe(
      true,
    );
    const atB = await get(`/api/residents?unitId=${w.unitB.id}`, w.tokens.district);
    expect(atB.body.items.map((r: { id: string }) => r.id).sort()).toEqual(
      [moved.id, elder.id].sort(),
    );
    const sorted = await get(
      '/api/residents?sort=birthDate&order=asc&pageSize=1',
      w.tokens.district,
    );
    expect(sorted.body.items[0].birthDate).toBe('1940-05-06');
    for (const q of ['sort=idNumber', 'category=castle', 'unitId=x', 'pageSize=1000', 'page=0']) {
      const bad = await get(`/api/residents?${q}`, w.tokens.district);
      expect(bad.status, q).toBe(422);
    }
  });
});

describe('residents: detail, revealing the full number, scoping 404s', () => {
  it('N-2.4a the detail shows each card’s made-for unit and the current unit, masked', async () => {
    const res = await get(`/api/residents/${moved.id}`, w.tokens.district);
    expect(res.status).toBe(200);
    expect(res.body.idNumber).toBe(maskIdNumber(moved.idNumber));
    expect(JSON.stringify(res.body)).not.toContain(moved.idNumber);
    expect(res.body.cards).toEqual([
      expect.objectContaining({
        state: 'at_unit',
        madeForUnit: { id: w.unitA.id, name: '朝阳区实验小学' },
        currentUnit: { id: w.unitB.id, name: '朝阳区第二幼儿园' },
      }),
    ]);
    expect(res.body).toMatchObject({
      subsidyVerifications: [],
      enrolments: [],
      designatedInstitutions: [],
    });
  });

  it('?full=1 reveals the number to district staff and the admin only, and the read is audited', async () => {
    const full = await get(`/api/residents/${child.id}?full=1`, w.tokens.district);
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ idNumber: child.idNumber, idNumberMasked: false });
    const audit = await t.sql<{ actor_role: string }>(
      `SELECT actor_role FROM audit_log WHERE entity = 'resident' AND entity_id = $1 AND action = 'reveal_id_number'`,
      [child.id],
    );
    expect(audit).toEqual([{ actor_role: 'district_staff' }]);
    expect((await get(`/api/residents/${child.id}?full=1`, w.tokens.admin)).status).toBe(200);
    expect((await get(`/api/residents/${child.id}?full=1`, w.tokens.unitA)).status).toBe(403);
    expect((await get(`/api/residents/${child.id}?full=yes`, w.tokens.district)).status).toBe(422);
  });

  it('another unit’s or district’s resident is a 404, as is a non-uuid id', async () => {
    expect((await get(`/api/residents/${child.id}`, w.tokens.unitB)).status).toBe(404);
    expect((await get(`/api/residents/${elder.id}`, w.tokens.unitA)).status).toBe(404);
    expect((await get(`/api/residents/${child.id}`, w.tokens.otherDistrict)).status).toBe(404);
    expect((await get(`/api/residents/${child.id}?full=1`, w.tokens.otherDistrict)).status).toBe(
      404,
    );
    expect((await get('/api/residents/123', w.tokens.district)).status).toBe(404);
    // The holding unit reads the moved child (N-2.4a).
    expect((await get(`/api/residents/${moved.id}`, w.tokens.unitA)).status).toBe(200);
  });
});

describe('residents: designated institutions (S-3.1 / N-1.6)', () => {
  const put = (id: string, token: string, body: object) =>
    t.http.put(`/api/residents/${id}/institutions`).set(bearer(token)).send(body);

  it('refuses choices without a community institution for the elderly (N-1.6) and wrong counts (S-3.1)', async () => {
    const none = await put(elder.id, w.tokens.unitB, { designatedInstitutions: WITHOUT_COMMUNITY });
    expect(none.status).toBe(409);
    expect(none.body.clause).toBe('N-1.6');
    const dup = await put(elder.id, w.tokens.unitB, {
      designatedInstitutions: [
        { code: 'sq001', kind: 'community_health' },
        { code: 'SQ001 ', kind: 'community_health' },
        { code: 'ZH003', kind: 'general' },
      ],
    });
    expect(dup.status).toBe(409);
    expect(dup.body.clause).toBe('S-3.1');
    const bad = await put(elder.id, w.tokens.unitB, {
      designatedInstitutions: [{ code: '', kind: 'castle' }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.fields).toHaveProperty(['designatedInstitutions.0.kind']);
  });

  it('another unit or district gets a 404 (the card-holding unit may not change them)', async () => {
    const body = { designatedInstitutions: WITH_COMMUNITY };
    expect((await put(elder.id, w.tokens.unitA, body)).status).toBe(404);
    expect((await put(elder.id, w.tokens.otherDistrict, body)).status).toBe(404);
    expect((await put(moved.id, w.tokens.unitA, body)).status).toBe(404);
  });
});

describe('N-1.6 residents still missing a community health-service institution', () => {
  it('lists the elderly and unemployed without one, with the 2010-12-25 deadline, overdue on 2011-03-15', async () => {
    const res = await get('/api/residents/missing-community-institution', w.tokens.district);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ policyYear: 2011, deadline: '2010-12-25' });
    const item = res.body.items.find((r: { id: string }) => r.id === elder.id);
    expect(item).toMatchObject({
      category: 'elderly',
      deadline: '2010-12-25',
      overdue: true,
      idNumber: maskIdNumber(elder.idNumber),
    });
    expect(JSON.stringify(res.body)).not.toContain(elder.idNumber);
    // Students and children are not concerned.
    expect(res.body.items.some((r: { id: string }) => r.id === child.id)).toBe(false);
    const later = await get(
      '/api/residents/missing-community-institution?deadline=2011-12-31',
      w.tokens.district,
    );
    expect(later.body.items.find((r: { id: string }) => r.id === elder.id).overdue).toBe(false);
  });

  it('is scoped, and leaves the list once a community institution is chosen', async () => {
    const other = await get('/api/residents/missing-community-institution', w.tokens.otherDistrict);
    expect(other.body.total).toBe(0);
    const a = await get('/api/residents/missing-community-institution', w.tokens.unitA);
    expect(a.body.items.some((r: { id: string }) => r.id === elder.id)).toBe(false);
    const fixed = await t.http
      .put(`/api/residents/${elder.id}/institutions`)
      .set(bearer(w.tokens.unitB))
      .send({ designatedInstitutions: WITH_COMMUNITY });
    expect(fixed.status).toBe(200);
    expect(fixed.body.designatedInstitutions).toHaveLength(4);
    const after = await get('/api/residents/missing-community-institution', w.tokens.district);
    expect(after.body.items.some((r: { id: string }) => r.id === elder.id)).toBe(false);
    const audit = await t.sql(
      `SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'set_designated_institutions'`,
      [elder.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('N-1.2 a year without policy data or a bad date is a 422', async () => {
    const noYear = await get(
      '/api/residents/missing-community-institution?policyYear=2012',
      w.tokens.district,
    );
    expect(noYear.status).toBe(422);
    expect(noYear.body.fields.policyYear).toContain('2012');
    const badDate = await get(
      '/api/residents/missing-community-institution?deadline=2010-02-30',
      w.tokens.district,
    );
    expect(badDate.status).toBe(422);
  });
});

describe('N-1.4a / N-1.4b subsidy-eligibility verification', () => {
  const post = (id: string, token: string, body: object) =>
    t.http.post(`/api/residents/${id}/subsidy-verifications`).set(bearer(token)).send(body);
  const verification = {
    policyYear: 2011,
    flag: 'severely_disabled_minor',
    passed: true,
    actedBy: 'guardian',
    evidence: '残疾人证（一级）',
    verifiedOn: '2010-12-05',
  };

  it('records a passed verification and puts the flag on the person', async () => {
    const res = await post(child.id, w.tokens.unitA, verification);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      policyYear: 2011,
      flag: 'severely_disabled_minor',
      passed: true,
    });
    const detail = await get(`/api/residents/${child.id}`, w.tokens.district);
    expect(detail.body.subsidyFlags).toEqual(['severely_disabled_minor']);
    expect(detail.body.subsidyVerifications).toHaveLength(1);
  });

  it('is unique per year and flag (422), the flag must fit the category (409 N-1.4b)', async () => {
    const dup = await post(child.id, w.tokens.unitA, verification);
    expect(dup.status).toBe(422);
    expect(dup.body.fields.policyYear).toBeDefined();
    const unfit = await post(elder.id, w.tokens.unitB, verification);
    expect(unfit.status).toBe(409);
    expect(unfit.body.clause).toBe('N-1.4b');
    const tooEarly = await post(elder.id, w.tokens.unitB, {
      ...verification,
      flag: 'severely_disabled_elderly',
      policyYear: 2010,
    });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.clause).toBe('N-1.4b');
  });

  it('bad input and a future date are 422; other units and districts get 404', async () => {
    const future = await post(child.id, w.tokens.unitA, {
      ...verification,
      policyYear: 2012,
      verifiedOn: '2011-03-16',
    });
    expect(future.status).toBe(422);
    expect(future.body.fields.verifiedOn).toBeDefined();
    const bad = await post(child.id, w.tokens.unitA, { actedBy: 'neighbour' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields)).toEqual(
      expect.arrayContaining(['policyYear', 'flag', 'passed', 'actedBy', 'evidence', 'verifiedOn']),
    );
    expect((await post(child.id, w.tokens.unitB, verification)).status).toBe(404);
    expect((await post(child.id, w.tokens.otherDistrict, verification)).status).toBe(404);
  });
});

describe('N-2.5 category change with age and the card’s identity sync', () => {
  let grown: RegisteredResident;
  let cardId: string;
  let changeId: string;
  const change = (token: string, body: object, id = grown.id) =>
    t.http.post(`/api/residents/${id}/category-change`).set(bearer(token)).send(body);

  beforeAll(async () => {
    grown = await registerResident(t, w.tokens.district, {
      currentUnitId: w.unitA.id,
      name: '周成年',
    });
    cardId = await insertCard(t, {
      residentId: grown.id,
      madeForUnitId: w.unitA.id,
      state: 'issued',
    });
  });

  it('refuses before the fee at the new standard is paid, and any change that is not by age', async () => {
    const enrol = await t.http
      .post(`/api/residents/${grown.id}/enrolments`)
      .set(bearer(w.tokens.unitA))
      .send({
        policyYear: 2011,
        category: 'unemployed',
        enrolledOn: '2011-01-10',
        paymentMethod: 'cash',
      });
    expect(enrol.status).toBe(201);
    expect(enrol.body.feeYuan).toBe(600);
    const unpaid = await change(w.tokens.unitA, { to: 'unemployed', policyYear: 2011 });
    expect(unpaid.status).toBe(409);
    expect(unpaid.body.clause).toBe('N-2.5');
    expect(unpaid.body.message).toContain('新类别标准缴费');
    const notByAge = await change(w.tokens.unitA, { to: 'elderly', policyYear: 2011 });
    expect(notByAge.status).toBe(409);
    expect(notByAge.body.clause).toBe('N-2.5');
    const paid = await t.http
      .post(`/api/enrolments/${enrol.body.id}/payments`)
      .set(bearer(w.tokens.unitA))
      .send({ policyYear: 2011, amountYuan: 600, paidOn: '2011-01-10', method: 'cash' });
    expect(paid.status).toBe(201);
  });

  it('bad input is 422, a year without policy data is 422, other units and districts get 404', async () => {
    const bad = await change(w.tokens.unitA, { to: 'adult', changedOn: '2011-13-01' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['changedOn', 'policyYear', 'to']);
    const future = await change(w.tokens.unitA, {
      to: 'unemployed',
      policyYear: 2011,
      changedOn: '2011-03-16',
    });
    expect(future.status).toBe(422);
    const noPolicy = await change(w.tokens.unitA, { to: 'unemployed', policyYear: 2012 });
    expect(noPolicy.status).toBe(422);
    expect(noPolicy.body.fields.policyYear).toContain('2012');
    const body = { to: 'unemployed', policyYear: 2011 };
    expect((await change(w.tokens.unitB, body)).status).toBe(404);
    expect((await change(w.tokens.otherDistrict, body)).status).toBe(404);
  });

  it('records the change, updates the category and sends the issued card to identity sync', async () => {
    const res = await change(w.tokens.unitA, {
      to: 'unemployed',
      policyYear: 2011,
      changedOn: '2011-03-01',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      from: 'student_child',
      to: 'unemployed',
      changedOn: '2011-03-01',
      syncedOn: null,
      card: { id: cardId, state: 'identity_sync' },
    });
    changeId = res.body.id;
    const [card] = await t.sql<{ state: string }>('SELECT state FROM card WHERE id = $1', [cardId]);
    expect(card?.state).toBe('identity_sync');
    const detail = await get(`/api/residents/${grown.id}`, w.tokens.district);
    expect(detail.body.category).toBe('unemployed');
    expect(detail.body.categoryChanges).toEqual([
      expect.objectContaining({ id: changeId, cardId, syncedOn: null }),
    ]);
    const audit = await t.sql<{ entity: string; action: string }>(
      `SELECT entity, action FROM audit_log WHERE entity_id IN ($1, $2, $3) ORDER BY id`,
      [changeId, grown.id, cardId],
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { entity: 'category_change', action: 'create' },
        { entity: 'resident', action: 'change_category' },
        { entity: 'card', action: 'start_identity_sync' },
      ]),
    );
    // While the card is in sync, no further change can start.
    const again = await change(w.tokens.unitA, { to: 'elderly', policyYear: 2011 });
    expect(again.status).toBe(409);
    expect(again.body.clause).toBe('N-2.5');
  });

  it('the district centre finishes the sync: the card is issued again and synced_on is set', async () => {
    const path = `/api/residents/${grown.id}/category-change/${changeId}/synced`;
    expect((await t.http.post(path).set(bearer(w.tokens.unitA)).send({})).status).toBe(403);
    expect((await t.http.post(path).set(bearer(w.tokens.otherDistrict)).send({})).status).toBe(404);
    const wrongResident = `/api/residents/${child.id}/category-change/${changeId}/synced`;
    expect((await t.http.post(wrongResident).set(bearer(w.tokens.district)).send({})).status).toBe(
      404,
    );
    const early = await t.http
      .post(path)
      .set(bearer(w.tokens.district))
      .send({ syncedOn: '2011-02-01' });
    expect(early.status).toBe(422);
    const future = await t.http
      .post(path)
      .set(bearer(w.tokens.district))
      .send({ syncedOn: '2011-04-01' });
    expect(future.status).toBe(422);
    const done = await t.http
      .post(path)
      .set(bearer(w.tokens.district))
      .send({ syncedOn: '2011-03-10' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      syncedOn: '2011-03-10',
      card: { id: cardId, state: 'issued' },
    });
    const [card] = await t.sql<{ state: string }>('SELECT state FROM card WHERE id = $1', [cardId]);
    expect(card?.state).toBe('issued');
    const twice = await t.http.post(path).set(bearer(w.tokens.district)).send({});
    expect(twice.status).toBe(409);
  });
});

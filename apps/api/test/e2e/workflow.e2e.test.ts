import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { residentIdNumber } from '../id-numbers.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * The whole 2010–2011 distribution through the HTTP API, one step after another: enrolment and
 * fee, the vendor's list, dispatch on both sides of 600, pickup, signatures, the return, the
 * reissue — with the parent's lookup checked at each stage.
 */
let t: TestApp;
let w: BasicWorld;
let unitX: string;
let unitY: string;
const CHILD = { name: '王小明', idNumber: residentIdNumber('2004-05-06', 1) };
const UNSIGNED = { name: '赵小刚', idNumber: residentIdNumber('2004-07-08', 2) };

const lookup = async (p: { name: string; idNumber: string }) =>
  (await t.http.post('/api/public/card-status').send(p)).body as {
    found: boolean;
    state: string;
    clause: string;
  };

/** Residents for a unit straight in SQL (arranging), and their made cards through the vendor list. */
async function residentsFor(
  unitId: string,
  count: number,
  from: number,
): Promise<{ name: string; idNumber: string }[]> {
  const people = Array.from({ length: count }, (_, i) => ({
    name: `学生${from + i}`,
    idNumber: residentIdNumber(
      `2003-${String(((from + i) % 12) + 1).padStart(2, '0')}-${String(((from + i) % 28) + 1).padStart(2, '0')}`,
      from + i,
    ),
  }));
  await t.sql(
    `INSERT INTO resident (district_id, id_kind, id_number, name, birth_date, category, current_unit_id)
     SELECT '110105', 'resident', p.id, p.name, to_date(substr(p.id, 7, 8), 'YYYYMMDD'), 'student_child', $3
     FROM unnest($1::text[], $2::text[]) AS p(id, name)`,
    [people.map((p) => p.idNumber), people.map((p) => p.name), unitId],
  );
  return people;
}

function vendorRows(
  people: { name: string; idNumber: string }[],
  unitCode: string,
  offset: number,
) {
  return people.map((p, i) => ({
    holderName: p.name,
    idKind: 'resident',
    idNumber: p.idNumber,
    madeForUnitCode: unitCode,
    state: 'made',
    cardNumber: `BJ${String(offset + i).padStart(9, '0')}`,
  }));
}

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-03-10' });
  w = await seedBasics(t);
  const make = async (name: string, code: string) =>
    (
      await t.http
        .post('/api/units')
        .set(bearer(w.tokens.district))
        .send({ name, kind: 'school', registrationCode: code, districtCode: '110105' })
    ).body.id as string;
  unitX = await make('朝阳区第一中学', '11010500600');
  unitY = await make('朝阳区第二中学', '11010500601');
});
afterAll(() => t?.close());

describe('the whole distribution, end to end over HTTP', () => {
  let batchA: string;
  let childCard: string;
  let unsignedCards: string[] = [];

  it('N-1.1a / N-1.3a / N-1.5 enrol a child at unit A, the fee is 100 元, a temporary certificate until the card', async () => {
    const created = await t.http
      .post('/api/residents')
      .set(bearer(w.tokens.unitA))
      .send({
        ...CHILD,
        idKind: 'resident',
        birthDate: '2004-05-06',
        category: 'student_child',
        currentUnitId: w.unitA.id,
      });
    expect(created.status).toBe(201);
    const enrol = await t.http
      .post(`/api/residents/${created.body.id}/enrolments`)
      .set(bearer(w.tokens.unitA))
      .send({
        policyYear: 2011,
        category: 'student_child',
        enrolledOn: '2010-12-02',
        paymentMethod: 'cash',
      });
    expect(enrol.status).toBe(201);
    expect(enrol.body.feeYuan).toBe(100);
    const pay = await t.http
      .post(`/api/enrolments/${enrol.body.id}/payments`)
      .set(bearer(w.tokens.unitA))
      .send({ policyYear: 2011, amountYuan: 100, paidOn: '2010-12-03', method: 'cash' });
    expect(pay.status).toBe(201);
    expect(await lookup(CHILD)).toMatchObject({ found: true, state: 'no_card', clause: 'N-1.5' });
  });

  it('N-2.6 / N-2.2a / N-2.2b the vendor list, then dispatch: 599 → pickup, 600 and 601 → direct delivery', async () => {
    const a = [CHILD, UNSIGNED, ...(await residentsFor(w.unitA.id, 597, 1000))];
    await t.sql(
      `INSERT INTO resident (district_id, id_kind, id_number, name, birth_date, category, current_unit_id)
       VALUES ('110105', 'resident', $1, $2, '2004-07-08', 'student_child', $3)`,
      [UNSIGNED.idNumber, UNSIGNED.name, w.unitA.id],
    );
    const x = await residentsFor(unitX, 600, 2000);
    const y = await residentsFor(unitY, 601, 3000);
    const rows = [
      ...vendorRows(a, w.unitA.code, 1),
      ...vendorRows(x, '11010500600', 5000),
      ...vendorRows(y, '11010500601', 9000),
    ];
    const list = await t.http
      .post('/api/cards/vendor-list')
      .set(bearer(w.tokens.district))
      .send({ cards: rows });
    expect(list.status).toBe(201);
    expect(await lookup(CHILD)).toMatchObject({ state: 'made' });

    const dispatch = await t.http
      .post('/api/batches/dispatch')
      .set(bearer(w.tokens.district))
      .send({ pickupPlace: '朝阳区社保中心一层发卡大厅', pickupDeadline: '2011-03-20' });
    expect(dispatch.status).toBe(201);
    expect(dispatch.body.cardCount).toBe(1800);
    const batches = await t.http.get('/api/batches?pageSize=10').set(bearer(w.tokens.district));
    const route = (unitId: string) =>
      batches.body.items.find(
        (b: { unitId?: string; unit?: { id: string } }) => (b.unitId ?? b.unit?.id) === unitId,
      );
    expect(route(w.unitA.id)).toMatchObject({ route: 'pickup', cardCount: 599 });
    expect(route(unitX)).toMatchObject({ route: 'direct_delivery', cardCount: 600 });
    expect(route(unitY)).toMatchObject({ route: 'direct_delivery', cardCount: 601 });
    batchA = route(w.unitA.id).id;
    expect(await lookup(CHILD)).toMatchObject({ state: 'awaiting_pickup' });
  });

  it('N-2.2b pickup: a credential of another unit is refused, the unit’s own accepted', async () => {
    const wrong = await t.http
      .post(`/api/batches/${batchA}/pickup`)
      .set(bearer(w.tokens.district))
      .send({
        credentialKind: 'introduction_letter',
        credentialCode: '11010500002',
        collectorName: '李老师',
        pickedUpOn: '2011-01-05',
      });
    expect(wrong.status).toBe(409);
    expect(wrong.body.clause).toBe('N-2.2b');
    const right = await t.http
      .post(`/api/batches/${batchA}/pickup`)
      .set(bearer(w.tokens.district))
      .send({
        credentialKind: 'registration_certificate',
        credentialCode: '110105-00001',
        collectorName: '李老师',
        pickedUpOn: '2011-01-05',
      });
    expect(right.status).toBe(201);
    expect(await lookup(CHILD)).toMatchObject({ state: 'at_unit' });
  });

  it('N-2.2a direct delivery needs a named receiver first', async () => {
    const batches = await t.http.get(`/api/batches?unitId=${unitX}`).set(bearer(w.tokens.district));
    const id = batches.body.items[0].id as string;
    const early = await t.http
      .post(`/api/batches/${id}/delivery`)
      .set(bearer(w.tokens.district))
      .send({ destination: 'unit', deliveredOn: '2011-01-04' });
    expect(early.status).toBe(409);
    expect(early.body.clause).toBe('N-2.2a');
    expect(
      (
        await t.http
          .put(`/api/batches/${id}/receiver`)
          .set(bearer(w.tokens.district))
          .send({ name: '张主任', phone: '13900000000' })
      ).status,
    ).toBe(200);
    const ok = await t.http
      .post(`/api/batches/${id}/delivery`)
      .set(bearer(w.tokens.district))
      .send({ destination: 'unit', deliveredOn: '2011-01-04' });
    expect(ok.status).toBe(201);
  });

  it('N-2.3 signatures: the holder, then a proxy by the designated person; anyone else is refused', async () => {
    const receipt = await t.http.get(`/api/batches/${batchA}/receipt`).set(bearer(w.tokens.unitA));
    expect(receipt.status).toBe(200);
    const lines = receipt.body.lines as { cardId: string; holderName: string }[];
    childCard = lines.find((l) => l.holderName === CHILD.name)?.cardId ?? '';
    const self = await t.http
      .post(`/api/cards/${childCard}/signature`)
      .set(bearer(w.tokens.unitA))
      .send({ signer: 'self', signerName: '王小明', signedOn: '2011-01-10' });
    expect(self.status).toBe(201);
    expect(await lookup(CHILD)).toMatchObject({ state: 'issued' });
    const others = lines.filter(
      (l) => l.holderName !== CHILD.name && l.holderName !== UNSIGNED.name,
    );
    const wrongProxy = await t.http
      .post(`/api/cards/${others[0]?.cardId}/signature`)
      .set(bearer(w.tokens.unitA))
      .send({ signer: 'proxy', signerName: '路人甲', signedOn: '2011-01-10' });
    expect(wrongProxy.status).toBe(409);
    expect(wrongProxy.body.clause).toBe('N-2.3');
    const bulk = await t.http
      .post(`/api/batches/${batchA}/signatures`)
      .set(bearer(w.tokens.unitA))
      .send({
        signedOn: '2011-01-12',
        signatures: others
          .slice(0, 500)
          .map((l) => ({ cardId: l.cardId, signer: 'proxy', signerName: '李老师' })),
      });
    expect(bulk.status).toBe(201);
    unsignedCards = [
      ...others.slice(500).map((l) => l.cardId),
      lines.find((l) => l.holderName === UNSIGNED.name)?.cardId ?? '',
    ];
    expect(unsignedCards).toHaveLength(98);
  });

  it('N-2.4c the return is refused on 2011-01-20 and accepted from 2011-01-21, reconciled', async () => {
    const body = { firstCopyReturned: true, cardIds: unsignedCards };
    const early = await t.http
      .post(`/api/batches/${batchA}/return`)
      .set(bearer(w.tokens.unitA))
      .send({ ...body, returnedOn: '2011-01-20' });
    expect(early.status).toBe(409);
    expect(early.body.clause).toBe('N-2.4c');
    const ok = await t.http
      .post(`/api/batches/${batchA}/return`)
      .set(bearer(w.tokens.unitA))
      .send({ ...body, returnedOn: '2011-01-21' });
    expect(ok.status).toBe(201);
    const rec = await t.http
      .get(`/api/batches/${batchA}/reconciliation`)
      .set(bearer(w.tokens.unitA));
    expect(rec.body).toMatchObject({ received: 599, signed: 501, returned: 98, balanced: true });
    expect(await lookup(UNSIGNED)).toMatchObject({ state: 'in_reissue_pool', clause: 'N-2.4d' });
  });

  it('N-2.4d the reissue is refused on 2011-03-01 and done from 2011-03-02 with the documents', async () => {
    const body = {
      holderName: UNSIGNED.name,
      idKind: 'resident',
      idNumber: UNSIGNED.idNumber,
      applicantName: '赵大刚',
      holderDocument: 'household_register',
      applicantDocument: 'resident_id_card',
      servicePointId: w.servicePointId,
    };
    const early = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.district))
      .send({ ...body, appliedOn: '2011-03-01' });
    expect(early.status).toBe(409);
    expect(early.body.clause).toBe('N-2.4d');
    const ok = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.district))
      .send({ ...body, appliedOn: '2011-03-02' });
    expect(ok.status).toBe(201);
    expect(await lookup(UNSIGNED)).toMatchObject({ state: 'reissued' });
  });

  it('every step is in the audit log, readable by district staff', async () => {
    for (const action of ['dispatch', 'pickup', 'deliver', 'sign', 'return', 'reissue']) {
      const log = await t.http
        .get(`/api/audit-log?action=${action}`)
        .set(bearer(w.tokens.district));
      expect(log.body.total, action).toBeGreaterThan(0);
    }
  });
});

import type { Category } from '@sscard/rules';
import { insertMadeCards, insertUnit } from './card-fixtures.js';
import { bearer, type BasicWorld, seedBasics } from './fixtures.js';
import { registerResident, WITH_COMMUNITY } from './residents-fixtures.js';
import type { TestApp } from './test-app.js';

/**
 * The world of the list-export tests, built through the API on 2011-03-10 (SSCARD_TODAY):
 * unit A's batch A1 (8 cards: 2 signed by the holders, 1 by the designated person, 5 returned
 * into the pool) and A2 (3 cards: 1 signed, 2 still at the unit after the 2011-01-15 deadline);
 * unit B's batch B1 (4 cards) past its pickup deadline; the other district's batch C1 (2 cards
 * returned into its own pool); N-1.6 residents with and without a community institution.
 */

export const LISTS_TODAY = '2011-03-10';

type BatchRef = { id: string; number: string };
type Choice = { code: string; kind: string };

export interface ListsWorld {
  w: BasicWorld;
  batch: Record<'A1' | 'A2' | 'B1' | 'C1', BatchRef>;
  /** Every full ID number in the database, to prove that none reaches a file. */
  fullIds: string[];
}

export async function getJson(t: TestApp, url: string, token: string) {
  const res = await t.http.get(url).set(bearer(token));
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return res.body;
}

export async function buildListsWorld(t: TestApp): Promise<ListsWorld> {
  const w = await seedBasics(t);
  const send = async (method: 'post' | 'put', url: string, token: string, body: object) => {
    const res = await t.http[method](url).set(bearer(token)).send(body);
    if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  /** Dispatches the district's made cards; the new batches by unit. */
  const dispatch = async (token: string): Promise<Map<string, BatchRef>> => {
    const before = new Set((await t.sql<{ id: string }>('SELECT id FROM batch')).map((b) => b.id));
    await send('post', '/api/batches/dispatch', token, {
      pickupPlace: '区社保中心一层大厅',
      pickupDeadline: '2011-03-20',
    });
    const rows = await t.sql<{ id: string; number: string; unit_id: string }>(
      'SELECT id, number, unit_id FROM batch',
    );
    return new Map(rows.filter((b) => !before.has(b.id)).map((b) => [b.unit_id, b]));
  };
  const only = (batches: Map<string, BatchRef>, unitId: string): BatchRef => {
    const b = batches.get(unitId);
    if (!b) throw new Error('batch missing');
    return { id: b.id, number: b.number };
  };
  const pickup = (b: BatchRef, code: string, token = w.tokens.district) =>
    send('post', `/api/batches/${b.id}/pickup`, token, {
      credentialKind: 'introduction_letter',
      credentialCode: code,
      collectorName: '领取人',
    });
  const cardIds = async (b: BatchRef): Promise<string[]> => {
    const body = await getJson(t, `/api/batches/${b.id}/receipt`, w.tokens.admin);
    return (body.lines as { cardId: string }[]).map((l) => l.cardId);
  };

  const unitC = await insertUnit(t, {
    districtId: '110108',
    name: '海淀某校',
    code: '11010800001',
  });
  await insertMadeCards(t, { districtId: '110105', unitId: w.unitA.id, count: 8 });
  await insertMadeCards(t, { districtId: '110105', unitId: w.unitB.id, count: 4 });
  await insertMadeCards(t, { districtId: '110108', unitId: unitC.id, count: 2 });
  const first = await dispatch(w.tokens.district);
  const A1 = only(first, w.unitA.id);
  const B1 = only(first, w.unitB.id);
  const C1 = only(await dispatch(w.tokens.otherDistrict), unitC.id);

  await pickup(A1, w.unitA.code);
  const a1 = await cardIds(A1);
  await send('post', `/api/batches/${A1.id}/signatures`, w.tokens.unitA, {
    signatures: [
      { cardId: a1[0], signer: 'self', signerName: '家长甲' },
      { cardId: a1[1], signer: 'self', signerName: '家长乙' },
      { cardId: a1[2], signer: 'proxy', signerName: '李老师' },
    ],
  });
  await send('post', `/api/batches/${A1.id}/return`, w.tokens.unitA, {
    firstCopyReturned: true,
    cardIds: a1.slice(3),
  });

  await insertMadeCards(t, { districtId: '110105', unitId: w.unitA.id, count: 3 });
  const A2 = only(await dispatch(w.tokens.district), w.unitA.id);
  await pickup(A2, w.unitA.code);
  const [a2] = await cardIds(A2);
  await send('post', `/api/batches/${A2.id}/signatures`, w.tokens.unitA, {
    signatures: [{ cardId: a2, signer: 'self', signerName: '家长丙' }],
  });

  await pickup(C1, unitC.code, w.tokens.otherDistrict);
  await send('post', `/api/batches/${C1.id}/return`, w.tokens.otherDistrict, {
    firstCopyReturned: true,
    cardIds: await cardIds(C1),
  });
  // B1 missed its pickup deadline: arranged in SQL, since a dispatch refuses past deadlines.
  await t.sql(`UPDATE batch SET pickup_deadline = '2011-03-01' WHERE id = $1`, [B1.id]);

  // N-1.6: two residents of unit A without a community institution, one with; one elsewhere.
  const residents: { category: Category; name: string; designatedInstitutions?: Choice[] }[] = [
    { category: 'elderly', name: '孙老人' },
    { category: 'unemployed', name: '周无业' },
    { category: 'elderly', name: '钱老人', designatedInstitutions: WITH_COMMUNITY },
  ];
  for (const r of residents) {
    await registerResident(t, w.tokens.district, { currentUnitId: w.unitA.id, ...r });
  }
  await registerResident(t, w.tokens.otherDistrict, {
    currentUnitId: unitC.id,
    category: 'elderly',
    name: '吴老人',
  });
  const fullIds = (await t.sql<{ id_number: string }>('SELECT id_number FROM resident')).map(
    (r) => r.id_number,
  );
  return { w, batch: { A1, A2, B1, C1 }, fullIds };
}

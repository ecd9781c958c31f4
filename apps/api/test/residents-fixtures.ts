import type { Category, CardState } from '@sscard/rules';
import { bearer } from './fixtures.js';
import { residentIdNumber } from './id-numbers.js';
import type { TestApp } from './test-app.js';

let sequence = 0;

/** Birth dates that fit each category (the ID number encodes the date). */
const BIRTH: Record<Category, string> = {
  elderly: '1940-05-06',
  student_child: '2004-09-10',
  unemployed: '1975-03-04',
  unemployed_disabled: '1970-07-08',
};

export interface RegisteredResident {
  id: string;
  idNumber: string;
  name: string;
}

/** Registers a resident through the API and returns its id and full ID number. */
export async function registerResident(
  t: TestApp,
  token: string,
  input: {
    currentUnitId: string;
    category?: Category;
    name?: string;
    subsidyFlags?: string[];
    designatedInstitutions?: { code: string; kind: string }[];
  },
): Promise<RegisteredResident> {
  const category = input.category ?? 'student_child';
  const birthDate = BIRTH[category];
  sequence += 1;
  const idNumber = residentIdNumber(birthDate, sequence);
  const name = input.name ?? `居民${sequence}`;
  const res = await t.http
    .post('/api/residents')
    .set(bearer(token))
    .send({
      name,
      idKind: 'resident',
      idNumber,
      birthDate,
      category,
      subsidyFlags: input.subsidyFlags ?? [],
      designatedInstitutions: input.designatedInstitutions ?? [],
      currentUnitId: input.currentUnitId,
    });
  if (res.status !== 201)
    throw new Error(`register resident: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: (res.body as { id: string }).id, idNumber, name };
}

/** A card arranged in SQL (cards are made by the vendor import, not by these modules). */
export async function insertCard(
  t: TestApp,
  card: { residentId: string; madeForUnitId: string; state: CardState; districtId?: string },
): Promise<string> {
  sequence += 1;
  const [row] = await t.sql<{ id: string }>(
    `INSERT INTO card (district_id, resident_id, made_for_unit_id, card_number, state)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      card.districtId ?? '110105',
      card.residentId,
      card.madeForUnitId,
      `C${String(sequence).padStart(9, '0')}`,
      card.state,
    ],
  );
  if (!row) throw new Error('card insert failed');
  return row.id;
}

/** Three personal institutions, one of them a community health-service centre (S-3.1, N-1.6). */
export const WITH_COMMUNITY = [
  { code: 'SQ001', kind: 'community_health' },
  { code: 'ZH002', kind: 'general' },
  { code: 'ZH003', kind: 'general' },
  { code: 'ZY004', kind: 'tcm' },
];
export const WITHOUT_COMMUNITY = [
  { code: 'ZH001', kind: 'general' },
  { code: 'ZH002', kind: 'general' },
  { code: 'ZH003', kind: 'general' },
];

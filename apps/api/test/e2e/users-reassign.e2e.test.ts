import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';
import { type AccountsWorld, seedAccounts } from '../users-fixtures.js';

/** A manager moves an account: another unit, district or role (PUT /api/users/:id/assignment). */
let t: TestApp;
let a: AccountsWorld;

beforeAll(async () => {
  t = await createTestApp();
  a = await seedAccounts(t);
});
afterAll(() => t?.close());

const reassign = (id: string | undefined, token: string | undefined, body: object) =>
  t.http
    .put(`/api/users/${id}/assignment`)
    .set(bearer(token ?? ''))
    .send(body);

const assignment = async (username: string) =>
  (
    await t.sql<{ role: string; district_id: string | null; unit_id: string | null }>(
      'SELECT role, district_id, unit_id FROM app_user WHERE username = $1',
      [username],
    )
  )[0];

describe('moving an account', () => {
  it('district staff move a unit account to another unit of theirs: its sessions end, the move is audited', async () => {
    const session = (await a.login('unit-b')).body.token as string;
    const res = await reassign(a.ids['unit-b'], a.w.tokens.district, {
      role: 'unit_staff',
      unitId: a.w.unitA.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.account).toMatchObject({
      username: 'unit-b',
      role: 'unit_staff',
      districtId: '110105',
      unit: { id: a.w.unitA.id, name: '朝阳区实验小学', kind: 'school' },
      activeSessions: 0,
    });
    expect(res.body.endedSessions).toBeGreaterThanOrEqual(1);
    expect((await a.call('get', '/api/auth/me', session)).status).toBe(401);
    const audit = await t.sql<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE action = 'reassign' AND entity_id = $1`,
      [a.ids['unit-b']],
    );
    expect(audit).toEqual([
      {
        before: { role: 'unit_staff', districtId: '110105', unitId: a.w.unitB.id },
        after: {
          role: 'unit_staff',
          districtId: '110105',
          unitId: a.w.unitA.id,
          endedSessions: res.body.endedSessions,
        },
      },
    ]);
    // The same assignment again changes nothing, ends nothing and records nothing.
    const again = await reassign(a.ids['unit-b'], a.w.tokens.district, {
      role: 'unit_staff',
      unitId: a.w.unitA.id.toUpperCase(),
    });
    expect(again.status).toBe(200);
    expect(again.body.endedSessions).toBe(0);
    const [count] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'reassign'`,
    );
    expect(count?.n).toBe(1);
  });

  it('the admin gives an account another role, in a unit that suits it', async () => {
    const res = await reassign(a.ids['hd-school'], a.w.tokens.admin, {
      role: 'university_staff',
      unitId: a.hd.otherUniversity,
    });
    expect(res.status).toBe(200);
    expect(res.body.account).toMatchObject({
      role: 'university_staff',
      districtId: '110108',
      unit: { id: a.hd.otherUniversity, kind: 'university' },
    });
    const toDistrict = await reassign(a.ids['hd-school'], a.w.tokens.admin, {
      role: 'district_staff',
      districtId: '110108',
    });
    expect(toDistrict.status).toBe(200);
    expect(await assignment('hd-school')).toEqual({
      role: 'district_staff',
      district_id: '110108',
      unit_id: null,
    });
  });

  it('a unit outside the caller’s district reads as missing, and the account stays where it was', async () => {
    const res = await reassign(a.ids['unit-a'], a.w.tokens.district, {
      role: 'unit_staff',
      unitId: a.hd.school,
    });
    expect(res.status).toBe(422);
    expect(res.body.fields).toEqual({ unitId: '所属单位不存在 / Unit not found' });
    expect((await assignment('unit-a'))?.unit_id).toBe(a.w.unitA.id);
  });

  it('a role the caller may not give, a unit that does not suit the role, a missing scope: field errors', async () => {
    const role = await reassign(a.ids['unit-a'], a.w.tokens.district, {
      role: 'district_staff',
      districtId: '110105',
    });
    expect(role.status).toBe(422);
    expect(role.body.fields).toEqual({
      role: '您不能将账号调整为该角色 / You cannot give accounts this role',
    });
    const kind = await reassign(a.ids['unit-a'], a.w.tokens.district, {
      role: 'college_staff',
      unitId: a.w.unitB.id,
    });
    expect(kind.status).toBe(422);
    expect(kind.body.fields).toEqual({
      unitId: '学院账号须属于高校下设的学院 / College staff must belong to a college',
    });
    const scope = await reassign(a.ids['unit-a'], a.w.tokens.district, { role: 'unit_staff' });
    expect(scope.status).toBe(422);
    expect(scope.body.fields).toEqual({
      unitId: '请选择账号所属单位 / Choose the unit of the account',
    });
    expect(await assignment('unit-a')).toEqual({
      role: 'unit_staff',
      district_id: '110105',
      unit_id: a.w.unitA.id,
    });
  });

  it('one’s own account is refused; someone else’s is a 404; unit staff get 403', async () => {
    const self = await reassign(a.ids.admin, a.w.tokens.admin, {
      role: 'district_staff',
      districtId: '110105',
    });
    expect(self.status).toBe(409);
    expect(self.body.message).toBe(
      '不能调整自己账号的角色或所属单位 / You cannot change the role or unit of your own account',
    );
    expect((await assignment('admin'))?.role).toBe('system_admin');
    const other = await reassign(a.ids['unit-a'], a.w.tokens.otherDistrict, {
      role: 'unit_staff',
      unitId: a.hd.school,
    });
    expect(other.status).toBe(404);
    expect(other.body.message).toBe('账号不存在 / Account not found');
    const unit = await reassign(a.ids['unit-b'], a.w.tokens.unitA, {
      role: 'unit_staff',
      unitId: a.w.unitA.id,
    });
    expect(unit.status).toBe(403);
  });

  it('university staff move college staff between their own colleges only', async () => {
    const res = await reassign(a.ids['college-1a'], a.tokens.university, {
      role: 'college_staff',
      unitId: a.hd.collegeB,
    });
    expect(res.status).toBe(200);
    expect(res.body.account.unit.id).toBe(a.hd.collegeB);
    const away = await reassign(a.ids['college-1a'], a.tokens.university, {
      role: 'college_staff',
      unitId: a.hd.otherCollege,
    });
    expect(away.status).toBe(422);
    expect((await assignment('college-1a'))?.unit_id).toBe(a.hd.collegeB);
  });
});

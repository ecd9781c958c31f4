import { passwordHasher } from '../src/modules/auth/password-hasher.js';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'Sscard-2010!';

export interface BasicWorld {
  districtId: string;
  otherDistrictId: string;
  servicePointId: string;
  unitA: { id: string; code: string };
  unitB: { id: string; code: string };
  tokens: { admin: string; district: string; otherDistrict: string; unitA: string; unitB: string };
}

/**
 * Two districts, a service point, two schools and one account per role — arranged in SQL,
 * then signed in through the real login endpoint.
 */
export async function seedBasics(t: TestApp): Promise<BasicWorld> {
  const hash = await passwordHasher.hash(PASSWORD);
  await t.sql(`INSERT INTO district (id, name_zh, name_en, centre_name) VALUES
    ('110105', '朝阳区', 'Chaoyang', '朝阳区社会保险基金管理中心'),
    ('110108', '海淀区', 'Haidian', '海淀区社会保险基金管理中心')`);
  const [sp] = await t.sql<{ id: string }>(
    `INSERT INTO service_point (district_id, name, address, street_office)
     VALUES ('110105', '八里庄街道社保卡服务网点', '八里庄路1号', '八里庄街道') RETURNING id`,
  );
  const [a] = await t.sql<{ id: string }>(
    `INSERT INTO unit (district_id, name, kind, registration_code, designated_person_name, designated_person_phone)
     VALUES ('110105', '朝阳区实验小学', 'school', '11010500001', '李老师', '13800000001') RETURNING id`,
  );
  const [b] = await t.sql<{ id: string }>(
    `INSERT INTO unit (district_id, name, kind, registration_code) VALUES ('110105', '朝阳区第二幼儿园', 'kindergarten_childcare', '11010500002') RETURNING id`,
  );
  if (!sp || !a || !b) throw new Error('fixture insert failed');
  await t.sql(
    `INSERT INTO app_user (username, display_name, password_hash, role, district_id, unit_id) VALUES
      ('admin', '系统管理员', $1, 'system_admin', NULL, NULL),
      ('cy-staff', '朝阳区社保中心', $1, 'district_staff', '110105', NULL),
      ('hd-staff', '海淀区社保中心', $1, 'district_staff', '110108', NULL),
      ('unit-a', '实验小学', $1, 'unit_staff', '110105', $2),
      ('unit-b', '第二幼儿园', $1, 'unit_staff', '110105', $3)`,
    [hash, a.id, b.id],
  );
  const login = async (username: string): Promise<string> => {
    const res = await t.http.post('/api/auth/login').send({ username, password: PASSWORD });
    if (res.status !== 200)
      throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { token: string }).token;
  };
  return {
    districtId: '110105',
    otherDistrictId: '110108',
    servicePointId: sp.id,
    unitA: { id: a.id, code: '11010500001' },
    unitB: { id: b.id, code: '11010500002' },
    tokens: {
      admin: await login('admin'),
      district: await login('cy-staff'),
      otherDistrict: await login('hd-staff'),
      unitA: await login('unit-a'),
      unitB: await login('unit-b'),
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

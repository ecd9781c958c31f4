import type { Response } from 'supertest';
import { passwordHasher } from '../src/modules/auth/password-hasher.js';
import { bearer, type BasicWorld, PASSWORD, seedBasics } from './fixtures.js';
import type { TestApp } from './test-app.js';

/**
 * The basic world (admin, two district centres, two Chaoyang schools) plus Haidian's two
 * universities with their colleges and a school, one account on each, and a recorder of every
 * response body (none may carry a password hash).
 */
export interface AccountsWorld {
  w: BasicWorld;
  hd: {
    university: string;
    otherUniversity: string;
    collegeA: string;
    collegeB: string;
    otherCollege: string;
    school: string;
  };
  /** Account ids by username. */
  ids: Record<string, string>;
  /** Tokens of `university` and `college-1a`, and of accounts a test signs in. */
  tokens: Record<string, string>;
  bodies: unknown[];
  call(method: 'get' | 'post', path: string, token?: string, body?: object): Promise<Response>;
  login(username: string, password?: string): Promise<Response>;
}

export async function seedAccounts(t: TestApp): Promise<AccountsWorld> {
  const bodies: unknown[] = [];
  const call: AccountsWorld['call'] = async (method, path, token, body) => {
    let req = t.http[method](path);
    if (token) req = req.set(bearer(token));
    const res = await (body === undefined ? req : req.send(body));
    bodies.push(res.body);
    return res;
  };
  const login: AccountsWorld['login'] = (username, password = PASSWORD) =>
    call('post', '/api/auth/login', undefined, { username, password });
  const insertUnit = async (name: string, kind: string, code: string, parent: string | null) => {
    const [row] = await t.sql<{ id: string }>(
      `INSERT INTO unit (district_id, parent_unit_id, name, kind, registration_code)
       VALUES ('110108', $1, $2, $3, $4) RETURNING id`,
      [parent, name, kind, code],
    );
    if (!row) throw new Error('unit insert failed');
    return row.id;
  };
  const w = await seedBasics(t);
  const university = await insertUnit('北京示范大学', 'university', '11010830000', null);
  const otherUniversity = await insertUnit('北京另一大学', 'university', '11010840000', null);
  const hd = {
    university,
    otherUniversity,
    collegeA: await insertUnit('计算机学院', 'college', '11010830001', university),
    collegeB: await insertUnit('外国语学院', 'college', '11010830002', university),
    otherCollege: await insertUnit('另一大学法学院', 'college', '11010840001', otherUniversity),
    school: await insertUnit('海淀区中关村第一小学', 'school', '11010820001', null),
  };
  const hash = await passwordHasher.hash(PASSWORD);
  await t.sql(
    `INSERT INTO app_user (username, display_name, password_hash, role, district_id, unit_id) VALUES
      ('university', '示范大学医保办', $1, 'university_staff', '110108', $2),
      ('college-1a', '计算机学院', $1, 'college_staff', '110108', $3),
      ('other-college', '另一大学法学院', $1, 'college_staff', '110108', $4),
      ('hd-school', '中关村第一小学', $1, 'unit_staff', '110108', $5)`,
    [hash, hd.university, hd.collegeA, hd.otherCollege, hd.school],
  );
  const ids: Record<string, string> = {};
  for (const row of await t.sql<{ id: string; username: string }>(
    'SELECT id, username FROM app_user',
  ))
    ids[row.username] = row.id;
  const tokens: Record<string, string> = {};
  for (const username of ['university', 'college-1a'])
    tokens[username] = (await login(username)).body.token;
  return { w, hd, ids, tokens, bodies, call, login };
}

export const usernames = (res: Response) =>
  (res.body.items as { username: string }[]).map((u) => u.username);

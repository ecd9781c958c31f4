import { Injectable } from '@nestjs/common';
import type { Actor, Role } from '../../common/auth/actor.js';
import { likePattern } from '../../common/validation/paging.js';
import { DatabaseContext } from '../../database/database-context.js';
import { passwordHasher } from '../auth/password-hasher.js';
import { accountScopeSql, unitOptionScopeSql } from './account-scope.js';
import type { UnitOptionView, UserListQuery } from './users.dto.js';

/** An account row: everything but the password hash, which never leaves this repository. */
export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  districtId: string | null;
  unitId: string | null;
  unitName: string | null;
  unitKind: string | null;
  unitParentId: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: Date | string;
  activeSessions: number;
}

export interface UnitRef {
  id: string;
  districtId: string;
  kind: string;
  parentUnitId: string | null;
}

const SORT: Record<UserListQuery['sort'], string> = {
  username: 'a.username',
  displayName: 'a.display_name',
  role: 'a.role',
  createdAt: 'a.created_at',
};

const FROM = 'FROM app_user a LEFT JOIN unit un ON un.id = a.unit_id';
const SELECT = `SELECT a.id, a.username, a.display_name AS "displayName", a.role,
  a.district_id AS "districtId", a.unit_id AS "unitId", un.name AS "unitName", un.kind AS "unitKind",
  un.parent_unit_id AS "unitParentId", a.disabled,
  a.must_change_password AS "mustChangePassword", a.created_at AS "createdAt",
  (SELECT count(*)::int FROM user_session s WHERE s.user_id = a.id AND s.expires_at > now()) AS "activeSessions"
  ${FROM}`;

/** An account's role and where it belongs. */
export interface Assignment {
  role: Role;
  districtId: string | null;
  unitId: string | null;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly db: DatabaseContext) {}

  async list(manager: Actor, q: UserListQuery): Promise<{ rows: AccountRow[]; total: number }> {
    const params: unknown[] = [];
    const where = [accountScopeSql(manager, params)];
    if (q.role) where.push(`a.role = $${params.push(q.role)}`);
    if (q.unitId) where.push(`a.unit_id = $${params.push(q.unitId)}`);
    if (q.disabled !== undefined) where.push(`a.disabled = $${params.push(q.disabled)}`);
    if (q.search)
      where.push(
        `(a.username ILIKE $${params.push(likePattern(q.search))} OR a.display_name ILIKE $${params.length})`,
      );
    const clause = `WHERE ${where.join(' AND ')}`;
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total ${FROM} ${clause}`,
      params,
    );
    const rows = await this.db.query<AccountRow>(
      `${SELECT} ${clause} ORDER BY ${SORT[q.sort]} ${q.order === 'desc' ? 'DESC' : 'ASC'}, a.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { rows, total: count?.total ?? 0 };
  }

  /** An account the manager may manage (someone else's reads as missing). */
  async find(manager: Actor, id: string): Promise<AccountRow | undefined> {
    const params: unknown[] = [id];
    const scope = accountScopeSql(manager, params);
    const [row] = await this.db.query<AccountRow>(`${SELECT} WHERE a.id = $1 AND ${scope}`, params);
    return row;
  }

  async unit(id: string): Promise<UnitRef | undefined> {
    const [row] = await this.db.query<UnitRef>(
      `SELECT id, district_id AS "districtId", kind, parent_unit_id AS "parentUnitId" FROM unit WHERE id = $1`,
      [id],
    );
    return row;
  }

  async districtExists(id: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM district WHERE id = $1', [id]);
    return rows.length > 0;
  }

  unitOptions(manager: Actor, role: Role, search: string | undefined): Promise<UnitOptionView[]> {
    const params: unknown[] = [];
    const where = [unitOptionScopeSql(manager, role, params)];
    if (search)
      where.push(
        `(u.name ILIKE $${params.push(likePattern(search))} OR u.registration_code ILIKE $${params.length})`,
      );
    return this.db.query<UnitOptionView>(
      `SELECT u.id, u.name, u.kind, u.registration_code AS "registrationCode", u.district_id AS "districtId",
              p.name AS "parentName"
       FROM unit u LEFT JOIN unit p ON p.id = u.parent_unit_id
       WHERE ${where.join(' AND ')} ORDER BY u.name, u.id LIMIT 50`,
      params,
    );
  }

  /** Hashes the password here; undefined when the username is taken (also by a concurrent insert). */
  async insert(account: {
    username: string;
    displayName: string;
    role: Role;
    districtId: string | null;
    unitId: string | null;
    password: string;
  }): Promise<string | undefined> {
    const hash = await passwordHasher.hash(account.password);
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO app_user (username, display_name, password_hash, role, district_id, unit_id, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6, true)
       ON CONFLICT ON CONSTRAINT uq_app_user_username DO NOTHING RETURNING id`,
      [
        account.username,
        account.displayName,
        hash,
        account.role,
        account.districtId,
        account.unitId,
      ],
    );
    return row?.id;
  }

  /** Guarded on the name read before: a concurrent rename makes this one find nothing. */
  async setDisplayName(id: string, from: string, to: string): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE app_user SET display_name = $3 WHERE id = $1 AND display_name = $2 RETURNING id',
      [id, from, to],
    );
    return rows.length > 0;
  }

  /** Guarded on the assignment read before: a concurrent move finds nothing to change. */
  async setAssignment(id: string, from: Assignment, to: Assignment): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE app_user SET role = $5, district_id = $6, unit_id = $7
       WHERE id = $1 AND role = $2 AND district_id IS NOT DISTINCT FROM $3
         AND unit_id IS NOT DISTINCT FROM $4::uuid
       RETURNING id`,
      [id, from.role, from.districtId, from.unitId, to.role, to.districtId, to.unitId],
    );
    return rows.length > 0;
  }

  /** Guarded: true only when the flag actually changed (a concurrent change finds nothing). */
  async setDisabled(id: string, disabled: boolean): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE app_user SET disabled = $2 WHERE id = $1 AND disabled = NOT $2 RETURNING id',
      [id, disabled],
    );
    return rows.length > 0;
  }

  /** The enabled system admins, their rows locked (in id order) until the transaction ends. */
  async lockEnabledAdmins(): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM app_user WHERE role = 'system_admin' AND NOT disabled ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  /** Ends the user's sessions (all, or all but the one whose token hash is kept); the count. */
  async endSessions(userId: string, keepTokenHash?: string): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM user_session WHERE user_id = $1 AND ($2::text IS NULL OR token_hash <> $2)
       RETURNING token_hash`,
      [userId, keepTokenHash ?? null],
    );
    return rows.length;
  }

  /**
   * `generated`: someone else chose it (a reset), so its owner must change it before anything
   * else; the owner's own change clears that.
   */
  async setPassword(id: string, password: string, generated: boolean): Promise<void> {
    const hash = await passwordHasher.hash(password);
    await this.db.query(
      'UPDATE app_user SET password_hash = $2, must_change_password = $3 WHERE id = $1',
      [id, hash, generated],
    );
  }

  async passwordMatches(id: string, password: string): Promise<boolean> {
    const [row] = await this.db.query<{ hash: string }>(
      'SELECT password_hash AS hash FROM app_user WHERE id = $1',
      [id],
    );
    return row ? passwordHasher.verify(row.hash, password) : false;
  }
}

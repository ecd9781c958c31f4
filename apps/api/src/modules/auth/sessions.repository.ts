import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';

export interface UserCredentials extends Actor {
  passwordHash: string;
  disabled: boolean;
}

const ACTOR_COLUMNS = `u.id AS "userId", u.username, u.display_name AS "displayName", u.role,
  u.district_id AS "districtId", u.unit_id AS "unitId",
  u.must_change_password AS "mustChangePassword"`;

@Injectable()
export class SessionsRepository {
  constructor(private readonly db: DatabaseContext) {}

  async findCredentials(username: string): Promise<UserCredentials | undefined> {
    const [row] = await this.db.query<UserCredentials>(
      `SELECT ${ACTOR_COLUMNS}, u.password_hash AS "passwordHash", u.disabled FROM app_user u WHERE u.username = $1`,
      [username],
    );
    return row;
  }

  async create(tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
    await this.db.query(
      'INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, $3)',
      [tokenHash, userId, expiresAt],
    );
  }

  async findActor(tokenHash: string): Promise<Actor | undefined> {
    const [row] = await this.db.query<Actor>(
      `SELECT ${ACTOR_COLUMNS} FROM user_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
      [tokenHash],
    );
    return row;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
  }
}

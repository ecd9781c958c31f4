import { Injectable } from '@nestjs/common';
import { bi, type ChangePassword, passwordPolicyIssue } from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import type { Actor } from '../../common/auth/actor.js';
import { ValidationFailed } from '../../common/errors/api-errors.js';
import { RateLimiter } from '../../common/rate-limit/rate-limiter.js';
import { DatabaseContext } from '../../database/database-context.js';
import { SessionsService } from '../auth/sessions.service.js';
import { UsersRepository } from './users.repository.js';

/** Everyone changes their own password with the current one; other sessions end. */
@Injectable()
export class OwnPasswordService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly limiter: RateLimiter,
    private readonly db: DatabaseContext,
  ) {}

  async change(actor: Actor, token: string, ip: string, body: ChangePassword): Promise<void> {
    // Like sign-in: per address and per account, so a stolen session cannot guess the password.
    this.limiter.hit(`password:ip:${ip}`, 30, 60);
    this.limiter.hit(`password:user:${actor.userId}`, 10, 60);
    const issue = passwordPolicyIssue(body.newPassword, actor.username);
    if (issue) throw new ValidationFailed({ newPassword: issue });
    if (!(await this.users.passwordMatches(actor.userId, body.currentPassword))) {
      // 422, not 401: a 401 would end the caller's own session in the admin.
      throw new ValidationFailed({
        currentPassword: bi('当前密码不正确', 'The current password is wrong'),
      });
    }
    await this.db.transaction(async () => {
      await this.users.setPassword(actor.userId, body.newPassword, false);
      const endedSessions = await this.users.endSessions(actor.userId, SessionsService.hash(token));
      await this.audit.append(actor, [
        {
          districtId: actor.districtId,
          entity: 'app_user',
          entityId: actor.userId,
          action: 'change_password',
          after: { endedSessions },
        },
      ]);
    });
  }
}

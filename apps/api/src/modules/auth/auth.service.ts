import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { RateLimiter } from '../../common/rate-limit/rate-limiter.js';
import { DUMMY_HASH_PROMISE, passwordHasher } from './password-hasher.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: Actor;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly repo: SessionsRepository,
    private readonly sessions: SessionsService,
    private readonly limiter: RateLimiter,
  ) {}

  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    // Per address and per account, so neither guessing one password nor spraying many accounts works.
    this.limiter.hit(`login:ip:${ip}`, 30, 60);
    this.limiter.hit(`login:user:${username.toLowerCase()}`, 10, 60);
    const user = await this.repo.findCredentials(username);
    const ok = await passwordHasher.verify(
      user?.passwordHash ?? (await DUMMY_HASH_PROMISE),
      password,
    );
    if (!user || !ok || user.disabled) throw new UnauthorizedException();
    const { token, expiresAt } = await this.sessions.open(user.userId);
    const { passwordHash: _hash, disabled: _disabled, ...actor } = user;
    return { token, expiresAt: expiresAt.toISOString(), user: actor };
  }

  logout(token: string): Promise<void> {
    return this.sessions.close(token);
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { SessionsRepository } from './sessions.repository.js';

/** Opaque bearer tokens; only their SHA-256 is stored, so a database leak yields no sessions. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly repo: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  async open(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    await this.repo.create(SessionsService.hash(token), userId, expiresAt);
    return { token, expiresAt };
  }

  resolve(token: string): Promise<Actor | undefined> {
    return this.repo.findActor(SessionsService.hash(token));
  }

  close(token: string): Promise<void> {
    return this.repo.delete(SessionsService.hash(token));
  }
}

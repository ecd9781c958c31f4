import { Injectable } from '@nestjs/common';
import { HealthRepository } from './health.repository.js';

@Injectable()
export class HealthService {
  constructor(private readonly repo: HealthRepository) {}

  async database(): Promise<'up' | 'down'> {
    const timeout = new Promise<false>((resolve) =>
      setTimeout(() => resolve(false), 3_000).unref(),
    );
    const ok = await Promise.race([
      this.repo.ping().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
    return ok ? 'up' : 'down';
  }
}

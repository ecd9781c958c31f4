import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { TooManyRequests } from '../errors/api-errors.js';

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Fixed-window counters kept in this process. One API instance needs nothing more; behind a
 * load balancer the same interface moves to Redis (docs/scaling.md).
 */
@Injectable()
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly enabled: boolean;
  private lastSweep = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.enabled = config.SSCARD_RATE_LIMITS === 'on';
  }

  /** Counts one hit for `key`; throws 429 with Retry-After once `limit` is passed in the window. */
  hit(key: string, limit: number, windowSeconds: number, now = Date.now()): void {
    if (!this.enabled) return;
    this.sweep(now);
    const current = this.windows.get(key);
    if (!current || current.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + windowSeconds * 1000 });
      return;
    }
    current.count += 1;
    if (current.count > limit)
      throw new TooManyRequests(Math.max(1, Math.ceil((current.resetAt - now) / 1000)));
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}

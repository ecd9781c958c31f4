import { Inject, Injectable } from '@nestjs/common';
import { todayInShanghai, toShanghai } from '@sscard/rules';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/** The business date: today in Beijing, or SSCARD_TODAY for demos and tests of dated rules. */
@Injectable()
export class Clock {
  private readonly fixed: string | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.fixed = config.SSCARD_TODAY;
  }

  today(): string {
    return this.fixed ?? todayInShanghai();
  }

  /** The current instant; with SSCARD_TODAY, that date at the current Beijing time of day. */
  now(): Date {
    const real = new Date();
    if (this.fixed === undefined) return real;
    return new Date(`${this.fixed}T${toShanghai(real).time}+08:00`);
  }
}

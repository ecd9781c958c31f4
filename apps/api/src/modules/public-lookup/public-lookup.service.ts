import { Injectable } from '@nestjs/common';
import { maskIdNumber, parentGuidance } from '@sscard/rules';
import { Clock } from '../../common/clock/clock.js';
import { RateLimiter } from '../../common/rate-limit/rate-limiter.js';
import type { CardStatusBody, CardStatusFound } from './public-lookup.dto.js';
import { PublicLookupRepository } from './public-lookup.repository.js';

const sameName = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

@Injectable()
export class PublicLookupService {
  constructor(
    private readonly repo: PublicLookupRepository,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  /** The card's state and the parent's next step (N-2.4b…N-2.6, N-1.5), or undefined. */
  async lookup(body: CardStatusBody, ip: string): Promise<CardStatusFound | undefined> {
    // Per address against scanning, per ID number against guessing a name for a known number.
    this.limiter.hit(`lookup:ip:${ip}`, 60, 60);
    this.limiter.hit(`lookup:id:${body.idNumber}`, 10, 60);
    const row = await this.repo.find(body.idNumber);
    if (!row || !sameName(row.name, body.name)) return undefined;
    const state = row.state ?? 'no_card';
    const guidance = parentGuidance({
      state,
      today: this.clock.today(),
      ...(row.unitName ? { holdingUnitName: row.unitName } : {}),
    });
    return {
      found: true,
      name: row.name,
      idNumber: maskIdNumber(body.idNumber),
      state,
      status: guidance.status,
      holdingUnit: row.unitName,
      nextStep: guidance.nextStep,
      clause: guidance.clause,
      ...(guidance.from ? { from: guidance.from } : {}),
      ...(guidance.deadline ? { deadline: guidance.deadline } : {}),
      helpLines: guidance.helpLines,
    };
  }
}

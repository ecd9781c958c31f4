import { Global, Module } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.js';
import { AuditRepository } from './audit/audit.repository.js';
import { Clock } from './clock/clock.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';

/** Cross-cutting services every domain module uses. */
@Global()
@Module({
  providers: [DatabaseContext, AuditRepository, IdempotencyService, RateLimiter, Clock],
  exports: [DatabaseContext, AuditRepository, IdempotencyService, RateLimiter, Clock],
})
export class CommonModule {}

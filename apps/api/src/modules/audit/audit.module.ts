import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

/** Reading the append-only audit log (writing is AuditRepository's, in every change). */
@Module({
  controllers: [AuditController],
  providers: [AuditService],
})
export class AuditModule {}

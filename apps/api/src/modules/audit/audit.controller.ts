import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import type { Page } from '../../common/validation/paging.js';
import { ZodPipe } from '../../common/validation/zod-body.pipe.js';
import { type AuditEntryView, type AuditQuery, auditQuery } from './audit.dto.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('system_admin', 'district_staff')
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(auditQuery)) q: AuditQuery,
  ): Promise<Page<AuditEntryView>> {
    return this.audit.list(actor, q);
  }
}

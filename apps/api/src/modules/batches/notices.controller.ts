import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import type { Page } from '../../common/validation/paging.js';
import { ZodPipe } from '../../common/validation/zod-body.pipe.js';
import { type NoticeListQuery, noticeListQuery, type NoticeView } from './batches.dto.js';
import { BatchesService } from './batches.service.js';

/** N-2.2a / N-2.2b: the notices a dispatch sends — unit staff see their unit's. */
@ApiTags('batches')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(private readonly batches: BatchesService) {}

  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(noticeListQuery)) q: NoticeListQuery,
  ): Promise<Page<NoticeView>> {
    return this.batches.notices(actor, q);
  }
}

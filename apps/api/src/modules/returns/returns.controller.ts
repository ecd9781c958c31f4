import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import type { Page } from '../../common/validation/paging.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { zodBody, ZodPipe } from '../../common/validation/zod-body.pipe.js';
import {
  type PoolCardView,
  type ReconciliationView,
  type ReissuePoolQuery,
  reissuePoolQuery,
  type ReturnBody,
  returnBody,
  type ReturnView,
} from './returns.dto.js';
import { ReturnsService } from './returns.service.js';

/** N-2.4c on a batch; other /batches routes live in the batches module. */
@ApiTags('returns')
@ApiBearerAuth()
@Controller('batches/:batchId')
export class BatchReturnController {
  constructor(private readonly returns: ReturnsService) {}

  @Post('return')
  @Roles('district_staff', 'unit_staff')
  @ApiZodBody(returnBody)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first result instead of returning twice',
  })
  returnCards(
    @CurrentActor() actor: Actor,
    @Param('batchId', UuidParam) batchId: string,
    @Body(zodBody(returnBody)) body: ReturnBody,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ReturnView> {
    return this.returns.returnCards(actor, batchId, body, idempotencyKey);
  }

  @Get('reconciliation')
  @Roles('system_admin', 'district_staff', 'unit_staff')
  reconciliation(
    @CurrentActor() actor: Actor,
    @Param('batchId', UuidParam) batchId: string,
  ): Promise<ReconciliationView> {
    return this.returns.reconciliation(actor, batchId);
  }
}

@ApiTags('returns')
@ApiBearerAuth()
@Controller('reissue-pool')
export class ReissuePoolController {
  constructor(private readonly returns: ReturnsService) {}

  @Get()
  @Roles('system_admin', 'district_staff')
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(reissuePoolQuery)) q: ReissuePoolQuery,
  ): Promise<Page<PoolCardView>> {
    return this.returns.pool(actor, q);
  }
}

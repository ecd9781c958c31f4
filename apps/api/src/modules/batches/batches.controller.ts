import { Body, Controller, Get, Headers, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import type { Page } from '../../common/validation/paging.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { zodBody, ZodPipe } from '../../common/validation/zod-body.pipe.js';
import {
  type BatchDetail,
  type BatchListQuery,
  batchListQuery,
  type BatchView,
  type DeliveryBody,
  deliveryBody,
  type DispatchBody,
  dispatchBody,
  type DispatchResult,
  type PickupBody,
  pickupBody,
  receiverBody,
} from './batches.dto.js';
import { BatchHandoverService, type HandoverResult } from './batch-handover.service.js';
import { BatchesService, type ManifestView } from './batches.service.js';
import { DispatchService } from './dispatch.service.js';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key returns the first result',
};

@ApiTags('batches')
@ApiBearerAuth()
@Controller('batches')
export class BatchesController {
  constructor(
    private readonly batches: BatchesService,
    private readonly dispatching: DispatchService,
    private readonly handover: BatchHandoverService,
  ) {}

  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(batchListQuery)) q: BatchListQuery,
  ): Promise<Page<BatchView>> {
    return this.batches.list(actor, q);
  }

  @Post('dispatch')
  @Roles('system_admin', 'district_staff')
  @ApiZodBody(dispatchBody)
  @ApiHeader(IDEMPOTENCY_HEADER)
  dispatch(
    @CurrentActor() actor: Actor,
    @Body(zodBody(dispatchBody)) body: DispatchBody,
    @Headers('idempotency-key') key?: string,
  ): Promise<DispatchResult> {
    return this.dispatching.dispatch(actor, body, key);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<BatchDetail> {
    return this.batches.get(actor, id);
  }

  @Get(':id/manifest')
  manifest(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<ManifestView> {
    return this.batches.manifest(actor, id);
  }

  @Put(':id/receiver')
  @Roles('system_admin', 'district_staff', 'unit_staff')
  @ApiZodBody(receiverBody)
  nameReceiver(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(receiverBody)) body: z.output<typeof receiverBody>,
  ): Promise<BatchView> {
    return this.handover.nameReceiver(actor, id, body);
  }

  @Post(':id/delivery')
  @Roles('system_admin', 'district_staff')
  @ApiZodBody(deliveryBody)
  deliver(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(deliveryBody)) body: DeliveryBody,
  ): Promise<HandoverResult> {
    return this.handover.deliver(actor, id, body);
  }

  @Post(':id/pickup')
  @Roles('system_admin', 'district_staff')
  @ApiZodBody(pickupBody)
  @ApiHeader(IDEMPOTENCY_HEADER)
  pickup(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(pickupBody)) body: PickupBody,
    @Headers('idempotency-key') key?: string,
  ): Promise<HandoverResult> {
    return this.handover.pickup(actor, id, body, key);
  }
}

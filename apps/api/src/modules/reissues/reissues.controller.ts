import { Body, Controller, Get, Headers, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import type { Page } from '../../common/validation/paging.js';
import { zodBody, ZodPipe } from '../../common/validation/zod-body.pipe.js';
import {
  type ReissueBody,
  reissueBody,
  type ReissueView,
  type ServicePointQuery,
  servicePointQuery,
  type ServicePointView,
} from './reissues.dto.js';
import { ReissuesService } from './reissues.service.js';

@ApiTags('reissues')
@ApiBearerAuth()
@Controller('service-points')
export class ServicePointsController {
  constructor(private readonly reissues: ReissuesService) {}

  /** The street offices' card service points of the caller's district (N-2.4d). */
  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(servicePointQuery)) q: ServicePointQuery,
  ): Promise<Page<ServicePointView>> {
    return this.reissues.servicePoints(actor, q);
  }
}

@ApiTags('reissues')
@ApiBearerAuth()
@Controller('reissues')
export class ReissuesController {
  constructor(private readonly reissues: ReissuesService) {}

  @Post()
  @Roles('district_staff')
  @ApiZodBody(reissueBody)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first result instead of reissuing twice',
  })
  reissue(
    @CurrentActor() actor: Actor,
    @Body(zodBody(reissueBody)) body: ReissueBody,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ReissueView> {
    return this.reissues.reissue(actor, body, idempotencyKey);
  }
}

import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import type { Page } from '../../common/validation/paging.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { zodBody, ZodPipe } from '../../common/validation/zod-body.pipe.js';
import {
  type CardClassesQuery,
  type CardClassView,
  cardClassesQuery,
  type CardDetail,
  type CardListQuery,
  cardListQuery,
  type CardView,
  type VendorListBody,
  vendorListBody,
  type VendorListResult,
} from './cards.dto.js';
import { CardsService } from './cards.service.js';
import { type MovedAwayPage, type MovedAwayQuery, movedAwayQuery } from './moved-away.dto.js';
import { MovedAwayService } from './moved-away.service.js';
import { VendorListService } from './vendor-list.service.js';

@ApiTags('cards')
@ApiBearerAuth()
@Controller('cards')
export class CardsController {
  constructor(
    private readonly cards: CardsService,
    private readonly vendorList: VendorListService,
    private readonly movedAway: MovedAwayService,
  ) {}

  /** N-2.6: the vendor's list of made and not-made cards, all or nothing. */
  @Post('vendor-list')
  @Roles('system_admin', 'district_staff')
  @ApiZodBody(vendorListBody)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  importVendorList(
    @CurrentActor() actor: Actor,
    @Body(zodBody(vendorListBody)) body: VendorListBody,
    @Headers('idempotency-key') key?: string,
  ): Promise<VendorListResult> {
    return this.vendorList.import(actor, body, key);
  }

  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(cardListQuery)) q: CardListQuery,
  ): Promise<Page<CardView>> {
    return this.cards.list(actor, q);
  }

  /** N-2.3: the classes of the cards (e.g. a batch's cards still at the unit), for a class filter. */
  @Get('classes')
  classes(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(cardClassesQuery)) q: CardClassesQuery,
  ): Promise<{ items: CardClassView[] }> {
    return this.cards.classes(actor, q);
  }

  /** N-2.4b: children who changed school whose unsigned cards wait at the original unit. */
  @Get('moved-away')
  @Roles('system_admin', 'district_staff', 'unit_staff')
  listMovedAway(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(movedAwayQuery)) q: MovedAwayQuery,
  ): Promise<MovedAwayPage> {
    return this.movedAway.list(actor, q);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<CardDetail> {
    return this.cards.get(actor, id);
  }
}

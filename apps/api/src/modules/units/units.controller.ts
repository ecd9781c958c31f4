import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import type { Page } from '../../common/validation/paging.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { zodBody, ZodPipe } from '../../common/validation/zod-body.pipe.js';
import { createUnitBody, designatedPersonBody, unitListQuery, type UnitView } from './units.dto.js';
import { UnitsService } from './units.service.js';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(unitListQuery)) q: z.output<typeof unitListQuery>,
  ): Promise<Page<UnitView>> {
    return this.units.list(actor, q);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<UnitView> {
    return this.units.get(actor, id);
  }

  @Post()
  @Roles('system_admin', 'district_staff')
  @ApiZodBody(createUnitBody)
  create(
    @CurrentActor() actor: Actor,
    @Body(zodBody(createUnitBody)) body: z.output<typeof createUnitBody>,
  ): Promise<UnitView> {
    return this.units.create(actor, body);
  }

  @Put(':id/designated-person')
  @Roles('system_admin', 'district_staff', 'unit_staff')
  @ApiZodBody(designatedPersonBody)
  setDesignatedPerson(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(designatedPersonBody)) body: z.output<typeof designatedPersonBody>,
  ): Promise<UnitView> {
    return this.units.setDesignatedPerson(actor, id, body);
  }
}

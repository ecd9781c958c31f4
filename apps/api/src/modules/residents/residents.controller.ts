import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import type { Page } from '../../common/validation/paging.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { zodBody, ZodPipe } from '../../common/validation/zod-body.pipe.js';
import {
  type CreateResidentBody,
  createResidentBody,
  institutionsBody,
  type MissingInstitutionItem,
  missingInstitutionQuery,
  type MissingInstitutionQuery,
  type ResidentDetail,
  residentDetailQuery,
  residentListQuery,
  type ResidentListQuery,
  type ResidentView,
  type SubsidyVerificationBody,
  subsidyVerificationBody,
} from './residents.dto.js';
import { ResidentsService } from './residents.service.js';
import { SubsidyVerificationsService } from './subsidy-verifications.service.js';

@ApiTags('residents')
@ApiBearerAuth()
@Controller('residents')
@Roles('system_admin', 'district_staff', 'unit_staff')
export class ResidentsController {
  constructor(
    private readonly residents: ResidentsService,
    private readonly verifications: SubsidyVerificationsService,
  ) {}

  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(residentListQuery)) q: ResidentListQuery,
  ): Promise<Page<ResidentView>> {
    return this.residents.list(actor, q);
  }

  /** N-1.6 — declared before ':id' so the path is not read as an id. */
  @Get('missing-community-institution')
  missingCommunityInstitution(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(missingInstitutionQuery)) q: MissingInstitutionQuery,
  ): Promise<Page<MissingInstitutionItem>> {
    return this.residents.missingCommunityInstitution(actor, q);
  }

  @Get(':id')
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query(new ZodPipe(residentDetailQuery)) q: z.output<typeof residentDetailQuery>,
  ): Promise<ResidentDetail> {
    return this.residents.get(actor, id, q.full);
  }

  @Post()
  @ApiZodBody(createResidentBody)
  create(
    @CurrentActor() actor: Actor,
    @Body(zodBody(createResidentBody)) body: CreateResidentBody,
  ): Promise<ResidentDetail> {
    return this.residents.create(actor, body);
  }

  @Put(':id/institutions')
  @ApiZodBody(institutionsBody)
  setInstitutions(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(institutionsBody)) body: z.output<typeof institutionsBody>,
  ): Promise<ResidentDetail> {
    return this.residents.setInstitutions(actor, id, body);
  }

  @Post(':id/subsidy-verifications')
  @ApiZodBody(subsidyVerificationBody)
  addVerification(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(subsidyVerificationBody)) body: SubsidyVerificationBody,
  ): Promise<ResidentDetail['subsidyVerifications'][number]> {
    return this.verifications.record(actor, id, body);
  }
}

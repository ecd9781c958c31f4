import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { zodBody } from '../../common/validation/zod-body.pipe.js';
import { type CategoryChangeView, CategoryChangeService } from './category-change.service.js';
import { type CategoryChangeBody, categoryChangeBody, syncedBody } from './residents.dto.js';

/** N-2.5: age-related category change and the card's identity sync. */
@ApiTags('residents')
@ApiBearerAuth()
@Controller('residents/:id/category-change')
export class CategoryChangeController {
  constructor(private readonly changes: CategoryChangeService) {}

  @Post()
  @Roles('system_admin', 'district_staff', 'unit_staff')
  @ApiZodBody(categoryChangeBody)
  start(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(categoryChangeBody)) body: CategoryChangeBody,
  ): Promise<CategoryChangeView> {
    return this.changes.start(actor, id, body);
  }

  /** The sync is done at the district centre, so only its staff (and the admin) finish it. */
  @Post(':changeId/synced')
  @HttpCode(200)
  @Roles('system_admin', 'district_staff')
  @ApiZodBody(syncedBody)
  finish(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Param('changeId', UuidParam) changeId: string,
    @Body(zodBody(syncedBody)) body: z.output<typeof syncedBody>,
  ): Promise<CategoryChangeView> {
    return this.changes.finish(actor, id, changeId, body);
  }
}

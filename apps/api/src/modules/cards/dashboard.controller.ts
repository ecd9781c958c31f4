import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ZodPipe } from '../../common/validation/zod-body.pipe.js';
import { type DashboardView, type OverdueQuery, overdueQuery } from './cards.dto.js';
import { DashboardService, type OverduePage } from './dashboard.service.js';

/** The distribution's numbers (district staff: their district; unit staff: their unit). */
@ApiTags('cards')
@ApiBearerAuth()
@Controller()
@Roles('system_admin', 'district_staff', 'unit_staff')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('dashboard')
  get(@CurrentActor() actor: Actor): Promise<DashboardView> {
    return this.dashboard.dashboard(actor);
  }

  /** N-3: per unit, the pickups or collections past their deadline. */
  @Get('overdue')
  overdue(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(overdueQuery)) q: OverdueQuery,
  ): Promise<OverduePage> {
    return this.dashboard.overdue(actor, q);
  }
}

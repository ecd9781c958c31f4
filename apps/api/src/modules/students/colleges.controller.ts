import { Body, Controller, Get, Param, Post, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { zodBody } from '../../common/validation/zod-body.pipe.js';
import { CollegeSummaryService } from './college-summary.service.js';
import { CollegesService } from './colleges.service.js';
import { STUDENT_ROLES } from './student-roles.js';
import { type CollegeView, type CreateCollegeBody, createCollegeBody } from './students.dto.js';

@ApiTags('students')
@ApiBearerAuth()
@Controller()
export class CollegesController {
  constructor(
    private readonly colleges: CollegesService,
    private readonly summary: CollegeSummaryService,
  ) {}

  /** The colleges (院（系）) of a university; university staff see their own university's. */
  @Get('universities/:id/colleges')
  @Roles('system_admin', 'district_staff', 'university_staff')
  list(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<CollegeView[]> {
    return this.colleges.list(actor, id);
  }

  @Post('universities/:id/colleges')
  @Roles('system_admin', 'district_staff')
  @ApiZodBody(createCollegeBody)
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(createCollegeBody)) body: CreateCollegeBody,
  ): Promise<CollegeView> {
    return this.colleges.create(actor, id, body);
  }

  /** S-1.4: attachment 3, the college's summary table (eligible students, full ID numbers; audited). */
  @Get('colleges/:id/summary.xlsx')
  @Roles(...STUDENT_ROLES)
  summaryTable(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<StreamableFile> {
    return this.summary.export(actor, id);
  }
}

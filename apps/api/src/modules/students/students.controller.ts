import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import type { Page } from '../../common/validation/paging.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { zodBody, ZodPipe } from '../../common/validation/zod-body.pipe.js';
import { CollegesService } from './colleges.service.js';
import { STUDENT_ROLES } from './student-roles.js';
import {
  type CreateStudentBody,
  createStudentBody,
  dashboardQuery,
  type StudentDashboard,
  type StudentDetail,
  studentListQuery,
  type StudentListQuery,
  type StudentView,
} from './students.dto.js';
import { StudentsService } from './students.service.js';

@ApiTags('students')
@ApiBearerAuth()
@Controller()
@Roles(...STUDENT_ROLES)
export class StudentsController {
  constructor(
    private readonly students: StudentsService,
    private readonly colleges: CollegesService,
  ) {}

  /** S-1.1 / S-1.2: register a student in a college (eligibility stored with its reason). */
  @Post('colleges/:id/students')
  @ApiZodBody(createStudentBody)
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) collegeId: string,
    @Body(zodBody(createStudentBody)) body: CreateStudentBody,
  ): Promise<StudentDetail> {
    return this.students.create(actor, collegeId, body);
  }

  @Get('students')
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(studentListQuery)) q: StudentListQuery,
  ): Promise<Page<StudentView>> {
    return this.students.list(actor, q);
  }

  /** S-1.6: counts per status, per college. */
  @Get('students/dashboard')
  dashboard(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(dashboardQuery)) q: z.output<typeof dashboardQuery>,
  ): Promise<StudentDashboard> {
    return this.colleges.dashboard(actor, q.universityId);
  }

  @Get('students/:id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<StudentDetail> {
    return this.students.get(actor, id);
  }
}

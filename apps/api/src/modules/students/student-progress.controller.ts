import { Body, Controller, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { zodBody } from '../../common/validation/zod-body.pipe.js';
import { StudentPaymentsService } from './student-payments.service.js';
import { StudentProgressService } from './student-progress.service.js';
import { STUDENT_ROLES } from './student-roles.js';
import {
  photoBody,
  type StudentDetail,
  type StudentInstitutionsBody,
  studentInstitutionsBody,
  type StudentPaymentBody,
  studentPaymentBody,
} from './students.dto.js';

@ApiTags('students')
@ApiBearerAuth()
@Controller('students/:id')
@Roles(...STUDENT_ROLES)
export class StudentProgressController {
  constructor(
    private readonly progress: StudentProgressService,
    private readonly payments: StudentPaymentsService,
  ) {}

  /** S-1.5: attachments 1–3 complete → submitted to the college. */
  @Post('submit')
  @HttpCode(200)
  submit(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<StudentDetail> {
    return this.progress.submit(actor, id);
  }

  /** S-1.6: Beijing's review passed — recorded by the university or the district centre. */
  @Post('review')
  @HttpCode(200)
  @Roles('system_admin', 'district_staff', 'university_staff')
  review(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<StudentDetail> {
    return this.progress.review(actor, id);
  }

  /** S-2.1 / S-2.2a / S-2.4: the payment, inside the window, with its channel. */
  @Post('payment')
  @ApiZodBody(studentPaymentBody)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  pay(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(studentPaymentBody)) body: StudentPaymentBody,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<StudentDetail> {
    return this.payments.pay(actor, id, body, key);
  }

  /** S-1.6: the card photo recorded. */
  @Post('photo')
  @HttpCode(200)
  @ApiZodBody(photoBody)
  photo(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(photoBody)) body: z.output<typeof photoBody>,
  ): Promise<StudentDetail> {
    return this.progress.recordPhoto(actor, id, body.proxyHandling);
  }

  /** S-1.6: the electronic voucher instead of a physical card. */
  @Post('e-voucher')
  @HttpCode(200)
  eVoucher(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<StudentDetail> {
    return this.progress.chooseEVoucher(actor, id);
  }

  /** S-3.1: the 3 personal designated medical institutions. */
  @Put('institutions')
  @ApiZodBody(studentInstitutionsBody)
  institutions(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(studentInstitutionsBody)) body: StudentInstitutionsBody,
  ): Promise<StudentDetail> {
    return this.progress.setInstitutions(actor, id, body);
  }
}

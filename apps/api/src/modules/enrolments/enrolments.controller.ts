import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import type { Page } from '../../common/validation/paging.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { zodBody, ZodPipe } from '../../common/validation/zod-body.pipe.js';
import {
  type CloseCertificateBody,
  closeCertificateBody,
  type EnrolmentBody,
  enrolmentBody,
  type EnrolmentCreated,
  enrolmentListQuery,
  type EnrolmentListQuery,
  type EnrolmentView,
  type PaymentBody,
  paymentBody,
  type TemporaryCertificateView,
} from './enrolments.dto.js';
import { EnrolmentsService } from './enrolments.service.js';
import { PaymentsService } from './payments.service.js';
import { TemporaryCertificatesService } from './temporary-certificates.service.js';

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller()
@Roles('system_admin', 'district_staff', 'unit_staff')
export class EnrolmentsController {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly payments: PaymentsService,
    private readonly certificates: TemporaryCertificatesService,
  ) {}

  /** N-1.1 / N-1.3 / N-1.4 / N-1.5: enrol a resident for a policy year. */
  @Post('residents/:id/enrolments')
  @ApiZodBody(enrolmentBody)
  enrol(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(enrolmentBody)) body: EnrolmentBody,
  ): Promise<EnrolmentCreated> {
    return this.enrolments.enrol(actor, id, body);
  }

  @Get('enrolments')
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(enrolmentListQuery)) q: EnrolmentListQuery,
  ): Promise<Page<EnrolmentView>> {
    return this.enrolments.list(actor, q);
  }

  @Get('enrolments/:id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<EnrolmentView> {
    return this.enrolments.get(actor, id);
  }

  @Post('enrolments/:id/payments')
  @ApiZodBody(paymentBody)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  pay(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(paymentBody)) body: PaymentBody,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<EnrolmentView> {
    return this.payments.pay(actor, id, body, key);
  }

  @Get('residents/:id/temporary-certificate')
  certificate(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<TemporaryCertificateView> {
    return this.certificates.forResident(actor, id);
  }

  /** The district centre ends the certificate once the card is issued (N-1.5). */
  @Post('temporary-certificates/:id/close')
  @HttpCode(200)
  @Roles('system_admin', 'district_staff')
  @ApiZodBody(closeCertificateBody)
  close(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(zodBody(closeCertificateBody)) body: CloseCertificateBody,
  ): Promise<TemporaryCertificateView> {
    return this.certificates.close(actor, id, body);
  }
}

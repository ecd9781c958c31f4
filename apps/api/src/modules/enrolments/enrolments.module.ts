import { Module } from '@nestjs/common';
import { ResidentsModule } from '../residents/residents.module.js';
import { EnrolmentsController } from './enrolments.controller.js';
import { EnrolmentsRepository } from './enrolments.repository.js';
import { EnrolmentsService } from './enrolments.service.js';
import { PaymentsService } from './payments.service.js';
import { TemporaryCertificatesRepository } from './temporary-certificates.repository.js';
import { TemporaryCertificatesService } from './temporary-certificates.service.js';

@Module({
  imports: [ResidentsModule],
  controllers: [EnrolmentsController],
  providers: [
    EnrolmentsService,
    EnrolmentsRepository,
    PaymentsService,
    TemporaryCertificatesService,
    TemporaryCertificatesRepository,
  ],
})
export class EnrolmentsModule {}

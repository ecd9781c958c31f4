import { Module } from '@nestjs/common';
import { CategoryChangeController } from './category-change.controller.js';
import { CategoryChangeRepository } from './category-change.repository.js';
import { CategoryChangeService } from './category-change.service.js';
import { ResidentDetailRepository } from './resident-detail.repository.js';
import { ResidentsController } from './residents.controller.js';
import { ResidentsRepository } from './residents.repository.js';
import { ResidentsService } from './residents.service.js';
import { SubsidyVerificationsService } from './subsidy-verifications.service.js';

@Module({
  controllers: [ResidentsController, CategoryChangeController],
  providers: [
    ResidentsService,
    ResidentsRepository,
    ResidentDetailRepository,
    SubsidyVerificationsService,
    CategoryChangeService,
    CategoryChangeRepository,
  ],
  exports: [ResidentsService, ResidentsRepository],
})
export class ResidentsModule {}

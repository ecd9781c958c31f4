import { Module } from '@nestjs/common';
import { BusinessDateController } from './business-date.controller.js';
import { CardsController } from './cards.controller.js';
import { CardsRepository } from './cards.repository.js';
import { CardsService } from './cards.service.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardRepository } from './dashboard.repository.js';
import { DashboardService } from './dashboard.service.js';
import { MovedAwayRepository } from './moved-away.repository.js';
import { MovedAwayService } from './moved-away.service.js';
import { VendorListRepository } from './vendor-list.repository.js';
import { VendorListService } from './vendor-list.service.js';

@Module({
  controllers: [CardsController, DashboardController, BusinessDateController],
  providers: [
    CardsService,
    CardsRepository,
    VendorListService,
    VendorListRepository,
    DashboardService,
    DashboardRepository,
    MovedAwayService,
    MovedAwayRepository,
  ],
  // The vendor-list import job reuses the list's checks and writes per chunk; the overdue export
  // prints the dashboard's overdue lists.
  exports: [CardsService, VendorListService, VendorListRepository, DashboardService],
})
export class CardsModule {}

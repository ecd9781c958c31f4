import { Module } from '@nestjs/common';
import { BatchesModule } from '../batches/batches.module.js';
import { DashboardRepository } from '../cards/dashboard.repository.js';
import { DashboardService } from '../cards/dashboard.service.js';
import { DistrictsRepository } from '../districts/districts.repository.js';
import { ReceiptsRepository } from '../receipts/receipts.repository.js';
import { UnitsModule } from '../units/units.module.js';
import { BatchExportsService } from './batch-exports.service.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';
import { ListExportsService } from './list-exports.service.js';
import { UnitReconciliationService } from './unit-reconciliation.service.js';

/**
 * Excel exports (issue 4, part D). The scope checks and rule-applying queries of the modules
 * whose data is printed are reused as they are: their exported services (batches, units), and
 * their stateless repositories / services provided here again (receipts' batch lookup, the
 * overdue lists, the districts) so those modules need no change.
 */
@Module({
  imports: [BatchesModule, UnitsModule],
  controllers: [ExportsController],
  providers: [
    BatchExportsService,
    UnitReconciliationService,
    ListExportsService,
    ExportsRepository,
    ReceiptsRepository,
    DashboardService,
    DashboardRepository,
    DistrictsRepository,
  ],
})
export class ExportsModule {}

import { Module } from '@nestjs/common';
import { BatchesModule } from '../batches/batches.module.js';
import { CardsModule } from '../cards/cards.module.js';
import { DistrictsModule } from '../districts/districts.module.js';
import { ReceiptsModule } from '../receipts/receipts.module.js';
import { UnitsModule } from '../units/units.module.js';
import { BatchExportsService } from './batch-exports.service.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';
import { ListExportsService } from './list-exports.service.js';
import { UnitReconciliationService } from './unit-reconciliation.service.js';

/**
 * Excel exports (issue 4, part D). The scope checks and rule-applying queries of the modules
 * whose data is printed are reused as they are, through what those modules export.
 */
@Module({
  imports: [BatchesModule, UnitsModule, ReceiptsModule, CardsModule, DistrictsModule],
  controllers: [ExportsController],
  providers: [
    BatchExportsService,
    UnitReconciliationService,
    ListExportsService,
    ExportsRepository,
  ],
})
export class ExportsModule {}

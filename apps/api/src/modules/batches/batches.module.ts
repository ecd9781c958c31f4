import { Module } from '@nestjs/common';
import { BatchHandoverService } from './batch-handover.service.js';
import { BatchesController } from './batches.controller.js';
import { BatchesRepository } from './batches.repository.js';
import { BatchesService } from './batches.service.js';
import { DispatchRepository } from './dispatch.repository.js';
import { DispatchService } from './dispatch.service.js';
import { NoticesController } from './notices.controller.js';

@Module({
  controllers: [BatchesController, NoticesController],
  providers: [
    BatchesService,
    BatchesRepository,
    DispatchService,
    DispatchRepository,
    BatchHandoverService,
  ],
  exports: [BatchesService],
})
export class BatchesModule {}

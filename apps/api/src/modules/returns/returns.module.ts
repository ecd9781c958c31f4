import { Module } from '@nestjs/common';
import { BatchReturnController, ReissuePoolController } from './returns.controller.js';
import { ReturnsRepository } from './returns.repository.js';
import { ReturnsService } from './returns.service.js';

/** N-2.4c: returns of undistributed cards, their reconciliation, and the reissue pool. */
@Module({
  controllers: [BatchReturnController, ReissuePoolController],
  providers: [ReturnsService, ReturnsRepository],
})
export class ReturnsModule {}

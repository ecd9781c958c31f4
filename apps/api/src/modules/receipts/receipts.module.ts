import { Module } from '@nestjs/common';
import { BatchReceiptController, CardSignatureController } from './receipts.controller.js';
import { ReceiptsRepository } from './receipts.repository.js';
import { ReceiptsService } from './receipts.service.js';

/** N-2.3: the receipt of a batch and the signatures on it. */
@Module({
  controllers: [BatchReceiptController, CardSignatureController],
  providers: [ReceiptsService, ReceiptsRepository],
  // The signatures import (imports module) signs through the same guarded statement.
  exports: [ReceiptsRepository],
})
export class ReceiptsModule {}

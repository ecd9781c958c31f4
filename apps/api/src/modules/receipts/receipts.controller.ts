import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ApiZodBody } from '../../common/validation/openapi.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { zodBody } from '../../common/validation/zod-body.pipe.js';
import {
  type BulkSignBody,
  bulkSignBody,
  type ReceiptView,
  type SignatureView,
  type SignBody,
  signBody,
} from './receipts.dto.js';
import { ReceiptsService } from './receipts.service.js';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key returns the first result instead of signing twice',
};

/** 《北京市社会保障卡发行回执单》 of a batch (N-2.3); other /batches routes live in batches. */
@ApiTags('receipts')
@ApiBearerAuth()
@Controller('batches/:batchId')
export class BatchReceiptController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Get('receipt')
  @Roles('system_admin', 'district_staff', 'unit_staff')
  receipt(
    @CurrentActor() actor: Actor,
    @Param('batchId', UuidParam) batchId: string,
  ): Promise<ReceiptView> {
    return this.receipts.receipt(actor, batchId);
  }

  @Post('signatures')
  @Roles('district_staff', 'unit_staff')
  @ApiZodBody(bulkSignBody)
  @ApiHeader(IDEMPOTENCY_HEADER)
  signMany(
    @CurrentActor() actor: Actor,
    @Param('batchId', UuidParam) batchId: string,
    @Body(zodBody(bulkSignBody)) body: BulkSignBody,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ReceiptView> {
    return this.receipts.signMany(actor, batchId, body, idempotencyKey);
  }
}

@ApiTags('receipts')
@ApiBearerAuth()
@Controller('cards/:cardId/signature')
export class CardSignatureController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Post()
  @Roles('district_staff', 'unit_staff')
  @ApiZodBody(signBody)
  @ApiHeader(IDEMPOTENCY_HEADER)
  sign(
    @CurrentActor() actor: Actor,
    @Param('cardId', UuidParam) cardId: string,
    @Body(zodBody(signBody)) body: SignBody,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<SignatureView> {
    return this.receipts.sign(actor, cardId, body, idempotencyKey);
  }
}

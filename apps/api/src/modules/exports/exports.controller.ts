import { Controller, Get, Param, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { UuidParam } from '../../common/validation/uuid-param.pipe.js';
import { ZodPipe } from '../../common/validation/zod-body.pipe.js';
import { BatchExportsService } from './batch-exports.service.js';
import { XLSX_MIME } from './export-texts.js';
import {
  type MissingInstitutionExportQuery,
  missingInstitutionExportQuery,
  type OverdueExportQuery,
  overdueExportQuery,
  type ReceiptExportQuery,
  receiptExportQuery,
} from './exports.dto.js';
import { ListExportsService } from './list-exports.service.js';
import { UnitReconciliationService } from './unit-reconciliation.service.js';

/**
 * Excel downloads (streamed .xlsx, A4 print layout). Each route keeps the roles and the scope
 * of the JSON endpoint it prints: someone else's batch or unit is a 404.
 */
@ApiTags('exports')
@ApiBearerAuth()
@ApiProduces(XLSX_MIME)
@Controller()
export class ExportsController {
  constructor(
    private readonly batches: BatchExportsService,
    private readonly reconciliation: UnitReconciliationService,
    private readonly lists: ListExportsService,
  ) {}

  /** N-2.3 (as GET /batches/:id/receipt); `copy=first|second`, the first by default (N-2.4c). */
  @Get('batches/:id/receipt.xlsx')
  @Roles('system_admin', 'district_staff', 'unit_staff')
  receipt(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query(new ZodPipe(receiptExportQuery)) q: ReceiptExportQuery,
  ): Promise<StreamableFile> {
    return this.batches.receipt(actor, id, q);
  }

  /** N-2.2a (as GET /batches/:id/manifest); 409 for a pickup batch. */
  @Get('batches/:id/delivery-manifest.xlsx')
  deliveryManifest(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<StreamableFile> {
    return this.batches.batchList(actor, id, 'delivery_manifest');
  }

  /** N-2.2b (as GET /batches/:id/manifest); 409 for a direct-delivery batch. */
  @Get('batches/:id/pickup-notice.xlsx')
  pickupNotice(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<StreamableFile> {
    return this.batches.batchList(actor, id, 'pickup_notice');
  }

  /** N-2.4c for every batch the unit received (as GET /batches/:id/reconciliation). */
  @Get('units/:id/reconciliation.xlsx')
  @Roles('system_admin', 'district_staff', 'unit_staff')
  unitReconciliation(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<StreamableFile> {
    return this.reconciliation.export(actor, id);
  }

  /** N-2.4d (as GET /reissue-pool). */
  @Get('exports/reissue-pool.xlsx')
  @Roles('system_admin', 'district_staff')
  reissuePool(@CurrentActor() actor: Actor): Promise<StreamableFile> {
    return this.lists.reissuePool(actor);
  }

  /** N-3 (as GET /overdue): kind=pickup|collection. */
  @Get('exports/overdue.xlsx')
  @Roles('system_admin', 'district_staff', 'unit_staff')
  overdue(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(overdueExportQuery)) q: OverdueExportQuery,
  ): Promise<StreamableFile> {
    return this.lists.overdue(actor, q);
  }

  /** N-1.6 (as GET /residents/missing-community-institution). */
  @Get('exports/missing-community-institution.xlsx')
  @Roles('system_admin', 'district_staff', 'unit_staff')
  missingCommunityInstitution(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(missingInstitutionExportQuery)) q: MissingInstitutionExportQuery,
  ): Promise<StreamableFile> {
    return this.lists.missingCommunityInstitution(actor, q);
  }
}

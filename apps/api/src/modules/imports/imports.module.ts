import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module.js';
import { ReceiptsModule } from '../receipts/receipts.module.js';
import { StudentsModule } from '../students/students.module.js';
import { ImportCommitter } from './import-commit.js';
import { ImportDryRun } from './import-dry-run.js';
import { ImportOnePass } from './import-one-pass.js';
import { ImportHandlers } from './import-handlers.js';
import { ImportJobsRepository } from './import-jobs.repository.js';
import { ImportRetention } from './import-retention.js';
import { ImportRunner } from './import-runner.js';
import { ImportStagingRepository } from './import-staging.repository.js';
import { ImportUploadService } from './import-upload.service.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';
import { RosterImportHandler } from './roster-import.handler.js';
import { RosterImportRepository } from './roster-import.repository.js';
import { SignatureImportHandler } from './signature-import.handler.js';
import { SignatureImportRepository } from './signature-import.repository.js';
import { StudentImportHandler } from './student-import.handler.js';
import { VendorImportHandler } from './vendor-import.handler.js';

/** Issue 4: spreadsheet imports as jobs — upload, dry run, all-or-nothing commit. */
@Module({
  imports: [CardsModule, ReceiptsModule, StudentsModule],
  controllers: [ImportsController],
  providers: [
    ImportsService,
    ImportUploadService,
    ImportJobsRepository,
    ImportStagingRepository,
    ImportRetention,
    ImportRunner,
    ImportDryRun,
    ImportCommitter,
    ImportOnePass,
    ImportHandlers,
    RosterImportHandler,
    RosterImportRepository,
    VendorImportHandler,
    SignatureImportHandler,
    SignatureImportRepository,
    StudentImportHandler,
  ],
})
export class ImportsModule {}

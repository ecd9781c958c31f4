import { Module } from '@nestjs/common';
import { CollegeSummaryService } from './college-summary.service.js';
import { CollegesController } from './colleges.controller.js';
import { CollegesRepository } from './colleges.repository.js';
import { CollegesService } from './colleges.service.js';
import { StudentFileStore } from './student-file-store.js';
import { StudentFormController } from './student-form.controller.js';
import { StudentFormService } from './student-form.service.js';
import { StudentFilesController } from './student-files.controller.js';
import { StudentFilesRepository } from './student-files.repository.js';
import { StudentFilesService } from './student-files.service.js';
import { StudentPaymentsService } from './student-payments.service.js';
import { StudentProgressController } from './student-progress.controller.js';
import { StudentProgressRepository } from './student-progress.repository.js';
import { StudentProgressService } from './student-progress.service.js';
import { StudentsController } from './students.controller.js';
import { StudentsRepository } from './students.repository.js';
import { StudentsService } from './students.service.js';

/**
 * The 2025 student flow (S-1.1 … S-4): a university's colleges, their students, attachments,
 * payment and progress. StudentsService (checkMany / insertMany) is exported for the import.
 */
@Module({
  controllers: [
    CollegesController,
    StudentsController,
    StudentProgressController,
    StudentFilesController,
    StudentFormController,
  ],
  providers: [
    CollegesRepository,
    CollegesService,
    CollegeSummaryService,
    StudentsRepository,
    StudentsService,
    StudentProgressRepository,
    StudentProgressService,
    StudentPaymentsService,
    StudentFilesRepository,
    StudentFilesService,
    StudentFileStore,
    StudentFormService,
  ],
  exports: [StudentsService],
})
export class StudentsModule {}

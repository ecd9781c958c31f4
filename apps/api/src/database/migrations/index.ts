import { InitialSchema1732300000000 } from './1732300000000-initial-schema.js';
import { DispatchSnapshot1732400000000 } from './1732400000000-dispatch-snapshot.js';
import { PublicLookupFunction1732500000000 } from './1732500000000-public-lookup-function.js';
import { ImportJobs1732600000000 } from './1732600000000-import-jobs.js';
import { Students1732700000000 } from './1732700000000-students.js';
import { ExportCardOrder1732800000000 } from './1732800000000-export-card-order.js';
import { ResidentClass1732900000000 } from './1732900000000-resident-class.js';
import { StudentSummaryExport1733100000000 } from './1733100000000-student-summary-export.js';
import { BatchDispatchIndex1733200000000 } from './1733200000000-batch-dispatch-index.js';
import { ImportStaging1733300000000 } from './1733300000000-import-staging.js';
import { PasswordChangeRequired1733400000000 } from './1733400000000-password-change-required.js';
import { ImportCommitWhenValid1733500000000 } from './1733500000000-import-commit-when-valid.js';
import { TimeOrderedResidentIds1733600000000 } from './1733600000000-time-ordered-resident-ids.js';
import { DropRedundantResidentUnitIndex1733700000000 } from './1733700000000-drop-redundant-resident-unit-index.js';

/** Every migration, in order. Migrations are hand-written and reviewed; synchronize stays off. */
export const MIGRATIONS = [
  InitialSchema1732300000000,
  DispatchSnapshot1732400000000,
  PublicLookupFunction1732500000000,
  ImportJobs1732600000000,
  Students1732700000000,
  ExportCardOrder1732800000000,
  ResidentClass1732900000000,
  StudentSummaryExport1733100000000,
  BatchDispatchIndex1733200000000,
  ImportStaging1733300000000,
  PasswordChangeRequired1733400000000,
  ImportCommitWhenValid1733500000000,
  TimeOrderedResidentIds1733600000000,
  DropRedundantResidentUnitIndex1733700000000,
];

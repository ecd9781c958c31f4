import type { Type } from '@nestjs/common';
import { DistrictsModule } from './districts/districts.module.js';
import { EnrolmentsModule } from './enrolments/enrolments.module.js';
import { ResidentsModule } from './residents/residents.module.js';
import { AuditModule } from './audit/audit.module.js';
import { ReceiptsModule } from './receipts/receipts.module.js';
import { ReissuesModule } from './reissues/reissues.module.js';
import { ReturnsModule } from './returns/returns.module.js';
import { PublicLookupModule } from './public-lookup/public-lookup.module.js';
import { UnitsModule } from './units/units.module.js';
import { CardsModule } from './cards/cards.module.js';
import { BatchesModule } from './batches/batches.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { StudentsModule } from './students/students.module.js';
import { UsersModule } from './users/users.module.js';

/** The domain modules (units, residents, cards, batches, receipts, returns, …), in one list. */
export const DOMAIN_MODULES: Type[] = [
  DistrictsModule,
  ResidentsModule,
  EnrolmentsModule,
  UnitsModule,
  PublicLookupModule,
  ReceiptsModule,
  ReturnsModule,
  ReissuesModule,
  AuditModule,
  CardsModule,
  BatchesModule,
  ExportsModule,
  ImportsModule,
  StudentsModule,
  UsersModule,
];

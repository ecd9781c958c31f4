import { oneOf } from '@sscard/rules';
import { z } from 'zod';
import { overdueQuery } from '../cards/cards.dto.js';
import { missingInstitutionQuery } from '../residents/residents.dto.js';
import { API_LABELS, RECEIPT_COPIES } from './export-texts.js';

/** Which copy (联) of the receipt to print; the first goes back with the returned cards (N-2.4c). */
export const receiptExportQuery = z.object({
  copy: oneOf(RECEIPT_COPIES, API_LABELS.copy.zh, API_LABELS.copy.en).default('first'),
});
export type ReceiptExportQuery = z.output<typeof receiptExportQuery>;

/** N-3: the same kinds as GET /api/overdue (pickup / collection). */
export const overdueExportQuery = z.object({ kind: overdueQuery.shape.kind });
export type OverdueExportQuery = z.output<typeof overdueExportQuery>;

/** N-1.6: the same policy year and deadline as GET /api/residents/missing-community-institution. */
export const missingInstitutionExportQuery = missingInstitutionQuery.pick({
  policyYear: true,
  deadline: true,
});
export type MissingInstitutionExportQuery = z.output<typeof missingInstitutionExportQuery>;

/**
 * @sscard/rules — the single home of every sscard rule. The API, the admin and the student flow
 * import from here and never re-implement a rule. Clause IDs refer to shared/spec/clauses.md.
 */

// The eight functions every consumer relies on (names and shapes are a contract).
export { routeBatch } from './batches/route-batch.js';
export { annualFee } from './fees/annual-fee.js';
export { requiredDeposit } from './fees/withholding.js';
export { isWorkingDay, bankDeductionDate } from './calendar/working-day.js';
export { validateIdNumber, maskIdNumber } from './id/id-number.js';
export { returnsOpen } from './cards/distribution-dates.js';

export * from './i18n/bilingual.js';
export * from './dates/calendar-date.js';
export * from './common/rule-result.js';
export * from './policy/categories.js';
export * from './policy/policy-types.js';
export * from './policy/subsidy-flags.js';
export * from './policy/help-lines.js';
export * from './policy/notice-2010-53.js';
export * from './policy/student-guide-2025.js';
export * from './policy/policy-registry.js';
export * from './calendar/working-day.js';
export * from './id/id-number.js';
export { normaliseIdNumber } from './id/normalise-id-number.js';
export * from './units/districts.js';
export * from './accounts/account-roles.js';
export * from './accounts/account-management.js';
export * from './accounts/password-policy.js';
export * from './schemas/user-account.schema.js';
export * from './batches/route-batch.js';
export * from './fees/annual-fee.js';
export * from './fees/withholding.js';
export * from './enrolment/enrolment-window.js';
export * from './cards/card-states.js';
export * from './cards/card-events.js';
export * from './cards/card-lifecycle.js';
export * from './cards/category-change.js';
export * from './cards/distribution-dates.js';
export * from './cards/reconciliation.js';
export * from './guidance/parent-guidance.js';
export * from './institutions/designated-institutions.js';
export * from './student/eligibility.js';
export * from './student/evidence.js';
export * from './student/attachment-names.js';
export * from './student/payment-window.js';
export * from './student/attachment-types.js';
export * from './student/registration-key.js';
export * from './schemas/fields.js';
export * from './schemas/person.schema.js';
export * from './schemas/unit.schema.js';
export * from './schemas/enrolment.schema.js';
export * from './schemas/card.schema.js';
export * from './schemas/student-registration.schema.js';
export * from './schemas/student-progress.schema.js';
export * from './schemas/sign-in.schema.js';
export * from './schemas/card-status-query.schema.js';
export * from './schemas/id-text.js';
export * from './schemas/distribution-requests.schema.js';
export * from './schemas/resident-requests.schema.js';
export * from './schemas/audit-filter.schema.js';
export * from './cards/overdue.js';
export * from './student/student-progress.js';
export * from './student/withholding-dates.js';
export * from './student/student-guidance.js';
export * from './sheets/import-sheets.js';
export * from './sheets/sheet-labels.js';
export * from './sheets/cell-values.js';
export * from './sheets/header-match.js';
export * from './sheets/parse-import-row.js';

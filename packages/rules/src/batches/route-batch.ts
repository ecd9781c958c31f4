import { bi } from '../i18n/bilingual.js';
import { getDistributionPolicy } from '../policy/policy-registry.js';

export const BATCH_ROUTES = ['direct_delivery', 'pickup'] as const;
export type BatchRoute = (typeof BATCH_ROUTES)[number];

/**
 * N-2.2a / N-2.2b: units with at least the threshold (600) card-eligible people get direct
 * delivery by the vendor; smaller units collect at the district centre. The source says
 * "600人以上" and "600人以下" — both include 600 in Chinese drafting — and the project routes
 * exactly 600 to direct delivery (clauses.md decision).
 */
export function routeBatch(
  eligibleCount: number,
  threshold: number = getDistributionPolicy().directDeliveryThreshold,
): BatchRoute {
  if (!Number.isInteger(threshold) || threshold < 0) {
    throw new RangeError(
      bi(`分流人数标准无效：${threshold}`, `Invalid routing threshold: ${threshold}`),
    );
  }
  if (!Number.isInteger(eligibleCount) || eligibleCount < 0) {
    throw new RangeError(
      bi(
        `符合制卡条件的人数必须是非负整数：${eligibleCount}`,
        `Card-eligible count must be a non-negative integer: ${eligibleCount}`,
      ),
    );
  }
  return eligibleCount >= threshold ? 'direct_delivery' : 'pickup';
}

export const BATCH_ROUTE_LABELS: Record<BatchRoute, { zh: string; en: string }> = {
  direct_delivery: { zh: '集成服务商直接送达', en: 'Direct delivery by the card vendor' },
  pickup: { zh: '单位限时到指定地点领取', en: 'Unit collects at the named place by the deadline' },
};

/**
 * N-2.2b: a pickup needs the unit's 社会保险登记证 or a 单位介绍信 stating the registration
 * code; the code must match the unit's. Codes are compared after removing spaces and case.
 */
export const PICKUP_CREDENTIAL_KINDS = ['registration_certificate', 'introduction_letter'] as const;
export type PickupCredentialKind = (typeof PICKUP_CREDENTIAL_KINDS)[number];

export function normaliseRegistrationCode(code: string): string {
  return code.replace(/[\s\u3000-]/g, '').toUpperCase();
}

export function credentialMatchesUnit(
  credentialCode: string,
  unitRegistrationCode: string,
): boolean {
  const a = normaliseRegistrationCode(credentialCode);
  return a.length > 0 && a === normaliseRegistrationCode(unitRegistrationCode);
}

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
 * Where a distribution batch stands: a direct-delivery batch waits for the unit to name a receiver,
 * then for the vendor's delivery (N-2.2a); a pickup batch waits for the unit at the named place
 * (N-2.2b), as does a batch the vendor left at the district centre; then the cards are at the
 * unit, and undistributed ones may go back (N-2.4c).
 */
export const BATCH_STATES = [
  'awaiting_receiver',
  'awaiting_delivery',
  'awaiting_pickup',
  'at_unit',
  'returned',
] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export const BATCH_STATE_LABELS: Record<BatchState, { zh: string; en: string; clause: string }> = {
  awaiting_receiver: {
    zh: '待单位指定接收人',
    en: 'Awaiting the unit’s receiver',
    clause: 'N-2.2a',
  },
  awaiting_delivery: { zh: '待送达', en: 'Awaiting delivery', clause: 'N-2.2a' },
  awaiting_pickup: { zh: '待单位领取', en: 'Awaiting pickup by the unit', clause: 'N-2.2b' },
  at_unit: { zh: '已到单位', en: 'At the unit', clause: 'N-2.3' },
  returned: { zh: '已退回区县社保中心', en: 'Returned to the district centre', clause: 'N-2.4c' },
};

/**
 * N-2.2b: a pickup needs the unit's 社会保险登记证 or a 单位介绍信 stating the registration
 * code; the code must match the unit's. Codes are compared after removing spaces and case.
 */
export const PICKUP_CREDENTIAL_KINDS = ['registration_certificate', 'introduction_letter'] as const;
export type PickupCredentialKind = (typeof PICKUP_CREDENTIAL_KINDS)[number];

/** N-2.2b: how a pickup notice names the credentials the unit must bring. */
export const PICKUP_CREDENTIAL_LABELS: Record<PickupCredentialKind, { zh: string; en: string }> = {
  registration_certificate: {
    zh: '《社会保险登记证》',
    en: 'the social-insurance registration certificate',
  },
  introduction_letter: {
    zh: '《单位介绍信》（信中须填写“社会保险登记证编码”）',
    en: "a unit introduction letter stating the unit's social-insurance registration code",
  },
};

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

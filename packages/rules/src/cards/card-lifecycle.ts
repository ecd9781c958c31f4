import { credentialMatchesUnit } from '../batches/route-batch.js';
import { ALLOWED, refuse, type RuleRefusal, type RuleResult } from '../common/rule-result.js';
import { getDistributionPolicy } from '../policy/policy-registry.js';
import type { DistributionPolicy } from '../policy/policy-types.js';
import { checkCategoryChange } from './category-change.js';
import type { CardEvent, CardEventType } from './card-events.js';
import { CARD_STATE_LABELS, type CardState } from './card-states.js';
import { reissueOpen, returnsOpen } from './distribution-dates.js';

/**
 * Whether two written names are the same person's name: spaces (half- or full-width) do not
 * count, so "李 老师" is 李老师. Used for the proxy signer (N-2.3) and a reissue's holder (N-2.4d).
 */
export function samePersonName(a: string, b: string): boolean {
  const squash = (v: string) => v.replace(/[\s\u3000]/g, '');
  return squash(a) === squash(b);
}

/** Which event moves a card from which state, and where to. */
const TRANSITIONS: Record<CardEventType, { from: readonly CardState[]; clause: string }> = {
  add_to_batch: { from: ['made'], clause: 'N-2.2a' },
  notify_pickup: { from: ['in_batch'], clause: 'N-2.2b' },
  deliver: { from: ['in_batch'], clause: 'N-2.2a' },
  pickup: { from: ['awaiting_pickup'], clause: 'N-2.2b' },
  sign: { from: ['at_unit'], clause: 'N-2.3' },
  return: { from: ['at_unit'], clause: 'N-2.4c' },
  receive_into_pool: { from: ['returned'], clause: 'N-2.4c' },
  reissue: { from: ['in_reissue_pool'], clause: 'N-2.4d' },
  start_identity_sync: { from: ['issued', 'reissued'], clause: 'N-2.5' },
  finish_identity_sync: { from: ['identity_sync'], clause: 'N-2.5' },
  data_recollected: { from: ['not_made_data_problem'], clause: 'N-2.6' },
};

export type TransitionResult = { ok: true; to: CardState; clause: string } | RuleRefusal;

/** The events that may apply to a card in this state (before the event's own checks). */
export function eventsFrom(state: CardState): CardEventType[] {
  return (Object.keys(TRANSITIONS) as CardEventType[]).filter((t) =>
    TRANSITIONS[t].from.includes(state),
  );
}

function guard(event: CardEvent, policy: DistributionPolicy): RuleResult {
  switch (event.type) {
    case 'notify_pickup':
      return event.route === 'pickup'
        ? ALLOWED
        : refuse(
            'N-2.2b',
            '直接送达的批次不发领取通知',
            'A direct-delivery batch gets no pickup notice',
          );
    case 'deliver':
      if (event.route !== 'direct_delivery') {
        return refuse(
          'N-2.2a',
          '领取批次不能直接送达',
          'A pickup batch is not delivered by the vendor',
        );
      }
      return event.destination === 'unit' && !event.receiverNamed
        ? refuse(
            'N-2.2a',
            '送达单位前，单位须指定专人接收',
            'Before delivery to the unit, the unit must name a receiver',
          )
        : ALLOWED;
    case 'pickup':
      return credentialMatchesUnit(event.credentialCode, event.unitRegistrationCode)
        ? ALLOWED
        : refuse(
            'N-2.2b',
            '领取凭证上的社会保险登记证编码与单位不符',
            "The credential's social-insurance registration code does not match the unit",
          );
    case 'sign':
      if (event.signerName.trim() === '')
        return refuse('N-2.3', '须填写签字人姓名', 'The signer name is required');
      if (event.signer === 'proxy') {
        const designated = event.designatedPersonName?.trim() ?? '';
        if (designated === '') {
          return refuse(
            'N-2.3',
            '代签须由单位指定的专人签字',
            'A proxy signature must be by the unit’s designated person',
          );
        }
        // N-2.3: "或由单位指定专人代签" — only that person may sign for a holder.
        if (!samePersonName(event.signerName, designated)) {
          return refuse(
            'N-2.3',
            `代签须由单位指定的专人（${designated}）签字`,
            `A proxy signature must be by the unit’s designated person (${designated})`,
          );
        }
      }
      return ALLOWED;
    case 'return':
      if (!returnsOpen(event.date, policy)) {
        return refuse(
          'N-2.4c',
          `${policy.returnsOpenFrom}起才能退回未发出的社保卡`,
          `Undistributed cards can be returned from ${policy.returnsOpenFrom}`,
        );
      }
      return event.firstCopyReturned
        ? ALLOWED
        : refuse(
            'N-2.4c',
            '退卡须同时交回回执单第一联',
            "The receipt's first copy must come back with the cards",
          );
    case 'reissue':
      if (!reissueOpen(event.date, policy)) {
        return refuse(
          'N-2.4d',
          `${policy.reissueOpenFrom}起才能申领二次发行的社保卡`,
          `Reissue applications open on ${policy.reissueOpenFrom}`,
        );
      }
      return event.holderDocument && event.applicantDocument
        ? ALLOWED
        : refuse(
            'N-2.4d',
            '须携带参保人与本人的居民身份证或居民户口簿',
            "The holder's and the applicant's ID card or household register are required",
          );
    case 'start_identity_sync':
      return checkCategoryChange(event.from, event.to, event.paidAtNewStandard);
    default:
      return ALLOWED;
  }
}

function target(event: CardEvent): CardState {
  switch (event.type) {
    case 'add_to_batch':
      return 'in_batch';
    case 'notify_pickup':
      return 'awaiting_pickup';
    case 'deliver':
      // Delivered to the district centre, the cards wait there for the unit like a pickup.
      return event.destination === 'unit' ? 'at_unit' : 'awaiting_pickup';
    case 'pickup':
      return 'at_unit';
    case 'sign':
      return 'issued';
    case 'return':
      return 'returned';
    case 'receive_into_pool':
      return 'in_reissue_pool';
    case 'reissue':
      return 'reissued';
    case 'start_identity_sync':
      return 'identity_sync';
    case 'finish_identity_sync':
      return 'issued';
    case 'data_recollected':
      return 'made';
  }
}

/**
 * Decide one transition of the card lifecycle. The API applies the answer in the database
 * with a guarded UPDATE; this function is the only place that decides it.
 */
export function transitionCard(
  from: CardState,
  event: CardEvent,
  policy: DistributionPolicy = getDistributionPolicy(),
): TransitionResult {
  const rule = TRANSITIONS[event.type];
  if (!rule.from.includes(from)) {
    const label = CARD_STATE_LABELS[from];
    return refuse(
      rule.clause,
      `社保卡当前状态为“${label.zh}”，不能执行此操作`,
      `Not allowed while the card is "${label.en}"`,
    );
  }
  const checked = guard(event, policy);
  if (!checked.ok) return checked;
  return { ok: true, to: target(event), clause: rule.clause };
}

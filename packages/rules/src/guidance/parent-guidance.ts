import { compareDates, type CalendarDate } from '../dates/calendar-date.js';
import type { Bilingual } from '../i18n/bilingual.js';
import { HELP_LINES } from '../policy/help-lines.js';
import { getDistributionPolicy } from '../policy/policy-registry.js';
import type { DistributionPolicy } from '../policy/policy-types.js';
import { CARD_STATE_LABELS, type CardState } from '../cards/card-states.js';
import { reissueOpen, returnsOpen } from '../cards/distribution-dates.js';

/** 'no_card': enrolled, the card is still being made (N-1.5). */
export type GuidanceState = CardState | 'no_card';

export interface GuidanceInput {
  state: GuidanceState;
  /** The unit the card was made for and that holds it (N-2.4a). */
  holdingUnitName?: string;
  today: CalendarDate;
  policy?: DistributionPolicy;
}

export interface ParentGuidance {
  status: Bilingual;
  nextStep: Bilingual;
  clause: string;
  /** The date the step can be taken from, or must be taken by, when there is one. */
  from?: CalendarDate;
  deadline?: CalendarDate;
  helpLines: string[];
}

function at(unit: string | undefined): Bilingual {
  return unit ? { zh: unit, en: unit } : { zh: '原参保单位', en: 'the original unit' };
}

/** N-2.4b … N-2.6, N-1.5: the next step for a parent, in plain words, from the card's state and the date. */
export function parentGuidance(input: GuidanceInput): ParentGuidance {
  const policy = input.policy ?? getDistributionPolicy();
  const unit = at(input.holdingUnitName);
  const hotline = HELP_LINES.cardService.number;
  const status: Bilingual =
    input.state === 'no_card'
      ? { zh: '社保卡制作中', en: 'The card is being made' }
      : { zh: CARD_STATE_LABELS[input.state].zh, en: CARD_STATE_LABELS[input.state].en };
  const reissueStep: Bilingual = {
    zh: `请先拨打${hotline}咨询确认，再携带孩子和您本人的居民身份证或居民户口簿，到居住地附近街道（乡镇）社会保障事务所内的社保卡服务网点申领`,
    en: `Call ${hotline} to confirm first, then bring the child's and your own ID card or household register to the card service point at your street office to apply`,
  };
  switch (input.state) {
    case 'no_card':
      return {
        status,
        clause: 'N-1.5',
        helpLines: [hotline],
        nextStep: {
          zh: '制卡期间请使用区县社保中心发放的《新发与补（换）社会保障卡证明》就医，医疗费需先全额垫付，符合条件的按手工报销办理',
          en: 'While the card is made, use the temporary certificate from the district centre to see a doctor; pay in full and claim the costs back manually',
        },
      };
    case 'not_made_data_problem':
      return {
        status,
        clause: 'N-2.6',
        helpLines: [hotline],
        nextStep: {
          zh: `因个人信息问题未能制卡。请拨打${hotline}或通过参保单位联系区县社保中心确认，按确认结果领取社保卡或重新采集信息`,
          en: `The card was not made because of a personal-data problem. Call ${hotline} or ask through your unit, then collect the card or redo the data collection as advised`,
        },
      };
    case 'made':
    case 'in_batch':
    case 'awaiting_pickup':
    case 'at_unit': {
      if (input.state === 'at_unit' && returnsOpen(input.today, policy)) {
        return {
          status,
          clause: 'N-2.4c',
          helpLines: [hotline],
          from: policy.reissueOpenFrom,
          nextStep: {
            zh: `未领取的社保卡正由${unit.zh}退回区县社保中心。${policy.reissueOpenFrom}起：${reissueStep.zh}`,
            en: `${unit.en} is returning uncollected cards to the district centre. From ${policy.reissueOpenFrom}: ${reissueStep.en}`,
          },
        };
      }
      const arrived = input.state === 'at_unit';
      const late = compareDates(input.today, policy.collectionDeadline) > 0;
      return {
        status,
        clause: 'N-2.4b',
        helpLines: [hotline],
        deadline: policy.collectionDeadline,
        nextStep: arrived
          ? {
              zh: late
                ? `社保卡在${unit.zh}，领取期限${policy.collectionDeadline}已过，请尽快到${unit.zh}领取`
                : `请于${policy.collectionDeadline}前（含当日）到${unit.zh}领取社保卡并在回执单上签字`,
              en: late
                ? `The card is at ${unit.en}; the ${policy.collectionDeadline} deadline has passed, collect it there as soon as possible`
                : `Collect the card at ${unit.en} by ${policy.collectionDeadline} (inclusive) and sign the receipt`,
            }
          : {
              zh: `社保卡正在送往${unit.zh}，到达后请于${policy.collectionDeadline}前（含当日）到${unit.zh}领取`,
              en: `The card is on its way to ${unit.en}; once it arrives, collect it there by ${policy.collectionDeadline} (inclusive)`,
            },
      };
    }
    case 'issued':
      return {
        status,
        clause: 'N-2.3',
        helpLines: [],
        nextStep: {
          zh: '社保卡已发放，无需办理',
          en: 'The card has been handed out; nothing to do',
        },
      };
    case 'returned':
    case 'in_reissue_pool': {
      const open = reissueOpen(input.today, policy);
      return {
        status,
        clause: 'N-2.4d',
        helpLines: [hotline],
        from: policy.reissueOpenFrom,
        nextStep: open
          ? {
              zh: `社保卡已退回区县社保中心二次发行库。${reissueStep.zh}`,
              en: `The card is in the district centre's reissue pool. ${reissueStep.en}`,
            }
          : {
              zh: `社保卡已退回区县社保中心二次发行库。${policy.reissueOpenFrom}起：${reissueStep.zh}`,
              en: `The card is in the district centre's reissue pool. From ${policy.reissueOpenFrom}: ${reissueStep.en}`,
            },
      };
    }
    case 'reissued':
      return {
        status,
        clause: 'N-2.4d',
        helpLines: [],
        nextStep: {
          zh: '社保卡已在服务网点补发领取，无需办理',
          en: 'The card was reissued at the service point; nothing to do',
        },
      };
    case 'identity_sync':
      return {
        status,
        clause: 'N-2.5',
        helpLines: [hotline],
        nextStep: {
          zh: '社保卡已交街道（乡镇）社会保障事务所，正在区县社保中心做身份信息同步，完成后退还本人',
          en: 'The card is with the street office for the identity sync at the district centre and will be handed back afterwards',
        },
      };
  }
}

import { bi } from '../i18n/bilingual.js';
import { compareDates, type CalendarDate } from '../dates/calendar-date.js';
import type { DepositAccount } from '../policy/categories.js';
import { getEnrolmentPolicy, PolicyNotFoundError } from '../policy/policy-registry.js';
import { ENROLMENT_2011 } from '../policy/notice-2010-53.js';

function assertYuan(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(
      bi(
        `${name}必须是非负整数元：${value}`,
        `${name} must be a non-negative integer of 元: ${value}`,
      ),
    );
  }
}

/**
 * N-1.3d: 京卡 (Bank of Beijing debit card) payers deposit 1 元 more than the fee. The extra
 * amount is the notice's; the default reads it from the 2011 policy so a later notice can
 * change it by data.
 */
export function requiredDeposit(
  feeYuan: number,
  account: DepositAccount,
  jingkaExtraYuan: number = ENROLMENT_2011.jingkaExtraYuan ?? 1,
): number {
  assertYuan(feeYuan, '费用 / fee');
  assertYuan(jingkaExtraYuan, '京卡多存金额 / 京卡 extra');
  if (account !== 'jingka' && account !== 'other') {
    throw new RangeError(
      bi(`未知账户类型：${String(account)}`, `Unknown account type: ${String(account)}`),
    );
  }
  return account === 'jingka' ? feeYuan + jingkaExtraYuan : feeYuan;
}

export type WithholdingOutcome =
  | { met: true; round: number; deadline: CalendarDate }
  | { met: false; clause: 'N-1.3c'; message: string };

/**
 * N-1.3c: which withholding round a deposit meets. A deposit made by a round's deadline
 * (inclusive) is withheld in that round; a payer who misses a round is withheld in the next;
 * after the last round the payment is missed.
 */
export function withholdingRound(
  policyYear: number,
  depositDate: CalendarDate,
): WithholdingOutcome {
  const rounds = getEnrolmentPolicy(policyYear).withholdingRounds;
  if (!rounds || rounds.length === 0) {
    throw new PolicyNotFoundError({
      zh: `${policyYear}年度银行代扣轮次`,
      en: `withholding rounds for ${policyYear}`,
    });
  }
  const index = rounds.findIndex((deadline) => compareDates(depositDate, deadline) <= 0);
  const deadline = rounds[index];
  if (index < 0 || deadline === undefined) {
    const last = rounds[rounds.length - 1];
    return {
      met: false,
      clause: 'N-1.3c',
      message: bi(
        `已过最后一轮银行代扣（${last}），本年度缴费未成功`,
        `The last withholding round (${last}) has passed: the payment for the year is missed`,
      ),
    };
  }
  return { met: true, round: index + 1, deadline };
}

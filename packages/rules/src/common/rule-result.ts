import { bi } from '../i18n/bilingual.js';

/** A rule's answer: allowed, or refused with the clause that refuses it and a bilingual message. */
export type RuleResult = { ok: true } | RuleRefusal;
export interface RuleRefusal {
  ok: false;
  clause: string;
  message: string;
}

export const ALLOWED: RuleResult = { ok: true };

export function refuse(clause: string, zh: string, en: string): RuleRefusal {
  return { ok: false, clause, message: bi(zh, en) };
}

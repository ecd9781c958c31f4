import { bi, type CardStatusQuery, cardStatusQuerySchema } from '@sscard/rules';

/** The parent's form: name and ID number, fully checked before any query runs (shared with the admin). */
export const cardStatusBody = cardStatusQuerySchema;
export type CardStatusBody = CardStatusQuery;

export interface CardStatusFound {
  found: true;
  name: string;
  idNumber: string;
  state: string;
  status: { zh: string; en: string };
  holdingUnit: string | null;
  nextStep: { zh: string; en: string };
  clause: string;
  from?: string;
  deadline?: string;
  helpLines: string[];
}

export interface NotFoundBody {
  found: false;
  message: string;
}

/**
 * One frozen object for "no such person" and "name does not match": it serialises to the same
 * bytes every time, so the two cannot be told apart.
 */
export const NOT_FOUND: Readonly<NotFoundBody> = Object.freeze({
  found: false,
  message: bi(
    '未查到与该姓名和证件号码相符的参保记录，请核对后重试，或拨打96102咨询',
    'No record matches this name and ID number. Check them and try again, or call 96102',
  ),
});

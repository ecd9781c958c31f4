import { z } from 'zod';
import { type Page, pageQuery } from '../../common/validation/paging.js';
import { uuidText } from '../../common/validation/uuid-text.js';

/** N-2.4b: unit staff get their own unit; district staff name the unit (or see the district). */
export const movedAwayQuery = pageQuery(['className', 'holderName', 'cardNumber'] as const).extend({
  unitId: uuidText('持卡单位', 'Unit holding the cards').optional(),
});
export type MovedAwayQuery = z.output<typeof movedAwayQuery>;

/** The new unit: the way the original unit reaches the parents (N-2.4b). */
export interface MovedToUnit {
  id: string;
  name: string;
  designatedPersonName: string | null;
  designatedPersonPhone: string | null;
}

/** A child who changed school, whose unsigned card is still at the original unit (N-2.4a). */
export interface MovedAwayItem {
  cardId: string;
  cardNumber: string | null;
  holderName: string;
  idNumberMasked: string;
  className: string | null;
  batchNumber: string | null;
  /** The original unit: the card was made for it and waits there (N-2.4a). */
  heldBy: { id: string; name: string };
  movedTo: MovedToUnit;
}

export interface MovedAwayPage extends Page<MovedAwayItem> {
  clause: 'N-2.4b';
  /** The collection deadline of the distribution policy (inclusive: "X日前" includes X). */
  deadline: string;
  today: string;
  /** The business date is past the deadline: the cards go back to the district centre (N-2.4c). */
  overdue: boolean;
  /** The unit the list is for; null when district staff list their whole district. */
  unit: { id: string; name: string } | null;
}

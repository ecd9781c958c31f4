import type { CalendarDate } from '../dates/calendar-date.js';
import type { BatchRoute, PickupCredentialKind } from '../batches/route-batch.js';
import type { Category } from '../policy/categories.js';

export const SIGNER_KINDS = ['self', 'proxy'] as const;
export type SignerKind = (typeof SIGNER_KINDS)[number];

/** N-2.4d: the child's and the applicant's 居民身份证 or 居民户口簿. */
export const REISSUE_DOCUMENT_KINDS = ['resident_id_card', 'household_register'] as const;
export type ReissueDocumentKind = (typeof REISSUE_DOCUMENT_KINDS)[number];

export type CardEvent =
  | { type: 'add_to_batch' }
  | { type: 'notify_pickup'; route: BatchRoute }
  | {
      type: 'deliver';
      route: BatchRoute;
      destination: 'unit' | 'district_centre';
      receiverNamed: boolean;
    }
  | {
      type: 'pickup';
      credentialKind: PickupCredentialKind;
      credentialCode: string;
      unitRegistrationCode: string;
    }
  | { type: 'sign'; signer: SignerKind; signerName: string; designatedPersonName?: string }
  | { type: 'return'; date: CalendarDate; firstCopyReturned: boolean }
  | { type: 'receive_into_pool' }
  | {
      type: 'reissue';
      date: CalendarDate;
      holderDocument?: ReissueDocumentKind;
      applicantDocument?: ReissueDocumentKind;
    }
  | { type: 'start_identity_sync'; from: Category; to: Category; paidAtNewStandard: boolean }
  | { type: 'finish_identity_sync' }
  | { type: 'data_recollected' };

export type CardEventType = CardEvent['type'];

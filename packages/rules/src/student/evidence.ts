import type { IdKind } from '../id/id-number.js';

export interface EvidenceItem {
  key: string;
  zh: string;
  en: string;
}

const BY_KIND: Record<IdKind, EvidenceItem[]> = {
  resident: [
    { key: 'resident_id_front', zh: '居民身份证正面', en: 'Resident ID card, front' },
    { key: 'resident_id_back', zh: '居民身份证反面', en: 'Resident ID card, back' },
  ],
  hk_mo_tw_permit: [
    {
      key: 'residence_permit_front',
      zh: '港澳台居民居住证正面',
      en: 'HK/Macao/Taiwan residence permit, front',
    },
    {
      key: 'residence_permit_back',
      zh: '港澳台居民居住证反面',
      en: 'HK/Macao/Taiwan residence permit, back',
    },
  ],
  hk_mo_travel_permit: [
    {
      key: 'travel_permit_front',
      zh: '港澳居民来往内地通行证正面',
      en: 'HK/Macao travel permit, front',
    },
    {
      key: 'travel_permit_back',
      zh: '港澳居民来往内地通行证反面',
      en: 'HK/Macao travel permit, back',
    },
  ],
  foreign_permanent: [
    {
      key: 'foreign_permanent_front',
      zh: '外国人永久居留身份证正面',
      en: 'Foreign permanent-resident ID card, front',
    },
    {
      key: 'foreign_permanent_back',
      zh: '外国人永久居留身份证反面',
      en: 'Foreign permanent-resident ID card, back',
    },
  ],
};

const DEFERRAL: EvidenceItem = {
  key: 'deferral_proof',
  zh: '最新延期证明',
  en: 'Latest deferral proof',
};

/** S-1.3: what attachment 2 must contain for the student's ID kind (all in one PDF). */
export function evidenceRequired(idKind: IdKind, deferred: boolean): EvidenceItem[] {
  return deferred ? [...BY_KIND[idKind], DEFERRAL] : [...BY_KIND[idKind]];
}

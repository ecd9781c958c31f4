/** The card lifecycle (N-2.x). A card always belongs to the unit it was made for (N-2.4a). */
export const CARD_STATES = [
  'made',
  'not_made_data_problem',
  'in_batch',
  'awaiting_pickup',
  'at_unit',
  'issued',
  'returned',
  'in_reissue_pool',
  'reissued',
  'identity_sync',
] as const;
export type CardState = (typeof CARD_STATES)[number];

export const CARD_STATE_LABELS: Record<CardState, { zh: string; en: string; clause: string }> = {
  made: { zh: '已制卡', en: 'Made', clause: 'N-2.4a' },
  not_made_data_problem: {
    zh: '因信息问题未制卡',
    en: 'Not made: personal-data problem',
    clause: 'N-2.6',
  },
  in_batch: { zh: '已编入发放批次', en: 'In a distribution batch', clause: 'N-2.2a' },
  awaiting_pickup: { zh: '待单位领取', en: 'Awaiting pickup by the unit', clause: 'N-2.2b' },
  at_unit: { zh: '已到单位待发放', en: 'At the unit, to be handed out', clause: 'N-2.3' },
  issued: { zh: '已发放（已签收）', en: 'Issued (signed for)', clause: 'N-2.3' },
  returned: { zh: '已退回区县社保中心', en: 'Returned to the district centre', clause: 'N-2.4c' },
  in_reissue_pool: { zh: '已转入二次发行库', en: 'In the reissue pool', clause: 'N-2.4c' },
  reissued: { zh: '已二次发行', en: 'Reissued', clause: 'N-2.4d' },
  identity_sync: { zh: '身份信息同步处理中', en: 'Identity sync in progress', clause: 'N-2.5' },
};

/** Where the card physically is, for the lookup and the dashboards. */
export const CARD_LOCATIONS: Record<
  CardState,
  'vendor' | 'district_centre' | 'unit' | 'holder' | 'street_office'
> = {
  made: 'vendor',
  not_made_data_problem: 'vendor',
  in_batch: 'vendor',
  awaiting_pickup: 'district_centre',
  at_unit: 'unit',
  issued: 'holder',
  returned: 'district_centre',
  in_reissue_pool: 'district_centre',
  reissued: 'holder',
  identity_sync: 'street_office',
};

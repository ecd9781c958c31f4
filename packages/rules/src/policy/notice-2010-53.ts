import type {
  DistributionPolicy,
  EnrolmentPolicy,
  PolicySource,
  StandingEnrolmentWindow,
} from './policy-types.js';

export const NOTICE_2010_53: PolicySource = {
  id: '京社保发〔2010〕53号',
  title: '关于做好本市城镇居民参保缴费与社保卡发放工作有关问题的通知',
};

/**
 * Dates follow the project's reading of the notice: "X日前" includes day X, "X日后" starts the
 * day after X (clauses.md, "Reading dates").
 */
export const ENROLMENT_2011: EnrolmentPolicy = {
  policyYear: 2011,
  source: NOTICE_2010_53,
  feesYuan: { elderly: 300, student_child: 100, unemployed: 600, unemployed_disabled: 300 },
  enrolmentWindow: { from: '2010-12-01', to: '2011-02-28' },
  januaryCoverPaidBy: '2010-12-30',
  withholdingRounds: ['2010-12-24', '2011-01-24', '2011-02-20'],
  jingkaExtraYuan: 1,
  temporaryCertificateFrom: '2010-12-01',
  communityInstitutionDeadline: '2010-12-25',
};

/** N-1.1b: the source lost the day ("9月 日"); the project reads 1 September. */
export const STANDING_WINDOW_FROM_2012: StandingEnrolmentWindow = {
  fromPolicyYear: 2012,
  source: NOTICE_2010_53,
  opens: { month: 9, day: 1 },
  closes: { month: 11, day: 30 },
};

export const DISTRIBUTION_2011: DistributionPolicy = {
  id: 'distribution-2011',
  source: NOTICE_2010_53,
  directDeliveryThreshold: 600,
  cardsMadeForUnitAsOf: '2010-04',
  collectionDeadline: '2011-01-15',
  returnsOpenFrom: '2011-01-21',
  reissueOpenFrom: '2011-03-02',
  dataProblemPaidBy: '2010-11-30',
  cardHotline: '96102',
};

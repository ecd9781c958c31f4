/** S-4 and N-2.4d: where people get help, shown wherever they need it. */
export const HELP_LINES = {
  cardService: {
    number: '96102',
    zh: '社会保障卡客户服务热线',
    en: 'Social-security card hotline',
    clause: 'N-2.4d',
  },
  insurance: {
    number: '12333',
    zh: '人力资源和社会保障咨询热线',
    en: 'Human resources and social security hotline',
    clause: 'S-4',
  },
  tax: { number: '12366', zh: '税务咨询热线', en: 'Tax hotline', clause: 'S-4' },
  etaxSupport: {
    number: '4007112366',
    zh: '电子税务局技术咨询服务热线',
    en: 'Electronic tax bureau technical support',
    clause: 'S-4',
  },
} as const;
export type HelpLineKey = keyof typeof HELP_LINES;

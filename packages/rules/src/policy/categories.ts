/** Resident categories of the 2010 notice (N-1.3a); students of the 2025 guide are `student_child`. */
export const CATEGORIES = [
  'elderly',
  'student_child',
  'unemployed',
  'unemployed_disabled',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, { zh: string; en: string }> = {
  elderly: { zh: '城镇老年人', en: 'Urban elderly' },
  student_child: { zh: '学生儿童', en: 'Students and children' },
  unemployed: { zh: '城镇无业居民', en: 'Unemployed urban residents' },
  unemployed_disabled: { zh: '残疾的无业居民', en: 'Disabled unemployed residents' },
};

export const PAYMENT_METHODS = ['cash', 'bank_withholding'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const DEPOSIT_ACCOUNTS = ['jingka', 'other'] as const;
export type DepositAccount = (typeof DEPOSIT_ACCOUNTS)[number];

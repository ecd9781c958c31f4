import {
  type Category,
  feeDecision,
  mod112CheckDigit,
  requiredDeposit,
  type SubsidyFlag,
} from '@sscard/rules';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = [
  '子涵',
  '欣怡',
  '浩然',
  '梓萱',
  '宇轩',
  '诗涵',
  '俊杰',
  '雨桐',
  '志强',
  '秀英',
  '建国',
  '淑珍',
  '明',
  '丽',
  '伟',
  '芳',
];

export interface DemoPerson {
  idNumber: string;
  name: string;
  birthDate: string;
  category: Category;
  subsidyFlags: SubsidyFlag[];
}

const BIRTH_YEARS: Record<Category, [number, number]> = {
  student_child: [1996, 2008],
  unemployed: [1960, 1990],
  unemployed_disabled: [1960, 1990],
  elderly: [1925, 1950],
};

/** Deterministic people with real-format IDs (area 110105, MOD 11-2 check digit). */
export function demoPerson(
  seq: number,
  category: Category,
  subsidyFlags: SubsidyFlag[] = [],
): DemoPerson {
  const [from, to] = BIRTH_YEARS[category];
  const year = from + (seq % (to - from + 1));
  const month = (seq % 12) + 1;
  const day = (seq % 28) + 1;
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const body = `110105${birthDate.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  const surname = SURNAMES[seq % SURNAMES.length] ?? '王';
  const given = GIVEN[Math.floor(seq / SURNAMES.length) % GIVEN.length] ?? '明';
  return {
    idNumber: body + mod112CheckDigit(body),
    name: surname + given,
    birthDate,
    category,
    subsidyFlags,
  };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
const KINDERGARTEN_CLASSES = ['大一班', '大二班', '中一班'];
/** Children per class at a school, and classes per grade. */
const CLASS_SIZE = 40;
const CLASSES_PER_GRADE = 4;

/**
 * N-2.3: the class (班级) of a unit's n-th child (0-based). A kindergarten's children take turns
 * through its classes (each class has cards in every state); a school fills 一年级一班 first.
 */
export function demoClassName(unitKind: string, n: number): string {
  if (unitKind === 'kindergarten_childcare') {
    return KINDERGARTEN_CLASSES[n % KINDERGARTEN_CLASSES.length] ?? '大一班';
  }
  const index = Math.floor(n / CLASS_SIZE);
  const grade = NUMERALS[Math.floor(index / CLASSES_PER_GRADE) % NUMERALS.length] ?? '一';
  return `${grade}年级${NUMERALS[index % CLASSES_PER_GRADE] ?? '一'}班`;
}

/** The 2011 enrolment of a demo person, decided by the rules (fee, exemption, 京卡 deposit). */
export function demoEnrolment(person: DemoPerson, seq: number) {
  const flag = person.subsidyFlags[0];
  const fee = feeDecision({
    policyYear: 2011,
    category: person.category,
    ...(flag ? { subsidy: { flag, verifiedForYear: 2011 } } : {}),
  });
  const bank = seq % 3 === 0;
  const account = seq % 2 === 0 ? 'jingka' : 'other';
  return {
    feeYuan: fee.payableYuan,
    exempt: fee.exempt,
    paymentMethod: bank ? 'bank_withholding' : 'cash',
    depositAccount: bank ? account : null,
    requiredDepositYuan: bank ? requiredDeposit(fee.payableYuan, account) : null,
  };
}

import type { VendorCard } from '../schemas/card.schema.js';
import type { Person } from '../schemas/person.schema.js';
import type { StudentRegistration } from '../schemas/student-registration.schema.js';
import type { SignerKind } from '../cards/card-events.js';

/**
 * The spreadsheets sscard imports (issue 4) and their columns. Column headers are matched by
 * their Chinese name, their English name, the field key or any alias, so the sheets that units
 * already keep (公民身份号码 or 身份证号, 卡号 or 社会保障卡号) can be uploaded unchanged.
 */
export const IMPORT_KINDS = ['roster', 'vendor_cards', 'signatures', 'students'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * Who may import each kind: vendor lists are the district's (N-2.6), signature sheets the unit's
 * (N-2.3), new-student sheets the colleges' (S-1.2). The API enforces it; the admin offers only
 * what will be accepted.
 */
export const IMPORT_ROLES = {
  roster: ['district_staff', 'unit_staff', 'system_admin'],
  vendor_cards: ['district_staff', 'system_admin'],
  signatures: ['unit_staff', 'district_staff'],
  students: ['district_staff', 'university_staff', 'college_staff', 'system_admin'],
} as const satisfies Record<ImportKind, readonly string[]>;

/** Kinds whose rows go to one unit (named at upload); the vendor list goes to the district. */
export const UNIT_TARGETED_KINDS: readonly ImportKind[] = ['roster', 'signatures', 'students'];

/** A cell as the reader hands it over (exceljs values normalised). */
export type CellValue =
  string | number | boolean | Date | null | { formula: string } | { error: string };

/**
 * How a column's cells are read (see cell-values.ts): free text; an identifier such as a card
 * number or phone (digits must not go through a number cell); an ID number; a date; one label
 * of an enumeration; a list of labels; yes/no; designated institutions "编码（类别）".
 */
export type CellKind =
  'text' | 'code' | 'id_number' | 'date' | 'enum' | 'list' | 'boolean' | 'institutions';

export interface ColumnSpec {
  key: string;
  zh: string;
  en: string;
  aliases: readonly string[];
  /** The header must be there (its cells may still be optional, e.g. 卡号 of a card not made). */
  required: boolean;
  cell: CellKind;
}

export interface SheetSpec {
  kind: ImportKind;
  titleZh: string;
  titleEn: string;
  columns: readonly ColumnSpec[];
}

/** A roster row is a person (N-1.4b, N-1.6, S-1.3), with the class a child is in if given (N-2.3). */
export type RosterRow = Person;

/** N-2.3: one line of the 发行回执单 as a unit records it. */
export interface SignatureRow {
  cardNumber: string;
  holderName: string;
  signer: SignerKind;
  signerName: string;
  signedOn: string;
}

export interface ImportRow {
  roster: RosterRow;
  vendor_cards: VendorCard;
  signatures: SignatureRow;
  students: StudentRegistration;
}

function col(
  key: string,
  zh: string,
  en: string,
  cell: CellKind,
  required: boolean,
  aliases: readonly string[] = [],
): ColumnSpec {
  return { key, zh, en, aliases, required, cell };
}

const NAME = col('name', '姓名', 'Name', 'text', true, ['参保人姓名', '人员姓名', '学生姓名']);
const ID_KIND = col('idKind', '证件类型', 'ID kind', 'enum', false, [
  '身份证件类型',
  '证件种类',
  '证件名称',
]);
const ID_NUMBER = col('idNumber', '公民身份号码', 'ID number', 'id_number', true, [
  '身份证号',
  '身份证号码',
  '证件号码',
  '证件号',
  '身份证件号码',
  '公民身份证号码',
  '公民身份证号',
  '社会保障号码',
]);
const BIRTH_DATE = col('birthDate', '出生日期', 'Birth date', 'date', false, [
  '出生年月日',
  '生日',
]);
const CARD_NUMBER_ALIASES = ['社保卡号', '社会保障卡号', '社会保障卡卡号', '社保卡卡号', '卡号码'];

/**
 * Headers that government sheets carry for people, not for the data (序号 numbers the rows, 备注
 * is a free note). They are recognised so that they are not "unknown", and their cells ignored.
 */
export const IGNORED_HEADERS: readonly string[] = [
  '序号',
  '编号',
  '行号',
  '备注',
  'No',
  'No.',
  '#',
  'Remark',
  'Remarks',
  'Note',
  'Notes',
];

export const IMPORT_SHEETS: Record<ImportKind, SheetSpec> = {
  roster: {
    kind: 'roster',
    titleZh: '参保人员花名册',
    titleEn: 'Enrolment roster',
    columns: [
      NAME,
      ID_KIND,
      ID_NUMBER,
      BIRTH_DATE,
      col('category', '人员类别', 'Category', 'enum', true, [
        '参保人员类别',
        '参保类别',
        '人员身份',
        '参保身份',
      ]),
      col('subsidyFlags', '补助标识', 'Subsidy flags', 'list', false, [
        '享受补助类别',
        '享受医疗财政补助标识',
        '医疗财政补助标识',
        '财政补助标识',
        '补助类别',
      ]),
      col(
        'designatedInstitutions',
        '定点医疗机构',
        'Designated institutions',
        'institutions',
        false,
        ['本人定点医疗机构', '定点医院', '定点医疗机构编码'],
      ),
      col('className', '班级', 'Class', 'text', false, ['所在班级']),
    ],
  },
  vendor_cards: {
    kind: 'vendor_cards',
    titleZh: '制卡数据（集成服务商）',
    titleEn: 'Card production list (vendor)',
    columns: [
      col('cardNumber', '卡号', 'Card number', 'code', false, CARD_NUMBER_ALIASES),
      col('holderName', '姓名', 'Name', 'text', true, ['持卡人姓名', '参保人姓名']),
      ID_KIND,
      ID_NUMBER,
      col('madeForUnitCode', '单位编码', 'Unit code', 'code', true, [
        '社会保险登记证编码',
        '制卡单位编码',
        '单位社会保险登记证编码',
        '登记证编码',
      ]),
      col('state', '制卡状态', 'Card state', 'enum', true, ['状态', '制卡结果']),
      col('problem', '问题说明', 'Problem', 'text', false, ['未制卡原因', '问题描述', '失败原因']),
    ],
  },
  signatures: {
    kind: 'signatures',
    titleZh: '社会保障卡发行回执单',
    titleEn: 'Card issue receipt',
    columns: [
      col('cardNumber', '卡号', 'Card number', 'code', true, CARD_NUMBER_ALIASES),
      col('holderName', '姓名', 'Name', 'text', true, ['持卡人姓名', '参保人姓名']),
      col('signer', '签字方式', 'Signer kind', 'enum', true, ['签收方式', '领取方式']),
      col('signerName', '签字人', 'Signer name', 'text', false, [
        '签收人',
        '签字人姓名',
        '签收人姓名',
        '领取人',
      ]),
      col('signedOn', '签收日期', 'Signing date', 'date', true, ['签字日期', '领取日期']),
    ],
  },
  students: {
    kind: 'students',
    titleZh: '新参保信息汇总表',
    titleEn: 'New-enrolment summary table',
    columns: [
      NAME,
      ID_KIND,
      ID_NUMBER,
      col('gender', '性别', 'Gender', 'enum', true),
      BIRTH_DATE,
      col('nationalityOrRegion', '国籍（地区）', 'Nationality / region', 'text', true, [
        '国籍',
        '国籍或地区',
        '国家（地区）',
      ]),
      col('phone', '联系电话', 'Phone', 'code', true, ['电话', '手机', '手机号', '手机号码']),
      col('college', '院（系）', 'College', 'text', true, ['学院', '院系', '所在学院']),
      col('className', '班级', 'Class', 'text', true, ['所在班级']),
      col('studentNumber', '学号', 'Student number', 'code', true),
      col('studyStatus', '在读状态', 'Study status', 'enum', true, ['学籍状态', '在校状态']),
      col('fullTimeStudent', '是否全日制', 'Full-time student', 'boolean', true, [
        '全日制在校学生',
        '是否全日制在校学生',
        '全日制',
      ]),
      col('otherCover', '其他基本医疗保障', 'Other basic medical cover', 'enum', true, [
        '其他医疗保障',
        '已有医疗保障',
      ]),
      col(
        'declaresNoOtherCover',
        '承诺无其他医疗保障',
        'Declares no other cover',
        'boolean',
        true,
        ['确认无其他基本医疗保障', '本人承诺无其他医疗保障', '无其他医疗保障承诺'],
      ),
    ],
  },
};

export function columnSpec(kind: ImportKind, key: string): ColumnSpec | undefined {
  return IMPORT_SHEETS[kind].columns.find((c) => c.key === key);
}

/** The column whose normalised value identifies a row, for duplicate detection in one file. */
export const ROW_KEY_COLUMN: Record<ImportKind, string> = {
  roster: 'idNumber',
  vendor_cards: 'idNumber',
  signatures: 'cardNumber',
  students: 'idNumber',
};

import { CARD_STATE_LABELS } from '../cards/card-states.js';
import type { SignerKind } from '../cards/card-events.js';
import { ID_KIND_LABELS } from '../id/id-formats.js';
import type { IdKind } from '../id/id-number.js';
import type { InstitutionKind } from '../institutions/designated-institutions.js';
import { CATEGORY_LABELS, type Category } from '../policy/categories.js';
import { SUBSIDY_FLAG_DEFINITIONS, type SubsidyFlag } from '../policy/subsidy-flags.js';
import { OTHER_COVER_LABELS, type OtherCover } from '../student/eligibility.js';
import type { GENDERS, STUDY_STATUSES } from '../schemas/student-registration.schema.js';

/**
 * What a cell may say for each enumerated column. The first Chinese label is the one the rules
 * package already uses (CATEGORY_LABELS, ID_KIND_LABELS, SUBSIDY_FLAG_DEFINITIONS,
 * CARD_STATE_LABELS); the aliases are the short forms people type in sheets (低保, 身份证, 代签).
 * The value key and the English label are accepted too.
 */
export interface CellLabel {
  zh: string;
  en: string;
  aliases?: readonly string[];
}
export type LabelMap<T extends string> = Readonly<Record<T, CellLabel>>;

function withAliases<T extends string>(
  base: Readonly<Record<T, { zh: string; en: string }>>,
  aliases: Readonly<Record<T, readonly string[]>>,
): LabelMap<T> {
  const out = {} as Record<T, CellLabel>;
  for (const key of Object.keys(base) as T[]) {
    out[key] = { zh: base[key].zh, en: base[key].en, aliases: aliases[key] };
  }
  return out;
}

export const CATEGORY_CELL_LABELS: LabelMap<Category> = withAliases(CATEGORY_LABELS, {
  elderly: ['老年人', '老人', '城镇老年'],
  student_child: ['学生', '儿童', '少年儿童', '中小学生', '学生和儿童', '大学生', '学生儿童类'],
  unemployed: ['无业居民', '无业人员', '城镇无业人员', '城镇居民无业'],
  unemployed_disabled: ['残疾无业居民', '无业残疾人', '无业残疾居民', '残疾的无业人员'],
});

export const ID_KIND_CELL_LABELS: LabelMap<IdKind> = withAliases(ID_KIND_LABELS, {
  resident: ['身份证', '二代身份证', '第二代居民身份证'],
  hk_mo_tw_permit: ['居住证', '港澳台居住证', '港澳居民居住证', '台湾居民居住证'],
  hk_mo_travel_permit: ['港澳通行证', '回乡证', '港澳居民来往内地通行证（回乡证）'],
  foreign_permanent: ['外国人永久居留证', '永久居留身份证', '永居证', '外国人永久居留身份证件'],
});

export const SUBSIDY_FLAG_CELL_LABELS: LabelMap<SubsidyFlag> = withAliases(
  SUBSIDY_FLAG_DEFINITIONS,
  {
    minimum_living_allowance: ['低保', '低保人员', '城乡低保', '最低生活保障', '低保对象'],
    severely_disabled_unemployed: ['重残无业', '重度残疾无业人员'],
    severely_disabled_elderly: ['重残老人', '重度残疾老人'],
    severely_disabled_minor: ['重度残疾儿童', '重残儿童', '重度残疾未成年人'],
  },
);

/** Only the two states a vendor reports (N-2.4a made, N-2.6 not made: data problem). */
export const VENDOR_STATE_CELL_LABELS: LabelMap<'made' | 'not_made_data_problem'> = {
  made: { ...CARD_STATE_LABELS.made, aliases: ['制卡成功', '已制', '成功'] },
  not_made_data_problem: {
    ...CARD_STATE_LABELS.not_made_data_problem,
    aliases: ['未制卡', '制卡失败', '信息有误', '信息问题', '失败'],
  },
};

/** N-2.3: the holder signs, or the unit's designated person signs on their behalf. */
export const SIGNER_KIND_LABELS: LabelMap<SignerKind> = {
  self: { zh: '本人', en: 'Self', aliases: ['本人签字', '本人签收', '本人领取', '本人签'] },
  proxy: {
    zh: '代签（单位指定专人）',
    en: "Proxy (the unit's designated person)",
    aliases: [
      '代签',
      '指定人员代签',
      '代签（指定人员）',
      '单位指定专人代签',
      '指定专人代签',
      '代领',
    ],
  },
};

export const GENDER_LABELS: LabelMap<(typeof GENDERS)[number]> = {
  male: { zh: '男', en: 'Male', aliases: ['男性', 'M'] },
  female: { zh: '女', en: 'Female', aliases: ['女性', 'F'] },
};

export const STUDY_STATUS_LABELS: LabelMap<(typeof STUDY_STATUSES)[number]> = {
  enrolled: { zh: '在读', en: 'Enrolled', aliases: ['在校', '在籍', '正常'] },
  deferred: { zh: '延期', en: 'Deferred', aliases: ['延期毕业', '延期学生', '延毕'] },
};

/** S-1.1: the kinds of other basic medical cover (公费医疗、职工医保、社会保险). */
export const OTHER_COVER_CELL_LABELS: LabelMap<OtherCover> = withAliases(OTHER_COVER_LABELS, {
  none: ['没有', '无其他保障'],
  public_medical: [],
  employee_medical: ['职工基本医疗保险', '城镇职工医保', '职工医疗保险'],
  other_social_insurance: ['其他'],
});

/** S-3.1 wording: 定点中医医疗机构、定点专科医疗机构及定点 A 类医疗机构 are common to everyone. */
export const INSTITUTION_KIND_LABELS: LabelMap<InstitutionKind> = {
  community_health: {
    zh: '社区卫生服务机构',
    en: 'Community health service',
    aliases: ['社区卫生服务中心', '社区卫生服务站', '社区'],
  },
  general: { zh: '综合医疗机构', en: 'General hospital', aliases: ['综合医院', '综合'] },
  tcm: { zh: '中医医疗机构', en: 'TCM institution', aliases: ['中医医院', '中医'] },
  specialist: { zh: '专科医疗机构', en: 'Specialist institution', aliases: ['专科医院', '专科'] },
  a_class: { zh: 'A类医疗机构', en: 'A-class institution', aliases: ['A类', 'A类定点医疗机构'] },
};

export const BOOLEAN_LABELS: LabelMap<'true' | 'false'> = {
  true: { zh: '是', en: 'Yes', aliases: ['对', 'Y', 'True', '1', '√', '✓', '✔'] },
  false: { zh: '否', en: 'No', aliases: ['不是', 'N', 'False', '0', '×', '✗', '✘'] },
};

/** Labels per enumerated column key. */
export const COLUMN_LABELS: Readonly<Record<string, LabelMap<string>>> = {
  idKind: ID_KIND_CELL_LABELS,
  category: CATEGORY_CELL_LABELS,
  subsidyFlags: SUBSIDY_FLAG_CELL_LABELS,
  state: VENDOR_STATE_CELL_LABELS,
  signer: SIGNER_KIND_LABELS,
  gender: GENDER_LABELS,
  studyStatus: STUDY_STATUS_LABELS,
  otherCover: OTHER_COVER_CELL_LABELS,
  designatedInstitutions: INSTITUTION_KIND_LABELS,
  fullTimeStudent: BOOLEAN_LABELS,
  declaresNoOtherCover: BOOLEAN_LABELS,
};

/**
 * The comparison form of a label or a header: full-width forms folded (NFKC), spaces, brackets,
 * `*` required markers and colons removed, lower case. 国籍(地区), 国籍（地区） and ＊国籍 地区
 * all compare equal.
 */
export function squashLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\uFEFF*:()[\]【】〔〕〈〉《》<>'"“”‘’]/g, '')
    .toLowerCase();
}

/** Index of every spelling of every value of a label map, built once per map. */
const INDEX = new WeakMap<LabelMap<string>, Map<string, string>>();

export function lookupLabel<T extends string>(labels: LabelMap<T>, text: string): T | undefined {
  let index = INDEX.get(labels);
  if (index === undefined) {
    index = new Map();
    for (const [value, label] of Object.entries<CellLabel>(labels)) {
      for (const spelling of [value, label.zh, label.en, ...(label.aliases ?? [])]) {
        index.set(squashLabel(spelling), value);
      }
    }
    INDEX.set(labels, index);
  }
  return index.get(squashLabel(text)) as T | undefined;
}

/** The primary Chinese and English labels, for "可填：…" in messages. */
export function labelChoices(labels: LabelMap<string>): { zh: string; en: string } {
  const all = Object.values<CellLabel>(labels);
  return { zh: all.map((l) => l.zh).join('、'), en: all.map((l) => l.en).join(', ') };
}

/**
 * Beijing's districts (区) by administrative code; each has a district social-insurance centre
 * (区县社保中心). The notice also names the Economic-Technological Development Area's centre,
 * which the project keeps as its own entry.
 */
export const BEIJING_DISTRICTS = [
  { code: '110101', zh: '东城区', en: 'Dongcheng' },
  { code: '110102', zh: '西城区', en: 'Xicheng' },
  { code: '110105', zh: '朝阳区', en: 'Chaoyang' },
  { code: '110106', zh: '丰台区', en: 'Fengtai' },
  { code: '110107', zh: '石景山区', en: 'Shijingshan' },
  { code: '110108', zh: '海淀区', en: 'Haidian' },
  { code: '110109', zh: '门头沟区', en: 'Mentougou' },
  { code: '110111', zh: '房山区', en: 'Fangshan' },
  { code: '110112', zh: '通州区', en: 'Tongzhou' },
  { code: '110113', zh: '顺义区', en: 'Shunyi' },
  { code: '110114', zh: '昌平区', en: 'Changping' },
  { code: '110115', zh: '大兴区', en: 'Daxing' },
  { code: '110116', zh: '怀柔区', en: 'Huairou' },
  { code: '110117', zh: '平谷区', en: 'Pinggu' },
  { code: '110118', zh: '密云区', en: 'Miyun' },
  { code: '110119', zh: '延庆区', en: 'Yanqing' },
  {
    code: '110192',
    zh: '北京经济技术开发区',
    en: 'Beijing Economic-Technological Development Area',
  },
] as const;
export type DistrictCode = (typeof BEIJING_DISTRICTS)[number]['code'];
export const DISTRICT_CODES = BEIJING_DISTRICTS.map((d) => d.code) as [
  DistrictCode,
  ...DistrictCode[],
];

export const UNIT_KINDS = [
  'street_office',
  'school',
  'kindergarten_childcare',
  'university',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { zh: string; en: string }> = {
  street_office: { zh: '街道（乡镇）社会保障事务所', en: 'Street office' },
  school: { zh: '学校', en: 'School' },
  kindergarten_childcare: { zh: '托幼机构', en: 'Kindergarten / childcare' },
  university: { zh: '高等院校', en: 'University' },
  other: { zh: '其他参保单位', en: 'Other insured unit' },
};

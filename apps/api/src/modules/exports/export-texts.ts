import { bi, type SignerKind } from '@sscard/rules';

/**
 * Every word the exported workbooks print, in one place: titles, column headers, labels, notes
 * and file names. Writers and services take their text from here, never inline. Status labels
 * of cards, batches, routes, categories, credentials and the student form's choices come from
 * @sscard/rules.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A font every Chinese Windows/WPS install has; LibreOffice substitutes a CJK font for it. */
export const FONT_NAME = '宋体';

/** Excel page-footer codes: &P the page, &N the number of pages. */
export const PAGE_FOOTER = '第 &P 页 / 共 &N 页';

/** Labels of the API's errors (404) and query fields (422). */
export const API_LABELS = {
  batch: { zh: '发放批次', en: 'Batch' },
  copy: { zh: '联次', en: 'Copy' },
} as const;

export const COMMON = {
  serial: '序号',
  name: '姓名',
  idNumber: '公民身份号码',
  cardNumber: '社会保障卡卡号',
  unitName: '参保单位',
  registrationCode: '社会保险登记证编码',
  batchNumber: '批次号',
  cardCount: '卡数',
  yes: '是',
  no: '否',
  nothing: '（无）',
  destination: { unit: '参保单位', district_centre: '区县社保中心' },
  madeOn: (today: string) => `制表日期：${today}`,
  unitLine: (name: string, code: string) => `参保单位：${name}　　社会保险登记证编码：${code}`,
  signHere: (who: string) => `${who}签字：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日`,
  cardsTotal: (n: number) => `合计：${n}张`,
  batchLine: (number: string, cards: number) => `批次号：${number}　　卡数：${cards}张`,
  noLines: '（无记录）',
} as const;

/** The receipt's copies (联). The notice names the first; the second is the unit's own. */
export const RECEIPT_COPIES = ['first', 'second'] as const;
export type ReceiptCopy = (typeof RECEIPT_COPIES)[number];

export const RECEIPT = {
  sheetName: '回执单',
  title: '北京市社会保障卡发行回执单',
  copies: {
    first: { mark: '第一联', use: '随未发出的社保卡退回区县社保中心（N-2.4c）', ascii: 'copy1' },
    second: { mark: '第二联', use: '参保单位留存', ascii: 'copy2' },
  } satisfies Record<ReceiptCopy, { mark: string; use: string; ascii: string }>,
  copyLine: (mark: string, use: string) => `【${mark}】${use}`,
  pageMark: (mark: string, use: string) => `${mark}　${use}`,
  batchLine: (number: string, route: string, centre: string) =>
    `发放批次：${number}　　发放方式：${route}　　区县社保中心：${centre}`,
  delivered: (receiver: string, phone: string, to: string) =>
    `送达：集成服务商送达${to}，接收人${receiver}（电话${phone}）`,
  deliveredNoReceiver: (to: string) => `送达：集成服务商送达${to}`,
  pickedUp: (collector: string, on: string, credential: string) =>
    `领取：${collector}于${on}凭${credential}领取`,
  notYetHandedOver: (state: string) => `交接：${state}`,
  designatedPerson: (name: string | null) =>
    `单位指定代签人：${name ?? '未指定'}（代领时由其签字，N-2.3）`,
  columns: {
    signature: '签字',
    signer: '本人/代领',
    signedOn: '签收日期',
  },
  signer: { self: '本人', proxy: '代领' } satisfies Record<SignerKind, string>,
  totals: (cards: number, signed: number, self: number, proxy: number, unsigned: number) =>
    `合计：${cards}张　　已签收：${signed}张（本人${self}张，代领${proxy}张）　　未签收：${unsigned}张`,
  returnNote: (from: string) =>
    `注：${from}起，第一联与未发出的社保卡一并退回区县社保中心，退回的社保卡转入二次发行库（N-2.4c）。`,
  clerk: '单位经办人',
  fileName: (batch: string, copy: ReceiptCopy) => ({
    zh: `北京市社会保障卡发行回执单_${batch}_${RECEIPT.copies[copy].mark}.xlsx`,
    ascii: `receipt_${batch}_${RECEIPT.copies[copy].ascii}.xlsx`,
  }),
} as const;

export const DELIVERY = {
  sheetName: '送达清单',
  title: '社会保障卡送达清单',
  intro: '符合制卡条件人数600人及以上的参保单位，由社会保障卡集成服务商直接送达（N-2.2a）。',
  receiver: (name: string, phone: string) => `接收人：${name}　　电话：${phone}`,
  noReceiver: '接收人：尚未指定（送达前须由参保单位指定专人接收，N-2.2a）',
  destination: (to: string | null) =>
    `送达地点：${to ?? '□ 参保单位　　□ 区县社保中心'}（以实际送达为准）`,
  checkColumn: '清点核对',
  signers: ['送达人', '接收人'],
  fileName: (batch: string) => ({
    zh: `社会保障卡送达清单_${batch}.xlsx`,
    ascii: `delivery-manifest_${batch}.xlsx`,
  }),
} as const;

export const PICKUP = {
  sheetName: '领取通知',
  title: '社会保障卡领取通知',
  intro: '符合制卡条件人数不足600人的参保单位，请在期限内到指定地点领取社保卡（N-2.2b）。',
  place: (place: string) => `领取地点：${place}`,
  deadline: (date: string) => `领取期限：${date}前（含当日）`,
  credentials: (list: string) => `届时须携带：${list}`,
  credentialJoin: '或',
  notSet: '未填写',
  checkColumn: '清点核对',
  signers: ['领取人', '区县社保中心经办人'],
  fileName: (batch: string) => ({
    zh: `社会保障卡领取通知_${batch}.xlsx`,
    ascii: `pickup-notice_${batch}.xlsx`,
  }),
} as const;

export const WRONG_ROUTE = {
  delivery: bi(
    '该批次由参保单位到指定地点领取（不足600人，N-2.2b），没有送达清单，请下载领取通知',
    'This batch is collected by the unit (fewer than 600, N-2.2b): it has no delivery manifest; download the pickup notice',
  ),
  pickup: bi(
    '该批次由集成服务商直接送达（600人及以上，N-2.2a），没有领取通知，请下载送达清单',
    'This batch is delivered by the vendor (600 or more, N-2.2a): it has no pickup notice; download the delivery manifest',
  ),
} as const;

export const RECONCILIATION = {
  title: '参保单位社保卡发放对账表',
  summarySheet: '对账汇总',
  detailSheet: '差异明细',
  detailTitle: '参保单位社保卡发放对账差异明细',
  rule: '对账规则：接收 = 已签收 + 已退回（+ 尚在单位）；每张卡或已签收、或已退回，不能两者都是，也不能两者都不是（N-2.4c）。',
  columns: {
    state: '批次状态',
    returnedOn: '退回日期',
    received: '接收',
    signed: '已签收',
    returned: '已退回',
    atUnit: '尚在单位',
    differences: '差异',
    result: '对账结果',
    cardState: '社保卡状态',
    explanation: '差异说明',
  },
  balanced: '平衡',
  unbalanced: '不平衡',
  total: '合计',
  neitherAtUnit: '尚在单位：未签收也未退回，须签收或随第一联退回',
  neither: '既未签收也未退回',
  both: '既已签收又已退回',
  noBatches: '（该单位没有已到单位或已退回的批次）',
  fileName: (code: string) => ({
    zh: `参保单位社保卡发放对账表_${code}.xlsx`,
    ascii: `reconciliation_${code}.xlsx`,
  }),
} as const;

export const POOL = {
  sheetName: '二次发行库',
  title: '社会保障卡二次发行库清单',
  scope: (centre: string) => `范围：${centre}`,
  allDistricts: '全市',
  columns: { unit: '制卡单位', batch: '原批次号', returnedOn: '退回日期' },
  guidance: (step: string) => `申领指引（N-2.4d）：${step}`,
  helpLine: (name: string, number: string) => `${name}：${number}`,
  servicePoints: (list: string) => `社会保障卡服务网点：${list}`,
  servicePoint: (name: string, address: string) => (address ? `${name}（${address}）` : name),
  servicePointJoin: '；',
  helpJoin: '　',
  fileName: (today: string) => ({
    zh: `社会保障卡二次发行库清单_${today}.xlsx`,
    ascii: `reissue-pool_${today}.xlsx`,
  }),
} as const;

export const OVERDUE = {
  pickup: {
    sheetName: '逾期未领取',
    title: '逾期未领取社保卡批次清单',
    rule: '领取通知的期限已过，参保单位仍未到指定地点领取（N-2.2b，N-3）。',
    deadline: '领取期限',
    ascii: 'pickup',
  },
  collection: {
    sheetName: '逾期未发放',
    title: '逾期未发放社保卡单位清单',
    rule: '家长领取期限已过，社保卡仍在原参保单位（N-2.4b，N-3）。',
    deadline: '领取截止日期',
    ascii: 'collection',
  },
  asOf: (today: string, deadline: string | null) =>
    `截至${today}${deadline ? `（期限${deadline}，含当日）` : ''}`,
  fileName: (kind: 'pickup' | 'collection', today: string) => ({
    zh: `${OVERDUE[kind].title}_${today}.xlsx`,
    ascii: `overdue-${OVERDUE[kind].ascii}_${today}.xlsx`,
  }),
} as const;

export const MISSING_INSTITUTION = {
  sheetName: '未选社区卫生服务机构',
  title: '未选择定点社区卫生服务机构人员名单',
  rule: (deadline: string | null) =>
    `城镇老年人和无业居民选择的定点医疗机构中应包括1家定点社区卫生服务机构；${
      deadline ? `请于${deadline}前（含当日）` : '请尽快'
    }到街道（乡镇）社会保障事务所办理选择变更手续（N-1.6）。`,
  policyYear: (year: number) => `政策年度：${year}`,
  columns: {
    category: '人员类别',
    unit: '参保单位',
    institutions: '已选定点医疗机构',
    deadline: '办理期限',
    status: '状态',
  },
  overdue: '已逾期',
  pending: '待办理',
  institutionJoin: '、',
  total: (n: number) => `合计：${n}人`,
  fileName: (year: number) => ({
    zh: `未选择定点社区卫生服务机构人员名单_${year}.xlsx`,
    ascii: `missing-community-institution_${year}.xlsx`,
  }),
} as const;

/** S-1.4: attachment 3 of the 2025 guide; its columns follow attachment 1's fields (S-1.2). */
export const COLLEGE_SUMMARY = {
  sheetName: '汇总表',
  intro: '附件3：由院（系）填写，与附件1、附件2一并提交（S-1.4，S-1.5）。',
  columns: {
    gender: '性别',
    birthDate: '出生日期',
    nationality: '国籍（地区）',
    idKind: '证件类型',
    idNumber: '证件号码',
    phone: '联系电话',
    college: '院（系）',
    className: '班级',
    studentNumber: '学号',
    studyStatus: '在读状态',
    fullTime: '全日制在校学生',
    otherCover: '其他基本医疗保障',
    declaration: '本人声明无其他医疗保障',
  },
  total: (n: number) => `合计：${n}人`,
} as const;

/** S-1.2: attachment 1, the student's registration form, as sscard fills it from stored data. */
export const REGISTRATION_FORM = {
  sheetName: '登记表',
  title: '个人参加城乡居民基本医疗保险信息登记表',
  info: (seq: number, college: string, policyYear: number) =>
    `附件1　　序号：${seq}　　院（系）：${college}　　参保年度：${policyYear}年`,
  person: '参保人基本信息',
  labels: {
    name: '姓名',
    gender: '性别',
    idKind: '证件类型',
    idNumber: '证件号码',
    birthDate: '出生日期',
    nationality: '国籍（地区）',
    phone: '联系电话',
    college: '院（系）',
    className: '班级',
    studentNumber: '学号',
    studyStatus: '在读状态',
    fullTime: '全日制在校学生',
    otherCover: '其他基本医疗保障',
  },
  declarationTitle: '本人声明（S-1.1）',
  declaredLabel: '无其他基本医疗保障',
  declared: (yes: boolean) => (yes ? '☑ 是　　☐ 否' : '☐ 是　　☑ 否'),
  signature: '本人签名',
  date: '日期',
  dateBlank: '＿＿＿＿年＿＿月＿＿日',
  note: (fileName: string) =>
    `请本人核对以上信息并签名，扫描或拍照后以《${fileName}》为文件名上传（S-1.2）；信息有误将无法办理。`,
} as const;

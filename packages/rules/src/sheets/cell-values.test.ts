import { describe, expect, it } from 'vitest';
import {
  booleanCell,
  cellText,
  codeCell,
  dateCell,
  enumCell,
  excelSerialToDate,
  FORMULA_MESSAGE,
  idNumberCell,
  institutionsCell,
  listCell,
  parseDateText,
  textCell,
} from './cell-values.js';
import {
  CATEGORY_CELL_LABELS,
  COLUMN_LABELS,
  type CellLabel,
  ID_KIND_CELL_LABELS,
  lookupLabel,
  SIGNER_KIND_LABELS,
  SUBSIDY_FLAG_CELL_LABELS,
  VENDOR_STATE_CELL_LABELS,
} from './sheet-labels.js';

const BIRTH = { zh: '出生日期', en: 'Birth date' };
const CARD = { zh: '卡号', en: 'Card number' };
const FLAGS = { zh: '补助标识', en: 'Subsidy flags' };

describe('ID numbers (S-1.3)', () => {
  it('keeps the text as typed for the schema to normalise (full-width digits, spaces, x)', () => {
    expect(idNumberCell(' １１０１０５ １９４９１２３１００２ｘ ')).toEqual({
      ok: true,
      value: '１１０１０５ １９４９１２３１００２ｘ',
    });
    expect(idNumberCell("'11010519491231002X")).toEqual({ ok: true, value: '11010519491231002X' });
    expect(idNumberCell('="11010519491231002X"')).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('refuses an 18-digit number cell: Excel has already dropped the last digits', () => {
    expect(idNumberCell(110105194912310000)).toEqual({
      ok: false,
      message:
        '证件号码是数值格式（读到 110105********0000），Excel 只保留 15 位有效数字，18 位号码的后几位已经丢失；请把该列设置为“文本”格式后重新录入号码 / The ID number is stored as a number (read as 110105********0000); Excel keeps only 15 significant digits, so the last digits of an 18-digit number are lost. Format the column as Text and enter the numbers again',
    });
  });

  it('a short number cell is exact, so it is read as text and checked as usual', () => {
    expect(idNumberCell(12345678)).toEqual({ ok: true, value: '12345678' });
  });

  it('a blank cell is undefined', () => {
    expect(idNumberCell(null)).toEqual({ ok: true, value: undefined });
    expect(idNumberCell('  ')).toEqual({ ok: true, value: undefined });
  });
});

describe('codes and text', () => {
  it('a long card number typed as a number is refused, a short one read exactly', () => {
    expect(codeCell(1234567890123456, CARD)).toEqual({
      ok: false,
      message:
        '卡号是数值格式（读到 1234567890123456），Excel 只保留 15 位有效数字，后几位已经丢失；请把该列设置为“文本”格式后重新录入 / Card number is stored as a number (read as 1234567890123456); Excel keeps only 15 significant digits, so the last digits are lost. Format the column as Text and enter it again',
    });
    expect(codeCell(13800138000, { zh: '联系电话', en: 'Phone' })).toEqual({
      ok: true,
      value: '13800138000',
    });
  });

  it('a date or TRUE where text belongs is refused with what was read', () => {
    expect(textCell(new Date(Date.UTC(2025, 0, 3)), { zh: '班级', en: 'Class' })).toEqual({
      ok: false,
      message:
        '班级应为文字，读到的是日期 2025-01-03（Excel 把内容自动转成了日期）；请把该列设置为“文本”格式后重新填写 / Class must be text but the cell is the date 2025-01-03 (Excel turned it into a date); format the column as Text and enter it again',
    });
    expect(textCell(true, { zh: '姓名', en: 'Name' })).toEqual({
      ok: false,
      message: '姓名应为文字，读到的是逻辑值 TRUE / Name must be text, not the logical value TRUE',
    });
  });

  it('formula and error cells are refused in every kind of column', () => {
    const formula = { formula: 'A2&B2' };
    const error = { error: '#N/A' };
    const errorMessage =
      '单元格是错误值 #N/A，请改为实际内容 / The cell holds the error value #N/A: enter the actual value';
    expect(FORMULA_MESSAGE).toBe(
      '单元格含公式，请复制后“选择性粘贴为数值” / The cell contains a formula: copy it and paste it back with Paste Special → Values',
    );
    for (const read of [
      (c: typeof formula | typeof error) => textCell(c, CARD),
      (c: typeof formula | typeof error) => idNumberCell(c),
      (c: typeof formula | typeof error) => dateCell(c, BIRTH),
      (c: typeof formula | typeof error) => enumCell(c, CATEGORY_CELL_LABELS, CARD),
      (c: typeof formula | typeof error) => listCell(c, SUBSIDY_FLAG_CELL_LABELS, FLAGS),
      (c: typeof formula | typeof error) => booleanCell(c, CARD),
      (c: typeof formula | typeof error) => institutionsCell(c, CARD),
    ]) {
      expect(read(formula)).toEqual({ ok: false, message: FORMULA_MESSAGE });
      expect(read(error)).toEqual({ ok: false, message: errorMessage });
    }
    expect(cellText(formula)).toBe('=A2&B2');
    expect(cellText(error)).toBe('#N/A');
  });
});

describe('dates', () => {
  it('accepts each written form, with full-width digits and a midnight time', () => {
    for (const text of [
      '2010-05-01',
      '2010/5/1',
      '2010.5.1',
      '2010年5月1日',
      '2010年05月01日',
      '２０１０年５月１日',
      '20100501',
      '2010-5-1',
      '2010-05-01 00:00:00',
      '2010/5/1 0:00',
    ]) {
      expect([text, dateCell(text, BIRTH)]).toEqual([text, { ok: true, value: '2010-05-01' }]);
    }
  });

  it('a date cell is its calendar date (exceljs reads serials as UTC midnight)', () => {
    expect(dateCell(new Date(Date.UTC(2010, 4, 1)), BIRTH)).toEqual({
      ok: true,
      value: '2010-05-01',
    });
  });

  it('a bare number is refused, naming the date it probably means (Excel 1900 serial)', () => {
    expect(dateCell(40299, BIRTH)).toEqual({
      ok: false,
      message:
        '出生日期是数字 40299，不是日期。它可能是 Excel 日期序列号，对应 2010-05-01；请把单元格设置为日期格式，或直接写成 2010-05-01 / Birth date is the number 40299, not a date. It may be an Excel date serial number for 2010-05-01; format the cell as a date or write 2010-05-01',
    });
    expect(dateCell(-3, BIRTH)).toEqual({
      ok: false,
      message:
        '出生日期是数字 -3，不是日期；请写成 2010-05-01、2010/5/1、2010.5.1、2010年5月1日 或 20100501 / Birth date is the number -3, not a date; write 2010-05-01, 2010/5/1, 2010.5.1, 2010年5月1日 or 20100501',
    });
  });

  it('an 8-digit number is read as YYYYMMDD (as a serial it would be past 9999-12-31)', () => {
    expect(dateCell(20100501, BIRTH)).toEqual({ ok: true, value: '2010-05-01' });
  });

  it('Excel serials: 1 is 1900-01-01, 60 is the phantom 1900-02-29, 61 is 1900-03-01', () => {
    expect(excelSerialToDate(1)).toBe('1900-01-01');
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(60)).toBeUndefined();
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(45658.75)).toBe('2025-01-01');
    expect(excelSerialToDate(2_958_466)).toBeUndefined();
  });

  it('refuses text that is not a date, and dates that do not exist', () => {
    expect(dateCell('5/1/2010', BIRTH)).toEqual({
      ok: false,
      message:
        '出生日期“5/1/2010”不是可识别的日期，请写成 2010-05-01、2010/5/1、2010.5.1、2010年5月1日 或 20100501 / Birth date "5/1/2010" is not a recognised date; write 2010-05-01, 2010/5/1, 2010.5.1, 2010年5月1日 or 20100501',
    });
    expect(dateCell('2010年2月30日', BIRTH)).toEqual({
      ok: false,
      message:
        '出生日期“2010年2月30日”不是真实存在的日期 / Birth date "2010年2月30日" is not a real date',
    });
    expect(parseDateText('2010-05/01')).toEqual({ problem: 'format' });
    expect(parseDateText('2010-05-01T08:00:00Z')).toEqual({ problem: 'format' });
  });
});

describe('enumerations: every label maps to its value', () => {
  it('each value key, Chinese label, English label and alias of every column', () => {
    for (const [column, labels] of Object.entries(COLUMN_LABELS)) {
      for (const [value, label] of Object.entries<CellLabel>(labels)) {
        for (const spelling of [value, label.zh, label.en, ...(label.aliases ?? [])]) {
          expect([column, spelling, lookupLabel(labels, spelling)]).toEqual([
            column,
            spelling,
            value,
          ]);
        }
      }
    }
  });

  it('the labels the rules package already uses come first', () => {
    expect(lookupLabel(CATEGORY_CELL_LABELS, '城镇老年人')).toBe('elderly');
    expect(lookupLabel(CATEGORY_CELL_LABELS, '老年人')).toBe('elderly');
    expect(lookupLabel(CATEGORY_CELL_LABELS, '学生儿童')).toBe('student_child');
    expect(lookupLabel(ID_KIND_CELL_LABELS, '居民身份证')).toBe('resident');
    expect(lookupLabel(ID_KIND_CELL_LABELS, '港澳台居民居住证')).toBe('hk_mo_tw_permit');
    expect(lookupLabel(VENDOR_STATE_CELL_LABELS, '未制卡')).toBe('not_made_data_problem');
    expect(lookupLabel(SIGNER_KIND_LABELS, '代签(指定人员)')).toBe('proxy');
    expect(lookupLabel(SIGNER_KIND_LABELS, ' 本 人 ')).toBe('self');
  });

  it('an unknown label lists the Chinese and English choices', () => {
    expect(enumCell('教师', CATEGORY_CELL_LABELS, { zh: '人员类别', en: 'Category' })).toEqual({
      ok: false,
      message:
        '人员类别“教师”无法识别，可填：城镇老年人、学生儿童、城镇无业居民、残疾的无业居民 / Category "教师" is not recognised; use one of: Urban elderly, Students and children, Unemployed urban residents, Disabled unemployed residents',
    });
  });

  it('yes/no cells take 是/否, Y/N, 1/0, ✓/× and logical cells', () => {
    const label = { zh: '是否全日制', en: 'Full-time student' };
    expect(['是', 'Y', 'yes', '1', '√', true].map((c) => booleanCell(c, label))).toEqual(
      Array(6).fill({ ok: true, value: true }),
    );
    expect(['否', 'n', 'FALSE', '0', '×', false].map((c) => booleanCell(c, label))).toEqual(
      Array(6).fill({ ok: true, value: false }),
    );
    expect(booleanCell('也许', label)).toEqual({
      ok: false,
      message:
        '是否全日制“也许”无法识别，可填：是、否 / Full-time student "也许" is not recognised; use one of: Yes, No',
    });
  });
});

describe('subsidy-flag lists (N-1.4b)', () => {
  it('splits on 、,，;；/ and spaces', () => {
    expect(listCell('低保、重度残疾老年人', SUBSIDY_FLAG_CELL_LABELS, FLAGS)).toEqual({
      ok: true,
      value: ['minimum_living_allowance', 'severely_disabled_elderly'],
    });
    for (const sep of [',', '，', ';', '；', '/', ' ', ' 、 ']) {
      expect(listCell(`低保${sep}重度残疾少年儿童`, SUBSIDY_FLAG_CELL_LABELS, FLAGS)).toEqual({
        ok: true,
        value: ['minimum_living_allowance', 'severely_disabled_minor'],
      });
    }
  });

  it('无 or a dash is an empty list; a blank cell is undefined (the schema defaults to [])', () => {
    expect(listCell('无', SUBSIDY_FLAG_CELL_LABELS, FLAGS)).toEqual({ ok: true, value: [] });
    expect(listCell('—', SUBSIDY_FLAG_CELL_LABELS, FLAGS)).toEqual({ ok: true, value: [] });
    expect(listCell(null, SUBSIDY_FLAG_CELL_LABELS, FLAGS)).toEqual({ ok: true, value: undefined });
  });

  it('names the items it cannot read', () => {
    expect(listCell('低保、五保户、特困', SUBSIDY_FLAG_CELL_LABELS, FLAGS)).toEqual({
      ok: false,
      message:
        '补助标识“五保户、特困”无法识别，可填：享受城乡居民最低生活保障待遇人员、重度残疾无业居民、重度残疾老年人、重度残疾少年儿童 / Subsidy flags "五保户、特困" is not recognised; use one of: Recipient of the minimum living allowance, Severely disabled unemployed resident, Severely disabled elderly person, Severely disabled minor',
    });
  });
});

describe('designated institutions (S-3.1, N-1.6)', () => {
  const label = { zh: '定点医疗机构', en: 'Designated institutions' };

  it('reads "编码（类别）" items', () => {
    expect(
      institutionsCell('110105001（社区卫生服务机构）、 110105002 (综合医院)；A003(中医)', label),
    ).toEqual({
      ok: true,
      value: [
        { code: '110105001', kind: 'community_health' },
        { code: '110105002', kind: 'general' },
        { code: 'A003', kind: 'tcm' },
      ],
    });
  });

  it('refuses an item without its kind, showing the expected form', () => {
    expect(institutionsCell('110105001', label)).toEqual({
      ok: false,
      message:
        '定点医疗机构“110105001”应写成“编码（类别）”，如 110105001（社区卫生服务机构），多个用顿号分隔；类别可填：社区卫生服务机构、综合医疗机构、中医医疗机构、专科医疗机构、A类医疗机构 / Designated institutions "110105001" must be written "code (kind)", e.g. 110105001（社区卫生服务机构）, several separated by 、; kinds: Community health service, General hospital, TCM institution, Specialist institution, A-class institution',
    });
  });
});

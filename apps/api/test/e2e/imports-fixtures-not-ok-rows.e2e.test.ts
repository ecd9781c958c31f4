import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullIdNumbersIn } from '../distribution-fixtures.js';
import { seedBasics, type BasicWorld } from '../fixtures.js';
import { notOkFixture as fixture } from '../import-fixture-world.js';
import { dryRun, issues } from '../import-helpers.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * The roster files of test/fixtures/import/not-ok (see its README) that the rules refuse row by
 * row, through the HTTP API: every problem on its cell with the exact message, ID numbers
 * masked, nothing written. The LibreOffice-saved copies of the exceljs files must read the same
 * (LibreOffice writes its own XML for formulas, date cells and strings).
 */
let t: TestApp;
let w: BasicWorld;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-01-15' });
  w = await seedBasics(t);
});
afterAll(() => t?.close());

type Problem = [row: number, column: string, value: string, message: string];

const FORMULA =
  '单元格含公式，请复制后“选择性粘贴为数值” / The cell contains a formula: copy it and paste it back with Paste Special → Values';

interface Expected {
  rowsRead: number;
  rowsValid: number;
  /** [row, column as in the file, value (IDs masked), message] per problem, in row order. */
  issues: Problem[];
}

const DATES_SERIAL: Expected = {
  rowsRead: 3,
  rowsValid: 2,
  issues: [
    [
      2,
      '出生日期',
      '18263',
      '出生日期是数字 18263，不是日期。它可能是 Excel 日期序列号，对应 1949-12-31；请把单元格设置为日期格式，或直接写成 1949-12-31 / Birth date is the number 18263, not a date. It may be an Excel date serial number for 1949-12-31; format the cell as a date or write 1949-12-31',
    ],
  ],
};

const DATES_TEXT_BAD: Expected = {
  rowsRead: 4,
  rowsValid: 0,
  issues: [
    [
      2,
      '出生日期',
      '1949-13-01',
      '出生日期“1949-13-01”不是真实存在的日期 / Birth date "1949-13-01" is not a real date',
    ],
    [
      3,
      '出生日期',
      '01/09/2015',
      '出生日期“01/09/2015”不是可识别的日期，请写成 2010-05-01、2010/5/1、2010.5.1、2010年5月1日 或 20100501 / Birth date "01/09/2015" is not a recognised date; write 2010-05-01, 2010/5/1, 2010.5.1, 2010年5月1日 or 20100501',
    ],
    [
      4,
      '出生日期',
      '1980年2月30日',
      '出生日期“1980年2月30日”不是真实存在的日期 / Birth date "1980年2月30日" is not a real date',
    ],
    [
      5,
      '出生日期',
      '去年',
      '出生日期“去年”不是可识别的日期，请写成 2010-05-01、2010/5/1、2010.5.1、2010年5月1日 或 20100501 / Birth date "去年" is not a recognised date; write 2010-05-01, 2010/5/1, 2010.5.1, 2010年5月1日 or 20100501',
    ],
  ],
};

const ROW_PROBLEMS: Record<string, Expected> = {
  // LibreOffice keeps the numbers and texts as they were: the same problems, word for word.
  'dates-serial.xlsx': DATES_SERIAL,
  'dates-serial-libreoffice.xlsx': DATES_SERIAL,
  'dates-text-bad.xlsx': DATES_TEXT_BAD,
  'dates-text-bad-libreoffice.xlsx': DATES_TEXT_BAD,
  'bad-rows.xlsx': {
    rowsRead: 7,
    rowsValid: 0,
    issues: [
      [
        2,
        '公民身份号码',
        '110105********002X',
        '证件号码与第5行重复：同一人在一个文件中只能出现一次 / The ID number repeats row 5: a person may appear only once in a file',
      ],
      [
        3,
        '公民身份号码',
        '110105********0021',
        '校验码错误（应为 X） / Check digit mismatch (expected X)',
      ],
      [
        4,
        '人员类别',
        '教师',
        '人员类别“教师”无法识别，可填：城镇老年人、学生儿童、城镇无业居民、残疾的无业居民 / Category "教师" is not recognised; use one of: Urban elderly, Students and children, Unemployed urban residents, Disabled unemployed residents',
      ],
      [
        5,
        '公民身份号码',
        '110105********002X',
        '证件号码与第2行重复：同一人在一个文件中只能出现一次 / The ID number repeats row 2: a person may appear only once in a file',
      ],
      [
        6,
        '公民身份号码',
        '110105********0000',
        '证件号码是数值格式（读到 110105********0000），Excel 只保留 15 位有效数字，18 位号码的后几位已经丢失；请把该列设置为“文本”格式后重新录入号码 / The ID number is stored as a number (read as 110105********0000); Excel keeps only 15 significant digits, so the last digits of an 18-digit number are lost. Format the column as Text and enter the numbers again',
      ],
      [7, '姓名', '', '姓名不能为空 / Name is required'],
      [
        8,
        '出生日期',
        '1981-03-15',
        '出生日期与证件号码不符（证件号码为1980-03-15） / Birth date does not match the ID number (1980-03-15)',
      ],
      [
        8,
        '补助标识',
        '五保户',
        '补助标识“五保户”无法识别，可填：享受城乡居民最低生活保障待遇人员、重度残疾无业居民、重度残疾老年人、重度残疾少年儿童 / Subsidy flags "五保户" is not recognised; use one of: Recipient of the minimum living allowance, Severely disabled unemployed resident, Severely disabled elderly person, Severely disabled minor',
      ],
    ],
  },
  'formulas.xlsx': {
    rowsRead: 3,
    rowsValid: 0,
    issues: [
      [2, '姓名', '=TRIM(" 张三 ")', FORMULA],
      [2, '人员类别', '="城镇老年人"', FORMULA],
      [3, '人员类别', '=', FORMULA],
      [
        4,
        '出生日期',
        '#N/A',
        '单元格是错误值 #N/A，请改为实际内容 / The cell holds the error value #N/A: enter the actual value',
      ],
      [4, '人员类别', '=', FORMULA],
    ],
  },
  // LibreOffice writes no shared formulas (each cell has its own) and turns the error constant
  // #N/A into a formula cell (<f>#N/A</f>): reported as a formula.
  'formulas-libreoffice.xlsx': {
    rowsRead: 3,
    rowsValid: 0,
    issues: [
      [2, '姓名', '=TRIM(" 张三 ")', FORMULA],
      [2, '人员类别', '="城镇老年人"', FORMULA],
      [3, '人员类别', '="城镇老年人"', FORMULA],
      [4, '出生日期', '=#N/A', FORMULA],
      [4, '人员类别', '="城镇老年人"', FORMULA],
    ],
  },
};

const nothingWritten = async () => {
  const [row] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM resident');
  expect(row?.n).toBe(0);
};

describe('not-ok/ files refused row by row', () => {
  it.each(Object.entries(ROW_PROBLEMS))('%s', async (name, expected) => {
    const job = await dryRun(t, w.tokens.unitA, { kind: 'roster', file: fixture(name), name });
    expect(job).toMatchObject({
      state: 'invalid',
      rowsRead: expected.rowsRead,
      rowsValid: expected.rowsValid,
      issueCount: expected.issues.length,
    });
    const found = await issues(t, w.tokens.unitA, job.id);
    expect(found.map((i) => [i.row, i.column, i.value, i.message])).toEqual(expected.issues);
    expect(fullIdNumbersIn(found)).toEqual([]);
    await nothingWritten();
  });
});

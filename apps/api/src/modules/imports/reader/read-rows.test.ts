import { fileURLToPath } from 'node:url';
import {
  type CellIssue,
  type CellValue,
  duplicateRowIssue,
  type ImportKind,
  matchHeaders,
  parseImportRow,
} from '@sscard/rules';
import { describe, expect, it } from 'vitest';
import { readRows } from './read-rows.js';
import { DEFAULT_SHEET_LIMITS, SheetRejected, type SheetLimits } from './sheet-limits.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../test/fixtures/import/', import.meta.url));
const at = (name: string) => `${FIXTURES}${name}`;
const limits = (o: Partial<SheetLimits> = {}): SheetLimits => ({ ...DEFAULT_SHEET_LIMITS, ...o });
const formatOf = (name: string) => (name.endsWith('.csv') ? 'csv' : 'xlsx');

async function rows(name: string, o: Partial<SheetLimits> = {}) {
  const out: { rowNo: number; cells: CellValue[] }[] = [];
  for await (const batch of readRows(at(name), formatOf(name), limits(o))) out.push(...batch);
  return out;
}

async function refusal(name: string, o: Partial<SheetLimits> = {}) {
  try {
    await rows(name, o);
  } catch (error) {
    if (error instanceof SheetRejected) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a SheetRejected');
}

/** What the import job does: header → matchHeaders, then parseImportRow and duplicates by key. */
async function importFile(kind: ImportKind, name: string) {
  const [header, ...data] = await rows(name);
  if (header === undefined) throw new Error('no header');
  const match = matchHeaders(kind, header.cells);
  if (!match.ok) return { headerRow: header.rowNo, problems: match.problems };
  const seen = new Map<string, number>();
  const values: unknown[] = [];
  const issues: (CellIssue & { row: number })[] = [];
  for (const { rowNo, cells } of data) {
    const parsed = parseImportRow(kind, match.columns, cells, match.headers);
    if (!parsed.ok) {
      issues.push(...parsed.issues.map((i) => ({ row: rowNo, ...i })));
      continue;
    }
    const first = seen.get(parsed.key);
    if (first !== undefined) {
      const dup = duplicateRowIssue(kind, match.columns, cells, first, match.headers);
      issues.push({ row: rowNo, ...dup });
      continue;
    }
    seen.set(parsed.key, rowNo);
    values.push(parsed.value);
  }
  return { headerRow: header.rowNo, rowNos: data.map((r) => r.rowNo), values, issues };
}

const ROSTER_KEYS = [
  '11010519491231002X',
  '110108201509010029',
  '110105198003150119',
  '110105197511200237',
  '110108195001010345',
];

describe('readRows on the files that import cleanly', () => {
  it.each([
    ['ok/roster-exceljs.xlsx', 1],
    ['ok/roster-libreoffice.xlsx', 1],
    ['ok/roster-wps-style.xlsx', 3],
    ['ok/roster-utf8-bom.csv', 1],
    ['ok/roster-gb18030.csv', 1],
  ])('%s: five people, header at row %i', async (name, headerRow) => {
    const result = await importFile('roster', name);
    expect(result).toMatchObject({ headerRow, issues: [] });
    expect((result.values ?? []).map((v) => (v as { idNumber: string }).idNumber)).toEqual(
      ROSTER_KEYS,
    );
    expect(result.values?.[4]).toMatchObject({
      name: '陈七',
      birthDate: '1950-01-01',
      category: 'elderly',
      subsidyFlags: ['minimum_living_allowance', 'severely_disabled_elderly'],
    });
  });

  it('roster-wps-style.xlsx: title rows are skipped, rich text and dates in five forms read', async () => {
    const read = await rows('ok/roster-wps-style.xlsx');
    expect(read.map((r) => r.rowNo)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(read[5]?.cells[1]).toBe('陈七');
    expect(read[1]?.cells[7]).toBe('见附件');
    const result = await importFile('roster', 'ok/roster-wps-style.xlsx');
    expect((result.values ?? []).map((v) => (v as { birthDate: string }).birthDate)).toEqual([
      '1949-12-31',
      '2015-09-01',
      '1980-03-15',
      '1975-11-20',
      '1950-01-01',
    ]);
  });

  it('roster-utf8-bom.csv: a quoted cell keeps its comma, "" and CRLF; the blank last line is skipped', async () => {
    const read = await rows('ok/roster-utf8-bom.csv');
    expect(read[0]?.cells[0]).toBe('姓名');
    expect(read[1]?.cells[5]).toBe('住址：朝阳区"幸福"小区,3号楼\r\n二单元');
    expect(read.map((r) => r.rowNo)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('roster-trailing-blank-rows.xlsx: 5,000 formatted blank rows are neither rows nor an error', async () => {
    const read = await rows('ok/roster-trailing-blank-rows.xlsx', { maxRows: 3 });
    expect(read.map((r) => r.rowNo)).toEqual([1, 2, 3, 4]);
  });

  it('vendor-cards.xlsx (N-2.4a, N-2.6)', async () => {
    const result = await importFile('vendor_cards', 'ok/vendor-cards.xlsx');
    expect(result.issues).toEqual([]);
    expect(result.values).toMatchObject([
      { cardNumber: 'A10000001', state: 'made', madeForUnitCode: 'U110105001' },
      { cardNumber: 'A10000002', state: 'made' },
      { state: 'not_made_data_problem', problem: '照片不合格' },
    ]);
  });

  it('signatures.xlsx (N-2.3)', async () => {
    const result = await importFile('signatures', 'ok/signatures.xlsx');
    expect(result.issues).toEqual([]);
    expect(result.values).toEqual([
      {
        cardNumber: 'A10000001',
        holderName: '张三',
        signer: 'self',
        signerName: '张三',
        signedOn: '2011-01-10',
      },
      {
        cardNumber: 'A10000002',
        holderName: '李小红',
        signer: 'proxy',
        signerName: '李老师',
        signedOn: '2011-01-12',
      },
    ]);
  });

  it('students.xlsx (S-1.2, S-1.3): under a merged title, a residence-permit holder too', async () => {
    const result = await importFile('students', 'ok/students.xlsx');
    expect(result).toMatchObject({ headerRow: 2, rowNos: [3, 4, 5], issues: [] });
    expect(result.values).toMatchObject([
      { name: '王小明', idKind: 'resident', gender: 'male', studyStatus: 'enrolled' },
      { name: '陈美玲', idKind: 'hk_mo_tw_permit', gender: 'female', birthDate: '2005-07-08' },
      { name: '李华', birthDate: '2004-12-01', studyStatus: 'deferred', phone: '13800138002' },
    ]);
  });
});

describe('readRows and the rules on the files with problems', () => {
  it('header-missing-id.xlsx', async () => {
    expect(await importFile('roster', 'not-ok/header-missing-id.xlsx')).toEqual({
      headerRow: 1,
      problems: [
        '缺少必需的列“公民身份号码”（也可写作：身份证号、身份证号码、证件号码） / The required column "ID number" (公民身份号码) is missing',
      ],
    });
  });

  it('unknown-header.xlsx', async () => {
    expect(await importFile('roster', 'not-ok/unknown-header.xlsx')).toEqual({
      headerRow: 1,
      problems: [
        '第D列的表头“家庭住址”无法识别；参保人员花名册可用的列：姓名、证件类型、公民身份号码、出生日期、人员类别、补助标识、定点医疗机构、班级。不需要的列请删除 / The header "家庭住址" of column D is not recognised; the columns of the enrolment roster are: Name, ID kind, ID number, Birth date, Category, Subsidy flags, Designated institutions, Class. Delete columns that are not needed',
      ],
    });
  });

  it('formulas.xlsx: formulas (shared ones too) and an error value are refused per cell', async () => {
    const read = await rows('not-ok/formulas.xlsx');
    expect(read[1]?.cells[1]).toEqual({ formula: 'TRIM(" 张三 ")' });
    expect(read[2]?.cells[4]).toEqual({ formula: '' });
    expect(read[3]?.cells[3]).toEqual({ error: '#N/A' });
    const { issues } = await importFile('roster', 'not-ok/formulas.xlsx');
    const formula =
      '单元格含公式，请复制后“选择性粘贴为数值” / The cell contains a formula: copy it and paste it back with Paste Special → Values';
    expect(issues).toEqual([
      { row: 2, columnIndex: 1, column: '姓名', value: '=TRIM(" 张三 ")', message: formula },
      { row: 2, columnIndex: 4, column: '人员类别', value: '="城镇老年人"', message: formula },
      { row: 3, columnIndex: 4, column: '人员类别', value: '=', message: formula },
      {
        row: 4,
        columnIndex: 3,
        column: '出生日期',
        value: '#N/A',
        message:
          '单元格是错误值 #N/A，请改为实际内容 / The cell holds the error value #N/A: enter the actual value',
      },
      { row: 4, columnIndex: 4, column: '人员类别', value: '=', message: formula },
    ]);
  });

  it('dates-serial.xlsx: a bare serial names its date; 20150901 is read as YYYYMMDD', async () => {
    const { issues, values } = await importFile('roster', 'not-ok/dates-serial.xlsx');
    expect(issues).toEqual([
      {
        row: 2,
        columnIndex: 3,
        column: '出生日期',
        value: '18263',
        message:
          '出生日期是数字 18263，不是日期。它可能是 Excel 日期序列号，对应 1949-12-31；请把单元格设置为日期格式，或直接写成 1949-12-31 / Birth date is the number 18263, not a date. It may be an Excel date serial number for 1949-12-31; format the cell as a date or write 1949-12-31',
      },
    ]);
    expect(values).toMatchObject([{ birthDate: '2015-09-01' }, { birthDate: '1980-03-15' }]);
  });

  it('dates-text-bad.xlsx: text that is not a date, and dates that do not exist', async () => {
    const { issues } = await importFile('roster', 'not-ok/dates-text-bad.xlsx');
    const forms = '请写成 2010-05-01、2010/5/1、2010.5.1、2010年5月1日 或 20100501 / Birth date';
    expect((issues ?? []).map((i) => [i.row, i.value, i.message])).toEqual([
      [
        2,
        '1949-13-01',
        '出生日期“1949-13-01”不是真实存在的日期 / Birth date "1949-13-01" is not a real date',
      ],
      [
        3,
        '01/09/2015',
        `出生日期“01/09/2015”不是可识别的日期，${forms} "01/09/2015" is not a recognised date; write 2010-05-01, 2010/5/1, 2010.5.1, 2010年5月1日 or 20100501`,
      ],
      [
        4,
        '1980年2月30日',
        '出生日期“1980年2月30日”不是真实存在的日期 / Birth date "1980年2月30日" is not a real date',
      ],
      [
        5,
        '去年',
        `出生日期“去年”不是可识别的日期，${forms} "去年" is not a recognised date; write 2010-05-01, 2010/5/1, 2010.5.1, 2010年5月1日 or 20100501`,
      ],
    ]);
  });

  it('bad-rows.xlsx: one mistake per row, the duplicate ID named against its first row', async () => {
    const { issues, values } = await importFile('roster', 'not-ok/bad-rows.xlsx');
    expect(values).toHaveLength(1);
    expect((issues ?? []).map((i) => [i.row, i.columnIndex, i.column, i.value, i.message])).toEqual(
      [
        [
          3,
          2,
          '公民身份号码',
          '110105********0021',
          '校验码错误（应为 X） / Check digit mismatch (expected X)',
        ],
        [
          4,
          4,
          '人员类别',
          '教师',
          '人员类别“教师”无法识别，可填：城镇老年人、学生儿童、城镇无业居民、残疾的无业居民 / Category "教师" is not recognised; use one of: Urban elderly, Students and children, Unemployed urban residents, Disabled unemployed residents',
        ],
        [
          5,
          2,
          '公民身份号码',
          '110105********002X',
          '证件号码与第2行重复：同一人在一个文件中只能出现一次 / The ID number repeats row 2: a person may appear only once in a file',
        ],
        [
          6,
          2,
          '公民身份号码',
          '110105********0000',
          '证件号码是数值格式（读到 110105********0000），Excel 只保留 15 位有效数字，18 位号码的后几位已经丢失；请把该列设置为“文本”格式后重新录入号码 / The ID number is stored as a number (read as 110105********0000); Excel keeps only 15 significant digits, so the last digits of an 18-digit number are lost. Format the column as Text and enter the numbers again',
        ],
        [7, 1, '姓名', '', '姓名不能为空 / Name is required'],
        [
          8,
          3,
          '出生日期',
          '1981-03-15',
          '出生日期与证件号码不符（证件号码为1980-03-15） / Birth date does not match the ID number (1980-03-15)',
        ],
        [
          8,
          5,
          '补助标识',
          '五保户',
          '补助标识“五保户”无法识别，可填：享受城乡居民最低生活保障待遇人员、重度残疾无业居民、重度残疾老年人、重度残疾少年儿童 / Subsidy flags "五保户" is not recognised; use one of: Recipient of the minimum living allowance, Severely disabled unemployed resident, Severely disabled elderly person, Severely disabled minor',
        ],
      ],
    );
  });

  it('too-many-rows.xlsx: the read stops at the first row over the cap', async () => {
    expect(await refusal('not-ok/too-many-rows.xlsx', { maxRows: 25 })).toEqual({
      code: 'too_many_rows',
      message:
        '数据超过 25 行的上限（第27行是第 26 条数据），已停止读取。请拆分成多个文件后分别上传 / There are more than 25 data rows (row 27 is data row 26), so reading stopped. Split the data into several files and upload them one by one',
    });
    expect(await rows('not-ok/too-many-rows.xlsx', { maxRows: 30 })).toHaveLength(31);
  });

  it('empty.xlsx: the reader refuses an empty first sheet too', async () => {
    expect(await refusal('not-ok/empty.xlsx')).toEqual({
      code: 'empty_sheet',
      message:
        '第一张工作表“Sheet1”是空的。导入只读取第一张工作表，请把数据放在第一张工作表中后重新上传 / The first sheet "Sheet1" is empty. Only the first sheet is imported: put the data there and upload again',
    });
  });
});

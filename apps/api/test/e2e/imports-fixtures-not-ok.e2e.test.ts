import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullIdNumbersIn } from '../distribution-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { dryRun, issues } from '../import-helpers.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * Every file of test/fixtures/import/not-ok (see its README) through the HTTP API, with the
 * exact messages: a file refused as a whole is 'invalid' with the reason as its message and no
 * row problems; a file the rules refuse row by row lists every problem on its cell. Nothing is
 * written either way. IMPORT_MAX_ROWS is 25 here, for too-many-rows.xlsx (30 rows).
 */
const NOT_OK = new URL('../../../../test/fixtures/import/not-ok/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, NOT_OK));

let t: TestApp;
let w: BasicWorld;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-01-15', IMPORT_MAX_ROWS: '25' });
  w = await seedBasics(t);
});
afterAll(() => t?.close());

const nothingWritten = async () => {
  const [row] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM resident');
  expect(row?.n).toBe(0);
};

const WHOLE_FILE: [string, string][] = [
  [
    'empty.xlsx',
    '第一张工作表“Sheet1”是空的。导入只读取第一张工作表，请把数据放在第一张工作表中后重新上传 / The first sheet "Sheet1" is empty. Only the first sheet is imported: put the data there and upload again',
  ],
  [
    'fake-xls.xls',
    '文件扩展名是 .xls，但内容不是 Excel 工作簿（常见于其他系统导出的网页或文本）。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后上传 / The file is named .xls but its content is not an Excel workbook (often a web page or text exported by another system). Open it in Excel or WPS, "Save As" an Excel workbook (.xlsx) and upload that',
  ],
  [
    'header-missing-id.xlsx',
    '缺少必需的列“公民身份号码”（也可写作：身份证号、身份证号码、证件号码） / The required column "ID number" (公民身份号码) is missing',
  ],
  [
    'hidden-sheet.xlsx',
    '工作簿中有隐藏的工作表：“字典”、“备用”。导入只读取第一张工作表，隐藏的工作表可能含有看不到的数据；请取消隐藏（右键点击工作表标签 → 取消隐藏），删除不需要的工作表后重新上传 / The workbook has hidden sheets: "字典", "备用". Only the first sheet is imported, and a hidden sheet may hold data nobody sees; unhide them (right-click a sheet tab → Unhide), delete the sheets that are not needed and upload again',
  ],
  [
    'merged-cells.xlsx',
    '工作表“花名册”的表头或数据区有合并单元格：E2:E3、F4:G4。合并单元格会使数据错位，请取消合并并在每个单元格填上内容后重新上传（表头上方的标题行可以合并） / Sheet "花名册" has merged cells in the header or data area: E2:E3, F4:G4. Merged cells shift the data: unmerge them, fill in every cell and upload again (a title row above the header may stay merged)',
  ],
  [
    'no-worksheet.xlsx',
    '工作簿中没有工作表。请把数据放在第一张工作表中后重新上传 / The workbook has no worksheet. Put the data on the first sheet and upload again',
  ],
  [
    'not-a-zip.xlsx',
    '文件扩展名是 .xlsx，但内容不是 Excel 工作簿（可能是改了扩展名的其他文件，或文件已损坏）。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后上传 / The file is named .xlsx but its content is not an Excel workbook (another kind of file renamed, or a damaged file). Open it in Excel or WPS, "Save As" an Excel workbook (.xlsx) and upload that',
  ],
  [
    'password-protected.xlsx',
    '文件设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并保存后重新上传 / The file is password-protected (encrypted) and cannot be read. Open it in Excel or WPS, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save and upload again',
  ],
  [
    'roster.txt',
    '不支持“.txt”文件。请上传 Excel 工作簿（.xlsx）或 CSV 文件（.csv，UTF-8 或 GB18030 编码） / ".txt" files are not supported. Upload an Excel workbook (.xlsx) or a CSV file (.csv, UTF-8 or GB18030)',
  ],
  [
    'scan.pdf',
    '不支持“.pdf”文件。请上传 Excel 工作簿（.xlsx）或 CSV 文件（.csv，UTF-8 或 GB18030 编码） / ".pdf" files are not supported. Upload an Excel workbook (.xlsx) or a CSV file (.csv, UTF-8 or GB18030)',
  ],
  [
    'too-many-rows.xlsx',
    '数据超过 25 行的上限（第27行是第 26 条数据），已停止读取。请拆分成多个文件后分别上传 / There are more than 25 data rows (row 27 is data row 26), so reading stopped. Split the data into several files and upload them one by one',
  ],
  [
    'truncated.xlsx',
    '文件已损坏，无法作为 .xlsx 读取（找不到压缩目录）。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后上传 / The file is damaged and cannot be read as .xlsx (no zip directory found). Open it in Excel or WPS, "Save As" an Excel workbook (.xlsx) and upload that',
  ],
  [
    'unknown-header.xlsx',
    '第D列的表头“家庭住址”无法识别；参保人员花名册可用的列：姓名、证件类型、公民身份号码、出生日期、人员类别、补助标识、定点医疗机构、班级。不需要的列请删除 / The header "家庭住址" of column D is not recognised; the columns of the enrolment roster are: Name, ID kind, ID number, Birth date, Category, Subsidy flags, Designated institutions, Class. Delete columns that are not needed',
  ],
  [
    'utf16.csv',
    'CSV 文件的内容不是文本（含有二进制字节：可能是改了扩展名的其他文件，或是 UTF-16“Unicode 文本”）。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后上传 / The CSV file is not text (it holds binary bytes: another file renamed, or UTF-16 "Unicode text"). In Excel, "Save As" "CSV UTF-8 (Comma delimited)" and upload that',
  ],
  [
    'wrong-extension.xls',
    '这是旧版 Excel 97-2003 工作簿（.xls），不能直接导入。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）或 CSV（.csv）后上传 / This is an old Excel 97-2003 workbook (.xls), which cannot be imported. Open it in Excel or WPS, "Save As" an Excel workbook (.xlsx) or CSV (.csv) and upload that',
  ],
  [
    'zip-bomb.xlsx',
    '文件中的“xl/worksheets/sheet1.xml”压缩比超过 200 倍，疑似压缩炸弹，已停止读取。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后上传 / "xl/worksheets/sheet1.xml" in the file is compressed more than 200 times, which looks like a zip bomb, so reading stopped. Open it in Excel or WPS, "Save As" an Excel workbook (.xlsx) and upload that',
  ],
];

// Refused by the reader (SheetRejected), or by matchHeaders (header-missing-id, unknown-header).
describe('not-ok/ files refused as a whole', () => {
  it.each(WHOLE_FILE)('%s', async (name, message) => {
    const job = await dryRun(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file: fixture(name),
      name,
    });
    expect(job).toMatchObject({
      state: 'invalid',
      rowsRead: 0,
      rowsValid: 0,
      issueCount: 0,
      message,
    });
    expect(await issues(t, w.tokens.district, job.id)).toEqual([]);
    const report = await t.http
      .get(`/api/imports/${job.id}/error-report.xlsx`)
      .set(bearer(w.tokens.district));
    expect(report.status).toBe(409);
    await nothingWritten();
  });
});

/** [row, column as in the file, value (IDs masked), message] per problem, in row order. */
const ROW_PROBLEMS: Record<
  string,
  { rowsRead: number; rowsValid: number; issues: [number, string, string, string][] }
> = {
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
  'dates-serial.xlsx': {
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
  },
  'dates-text-bad.xlsx': {
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
  },
  'formulas.xlsx': {
    rowsRead: 3,
    rowsValid: 0,
    issues: [
      [
        2,
        '姓名',
        '=TRIM(" 张三 ")',
        '单元格含公式，请复制后“选择性粘贴为数值” / The cell contains a formula: copy it and paste it back with Paste Special → Values',
      ],
      [
        2,
        '人员类别',
        '="城镇老年人"',
        '单元格含公式，请复制后“选择性粘贴为数值” / The cell contains a formula: copy it and paste it back with Paste Special → Values',
      ],
      [
        3,
        '人员类别',
        '=',
        '单元格含公式，请复制后“选择性粘贴为数值” / The cell contains a formula: copy it and paste it back with Paste Special → Values',
      ],
      [
        4,
        '出生日期',
        '#N/A',
        '单元格是错误值 #N/A，请改为实际内容 / The cell holds the error value #N/A: enter the actual value',
      ],
      [
        4,
        '人员类别',
        '=',
        '单元格含公式，请复制后“选择性粘贴为数值” / The cell contains a formula: copy it and paste it back with Paste Special → Values',
      ],
    ],
  },
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

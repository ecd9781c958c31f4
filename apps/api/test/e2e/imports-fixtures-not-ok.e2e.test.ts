import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { notOkFixture as fixture } from '../import-fixture-world.js';
import { dryRun, issues } from '../import-helpers.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * The files of test/fixtures/import/not-ok (see its README) that are refused as a whole, through
 * the HTTP API with the exact messages: the job is 'invalid' with the reason as its message, no
 * row problems, no error report, nothing written. IMPORT_MAX_ROWS is 25 here, for
 * too-many-rows.xlsx (30 rows). The files refused row by row: imports-fixtures-not-ok-rows;
 * the student sheets: imports-fixtures-students.
 */

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

const MERGED =
  '工作表“花名册”的表头或数据区有合并单元格：E2:E3、F4:G4。合并单元格会使数据错位，请取消合并并在每个单元格填上内容后重新上传（表头上方的标题行可以合并） / Sheet "花名册" has merged cells in the header or data area: E2:E3, F4:G4. Merged cells shift the data: unmerge them, fill in every cell and upload again (a title row above the header may stay merged)';
const HIDDEN =
  '工作簿中有隐藏的工作表：“字典”、“备用”。导入只读取第一张工作表，隐藏的工作表可能含有看不到的数据；请取消隐藏（右键点击工作表标签 → 取消隐藏），删除不需要的工作表后重新上传 / The workbook has hidden sheets: "字典", "备用". Only the first sheet is imported, and a hidden sheet may hold data nobody sees; unhide them (right-click a sheet tab → Unhide), delete the sheets that are not needed and upload again';

const WHOLE_FILE: [string, string][] = [
  [
    'duplicate-headers.xlsx',
    '第E列“公民身份号码”与第B列“身份证号”是同一列（公民身份号码），请只保留一列 / Column E "公民身份号码" and column B "身份证号" are the same column (ID number); keep only one',
  ],
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
    'header-only.xlsx',
    '只有表头（第1行），没有数据行；请在表头下方填写数据后重新上传 / There is only the header (row 1) and no data rows; fill in the data below the header and upload again',
  ],
  ['hidden-sheet.xlsx', HIDDEN],
  // LibreOffice writes both hidden sheets as state="hidden" (it has no "very hidden").
  ['hidden-sheet-libreoffice.xlsx', HIDDEN],
  ['merged-cells.xlsx', MERGED],
  ['merged-cells-libreoffice.xlsx', MERGED],
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

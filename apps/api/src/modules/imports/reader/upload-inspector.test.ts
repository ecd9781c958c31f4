import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SHEET_LIMITS, SheetRejected, type SheetLimits } from './sheet-limits.js';
import { inspectUpload } from './upload-inspector.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../test/fixtures/import/', import.meta.url));
const at = (name: string) => `${FIXTURES}${name}`;
const limits = (o: Partial<SheetLimits> = {}): SheetLimits => ({ ...DEFAULT_SHEET_LIMITS, ...o });

/** Inspects a fixture under its own name (or `as`); returns the format or the refusal. */
async function inspect(name: string, o: Partial<SheetLimits> = {}, as?: string) {
  try {
    return await inspectUpload(at(name), as ?? name.split('/').pop() ?? name, limits(o));
  } catch (error) {
    if (error instanceof SheetRejected) return { code: error.code, message: error.message };
    throw error;
  }
}

const SAVE_AS = '请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后上传 / ';
const SAVE_AS_EN = 'Open it in Excel or WPS, "Save As" an Excel workbook (.xlsx) and upload that';

describe('inspectUpload: files that pass', () => {
  it.each([
    ['ok/roster-exceljs.xlsx', 'xlsx'],
    ['ok/roster-libreoffice.xlsx', 'xlsx'],
    ['ok/roster-wps-style.xlsx', 'xlsx'],
    ['ok/roster-trailing-blank-rows.xlsx', 'xlsx'],
    ['ok/vendor-cards.xlsx', 'xlsx'],
    ['ok/signatures.xlsx', 'xlsx'],
    ['ok/students.xlsx', 'xlsx'],
    ['ok/roster-utf8-bom.csv', 'csv'],
    ['ok/roster-gb18030.csv', 'csv'],
    // Problems inside the rows are the reader's and the rules' to report, not the inspector's.
    ['not-ok/header-missing-id.xlsx', 'xlsx'],
    ['not-ok/unknown-header.xlsx', 'xlsx'],
    ['not-ok/formulas.xlsx', 'xlsx'],
    ['not-ok/dates-serial.xlsx', 'xlsx'],
    ['not-ok/dates-text-bad.xlsx', 'xlsx'],
    ['not-ok/bad-rows.xlsx', 'xlsx'],
    ['not-ok/too-many-rows.xlsx', 'xlsx'],
  ])('%s → %s', async (name, format) => {
    expect(await inspect(name)).toEqual({ format });
  });

  it('the content decides, not the name: a real workbook named .pdf is an xlsx', async () => {
    expect(await inspect('ok/roster-exceljs.xlsx', {}, '花名册.pdf')).toEqual({ format: 'xlsx' });
  });

  it('merged title rows above the header are allowed (roster-wps-style, students)', async () => {
    expect(await inspect('ok/roster-wps-style.xlsx')).toEqual({ format: 'xlsx' });
    expect(await inspect('ok/students.xlsx')).toEqual({ format: 'xlsx' });
  });
});

describe('inspectUpload: files refused, one per fixture', () => {
  it('wrong-extension.xls: a real Excel 97-2003 compound file', async () => {
    expect(await inspect('not-ok/wrong-extension.xls')).toEqual({
      code: 'old_xls',
      message:
        '这是旧版 Excel 97-2003 工作簿（.xls），不能直接导入。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）或 CSV（.csv）后上传 / This is an old Excel 97-2003 workbook (.xls), which cannot be imported. Open it in Excel or WPS, "Save As" an Excel workbook (.xlsx) or CSV (.csv) and upload that',
    });
  });

  it('password-protected.xlsx: a compound file holding EncryptionInfo', async () => {
    expect(await inspect('not-ok/password-protected.xlsx')).toEqual({
      code: 'encrypted',
      message:
        '文件设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并保存后重新上传 / The file is password-protected (encrypted) and cannot be read. Open it in Excel or WPS, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save and upload again',
    });
  });

  it('not-a-zip.xlsx: text renamed to .xlsx', async () => {
    expect(await inspect('not-ok/not-a-zip.xlsx')).toEqual({
      code: 'not_a_zip',
      message: `文件扩展名是 .xlsx，但内容不是 Excel 工作簿（可能是改了扩展名的其他文件，或文件已损坏）。${SAVE_AS}The file is named .xlsx but its content is not an Excel workbook (another kind of file renamed, or a damaged file). ${SAVE_AS_EN}`,
    });
  });

  it('fake-xls.xls: a web page saved as .xls', async () => {
    expect(await inspect('not-ok/fake-xls.xls')).toEqual({
      code: 'fake_xls',
      message: `文件扩展名是 .xls，但内容不是 Excel 工作簿（常见于其他系统导出的网页或文本）。${SAVE_AS}The file is named .xls but its content is not an Excel workbook (often a web page or text exported by another system). ${SAVE_AS_EN}`,
    });
  });

  it.each([
    ['not-ok/roster.txt', '.txt'],
    ['not-ok/scan.pdf', '.pdf'],
  ])('%s: the accepted types are listed', async (name, ext) => {
    expect(await inspect(name)).toEqual({
      code: 'wrong_type',
      message: `不支持“${ext}”文件。请上传 Excel 工作簿（.xlsx）或 CSV 文件（.csv，UTF-8 或 GB18030 编码） / "${ext}" files are not supported. Upload an Excel workbook (.xlsx) or a CSV file (.csv, UTF-8 or GB18030)`,
    });
  });

  it('utf16.csv: a .csv that is not 8-bit text', async () => {
    expect(await inspect('not-ok/utf16.csv')).toEqual({
      code: 'csv_not_text',
      message:
        'CSV 文件的内容不是文本（含有二进制字节：可能是改了扩展名的其他文件，或是 UTF-16“Unicode 文本”）。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后上传 / The CSV file is not text (it holds binary bytes: another file renamed, or UTF-16 "Unicode text"). In Excel, "Save As" "CSV UTF-8 (Comma delimited)" and upload that',
    });
  });

  it('zip-bomb.xlsx with the default caps: stopped by its ratio after about 1 MB', async () => {
    expect(await inspect('not-ok/zip-bomb.xlsx')).toEqual({
      code: 'zip_bomb',
      message: `文件中的“xl/worksheets/sheet1.xml”压缩比超过 200 倍，疑似压缩炸弹，已停止读取。${SAVE_AS}"xl/worksheets/sheet1.xml" in the file is compressed more than 200 times, which looks like a zip bomb, so reading stopped. ${SAVE_AS_EN}`,
    });
  });

  it('zip-bomb.xlsx: the inflated bytes are counted, not the 2 KB its headers claim', async () => {
    const small = { maxCompressionRatio: 1_000_000, maxUncompressedBytes: 8 * 1024 * 1024 };
    expect(await inspect('not-ok/zip-bomb.xlsx', small)).toEqual({
      code: 'zip_bomb',
      message:
        '文件解压后超过 8 MB 的上限，已停止读取（文件异常或数据过多）。请拆分成多个较小的文件后上传 / The file expands to more than the 8 MB limit when unpacked, so reading stopped (an abnormal file, or too much data). Split it into smaller files and upload them',
    });
  });

  it('empty.xlsx: a workbook whose first sheet has no cells', async () => {
    expect(await inspect('not-ok/empty.xlsx')).toEqual({
      code: 'empty_sheet',
      message:
        '第一张工作表“Sheet1”是空的。导入只读取第一张工作表，请把数据放在第一张工作表中后重新上传 / The first sheet "Sheet1" is empty. Only the first sheet is imported: put the data there and upload again',
    });
  });

  it('no-worksheet.xlsx: a workbook without sheets', async () => {
    expect(await inspect('not-ok/no-worksheet.xlsx')).toEqual({
      code: 'no_worksheet',
      message:
        '工作簿中没有工作表。请把数据放在第一张工作表中后重新上传 / The workbook has no worksheet. Put the data on the first sheet and upload again',
    });
  });

  it('hidden-sheet.xlsx: hidden and very hidden sheets are named', async () => {
    expect(await inspect('not-ok/hidden-sheet.xlsx')).toEqual({
      code: 'hidden_sheet',
      message:
        '工作簿中有隐藏的工作表：“字典”、“备用”。导入只读取第一张工作表，隐藏的工作表可能含有看不到的数据；请取消隐藏（右键点击工作表标签 → 取消隐藏），删除不需要的工作表后重新上传 / The workbook has hidden sheets: "字典", "备用". Only the first sheet is imported, and a hidden sheet may hold data nobody sees; unhide them (right-click a sheet tab → Unhide), delete the sheets that are not needed and upload again',
    });
  });

  it('merged-cells.xlsx: merges in the data area are named', async () => {
    expect(await inspect('not-ok/merged-cells.xlsx')).toEqual({
      code: 'merged_cells',
      message:
        '工作表“花名册”的表头或数据区有合并单元格：E2:E3、F4:G4。合并单元格会使数据错位，请取消合并并在每个单元格填上内容后重新上传（表头上方的标题行可以合并） / Sheet "花名册" has merged cells in the header or data area: E2:E3, F4:G4. Merged cells shift the data: unmerge them, fill in every cell and upload again (a title row above the header may stay merged)',
    });
  });

  it('truncated.xlsx: a workbook cut short', async () => {
    expect(await inspect('not-ok/truncated.xlsx')).toEqual({
      code: 'corrupt_zip',
      message: `文件已损坏，无法作为 .xlsx 读取（找不到压缩目录）。${SAVE_AS}The file is damaged and cannot be read as .xlsx (no zip directory found). ${SAVE_AS_EN}`,
    });
  });

  it('a file over maxFileBytes is refused before it is opened as a zip', async () => {
    expect(await inspect('ok/roster-exceljs.xlsx', { maxFileBytes: 1000 })).toEqual({
      code: 'file_too_large',
      message:
        '文件太大（6.9 KB），上限为 1000 B；请拆分成多个文件后分别上传 / The file is too large (6.9 KB); the limit is 1000 B. Split it into several files and upload them one by one',
    });
  });
});

describe('inspectUpload: made-up files', () => {
  const dir = mkdtemp(join(tmpdir(), 'sscard-inspect-'));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));

  it('an empty file', async () => {
    const path = join(await dir, 'empty.csv');
    await writeFile(path, '');
    await expect(inspectUpload(path, 'empty.csv', limits())).rejects.toMatchObject({
      code: 'empty_file',
      message:
        '文件是空的（0 字节），请检查后重新上传 / The file is empty (0 bytes); check it and upload again',
    });
  });

  it('an .xls compound file renamed to .xlsx is still reported as an old .xls', async () => {
    const path = join(await dir, 'renamed.xlsx');
    await copyFile(at('not-ok/wrong-extension.xls'), path);
    await expect(inspectUpload(path, 'renamed.xlsx', limits())).rejects.toMatchObject({
      code: 'old_xls',
    });
  });

  it('a CSV name on a zip is inspected as a workbook', async () => {
    const path = join(await dir, 'really-a-workbook.csv');
    await copyFile(at('ok/roster-exceljs.xlsx'), path);
    expect(await inspectUpload(path, 'really-a-workbook.csv', limits())).toEqual({
      format: 'xlsx',
    });
  });
});

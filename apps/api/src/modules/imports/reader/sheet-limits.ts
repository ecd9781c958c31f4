import { bi } from '@sscard/rules';

/** Caps applied to one upload; the API reads them from IMPORT_* settings (app-config.ts). */
export interface SheetLimits {
  /** Bytes of the stored upload. */
  maxFileBytes: number;
  /** Bytes of all the parts of an .xlsx once inflated, counted as they are inflated. */
  maxUncompressedBytes: number;
  /** Inflated ÷ compressed bytes of one part, checked once the part passes RATIO_FLOOR_BYTES. */
  maxCompressionRatio: number;
  /** Data rows below the header. */
  maxRows: number;
}

export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxRows: 2_000_000,
};

/** Below this many inflated bytes a part's ratio is not judged: small XML compresses very well. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

export type SheetRejectedCode =
  | 'empty_file'
  | 'file_too_large'
  | 'wrong_type'
  | 'old_xls'
  | 'encrypted'
  | 'not_a_zip'
  | 'fake_xls'
  | 'corrupt_zip'
  | 'zip_bomb'
  | 'not_a_workbook'
  | 'no_worksheet'
  | 'first_sheet_unreadable'
  | 'hidden_sheet'
  | 'merged_cells'
  | 'unreadable'
  | 'csv_not_text'
  | 'csv_encoding'
  | 'csv_malformed'
  | 'empty_sheet'
  | 'no_data_rows'
  | 'too_many_rows';

/** The whole file is refused; `message` is bi() and says what is wrong and what to do. */
export class SheetRejected extends Error {
  constructor(
    message: string,
    readonly code: SheetRejectedCode,
    /** What the parser itself threw, for the server's log (never shown to the user). */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SheetRejected';
  }
}

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}

const SAVE_AS_XLSX = {
  zh: '请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后上传',
  en: 'Open it in Excel or WPS, "Save As" an Excel workbook (.xlsx) and upload that',
};

function listed(items: readonly string[], max = 10): { zh: string; en: string } {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  return {
    zh: shown.join('、') + (more > 0 ? ` 等 ${items.length} 处` : ''),
    en: shown.join(', ') + (more > 0 ? ` and ${more} more` : ''),
  };
}

/** Every whole-file refusal, one place, so messages stay consistent and testable. */
export const reject = {
  emptyFile: () =>
    new SheetRejected(
      bi(
        '文件是空的（0 字节），请检查后重新上传',
        'The file is empty (0 bytes); check it and upload again',
      ),
      'empty_file',
    ),
  tooLarge: (bytes: number, max: number) =>
    new SheetRejected(
      bi(
        `文件太大（${size(bytes)}），上限为 ${size(max)}；请拆分成多个文件后分别上传`,
        `The file is too large (${size(bytes)}); the limit is ${size(max)}. Split it into several files and upload them one by one`,
      ),
      'file_too_large',
    ),
  wrongType: (ext: string) =>
    new SheetRejected(
      bi(
        `不支持${ext === '' ? '没有扩展名的' : `“${ext}”`}文件。请上传 Excel 工作簿（.xlsx）或 CSV 文件（.csv，UTF-8 或 GB18030 编码）`,
        `${ext === '' ? 'Files without an extension are' : `"${ext}" files are`} not supported. Upload an Excel workbook (.xlsx) or a CSV file (.csv, UTF-8 or GB18030)`,
      ),
      'wrong_type',
    ),
  oldXls: () =>
    new SheetRejected(
      bi(
        '这是旧版 Excel 97-2003 工作簿（.xls），不能直接导入。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）或 CSV（.csv）后上传',
        'This is an old Excel 97-2003 workbook (.xls), which cannot be imported. Open it in Excel or WPS, "Save As" an Excel workbook (.xlsx) or CSV (.csv) and upload that',
      ),
      'old_xls',
    ),
  encrypted: () =>
    new SheetRejected(
      bi(
        '文件设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并保存后重新上传',
        'The file is password-protected (encrypted) and cannot be read. Open it in Excel or WPS, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save and upload again',
      ),
      'encrypted',
    ),
  notAZip: () =>
    new SheetRejected(
      bi(
        `文件扩展名是 .xlsx，但内容不是 Excel 工作簿（可能是改了扩展名的其他文件，或文件已损坏）。${SAVE_AS_XLSX.zh}`,
        `The file is named .xlsx but its content is not an Excel workbook (another kind of file renamed, or a damaged file). ${SAVE_AS_XLSX.en}`,
      ),
      'not_a_zip',
    ),
  fakeXls: () =>
    new SheetRejected(
      bi(
        `文件扩展名是 .xls，但内容不是 Excel 工作簿（常见于其他系统导出的网页或文本）。${SAVE_AS_XLSX.zh}`,
        `The file is named .xls but its content is not an Excel workbook (often a web page or text exported by another system). ${SAVE_AS_XLSX.en}`,
      ),
      'fake_xls',
    ),
  corruptZip: (zh: string, en: string) =>
    new SheetRejected(
      bi(
        `文件已损坏，无法作为 .xlsx 读取（${zh}）。${SAVE_AS_XLSX.zh}`,
        `The file is damaged and cannot be read as .xlsx (${en}). ${SAVE_AS_XLSX.en}`,
      ),
      'corrupt_zip',
    ),
  zipBombSize: (max: number) =>
    new SheetRejected(
      bi(
        `文件解压后超过 ${size(max)} 的上限，已停止读取（文件异常或数据过多）。请拆分成多个较小的文件后上传`,
        `The file expands to more than the ${size(max)} limit when unpacked, so reading stopped (an abnormal file, or too much data). Split it into smaller files and upload them`,
      ),
      'zip_bomb',
    ),
  zipBombRatio: (part: string, ratio: number) =>
    new SheetRejected(
      bi(
        `文件中的“${part}”压缩比超过 ${ratio} 倍，疑似压缩炸弹，已停止读取。${SAVE_AS_XLSX.zh}`,
        `"${part}" in the file is compressed more than ${ratio} times, which looks like a zip bomb, so reading stopped. ${SAVE_AS_XLSX.en}`,
      ),
      'zip_bomb',
    ),
  notAWorkbook: (what: { zh: string; en: string } | undefined) =>
    new SheetRejected(
      what === undefined
        ? bi(
            '文件是压缩包，但里面没有 Excel 工作簿（缺少 xl/workbook.xml）。请上传 Excel 工作簿（.xlsx）或 CSV 文件（.csv）',
            'The file is a zip archive without an Excel workbook in it (no xl/workbook.xml). Upload an Excel workbook (.xlsx) or a CSV file (.csv)',
          )
        : bi(
            `这是${what.zh}，不是 Excel 工作簿。${SAVE_AS_XLSX.zh}`,
            `This is ${what.en}, not an Excel workbook. ${SAVE_AS_XLSX.en}`,
          ),
      'not_a_workbook',
    ),
  noWorksheet: () =>
    new SheetRejected(
      bi(
        '工作簿中没有工作表。请把数据放在第一张工作表中后重新上传',
        'The workbook has no worksheet. Put the data on the first sheet and upload again',
      ),
      'no_worksheet',
    ),
  firstSheetUnreadable: (name: string) =>
    new SheetRejected(
      bi(
        `第一张工作表“${name}”不是普通工作表（可能是图表或宏表），无法读取。请把数据放在第一张工作表中后重新上传`,
        `The first sheet "${name}" is not an ordinary worksheet (perhaps a chart or macro sheet). Put the data on the first sheet and upload again`,
      ),
      'first_sheet_unreadable',
    ),
  hiddenSheet: (names: readonly string[]) => {
    const zh = listed(names.map((n) => `“${n}”`)).zh;
    const en = listed(names.map((n) => `"${n}"`)).en;
    return new SheetRejected(
      bi(
        `工作簿中有隐藏的工作表：${zh}。导入只读取第一张工作表，隐藏的工作表可能含有看不到的数据；请取消隐藏（右键点击工作表标签 → 取消隐藏），删除不需要的工作表后重新上传`,
        `The workbook has hidden sheets: ${en}. Only the first sheet is imported, and a hidden sheet may hold data nobody sees; unhide them (right-click a sheet tab → Unhide), delete the sheets that are not needed and upload again`,
      ),
      'hidden_sheet',
    );
  },
  mergedCells: (sheet: string, refs: readonly string[]) => {
    const list = listed(refs);
    return new SheetRejected(
      bi(
        `工作表“${sheet}”的表头或数据区有合并单元格：${list.zh}。合并单元格会使数据错位，请取消合并并在每个单元格填上内容后重新上传（表头上方的标题行可以合并）`,
        `Sheet "${sheet}" has merged cells in the header or data area: ${list.en}. Merged cells shift the data: unmerge them, fill in every cell and upload again (a title row above the header may stay merged)`,
      ),
      'merged_cells',
    );
  },
  unreadable: (cause?: unknown) =>
    new SheetRejected(
      bi(
        `无法读取工作表的内容，文件可能已损坏。${SAVE_AS_XLSX.zh}`,
        `The sheet's content cannot be read; the file may be damaged. ${SAVE_AS_XLSX.en}`,
      ),
      'unreadable',
      cause,
    ),
  csvNotText: () =>
    new SheetRejected(
      bi(
        'CSV 文件的内容不是文本（含有二进制字节：可能是改了扩展名的其他文件，或是 UTF-16“Unicode 文本”）。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后上传',
        'The CSV file is not text (it holds binary bytes: another file renamed, or UTF-16 "Unicode text"). In Excel, "Save As" "CSV UTF-8 (Comma delimited)" and upload that',
      ),
      'csv_not_text',
    ),
  csvEncoding: (rowNo: number) =>
    new SheetRejected(
      bi(
        `CSV 文件第${rowNo}行附近的文字编码无法识别（应为 UTF-8 或 GB18030/GBK，且不能混用）。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后上传`,
        `The text encoding near row ${rowNo} of the CSV file is not recognised (it must be UTF-8 or GB18030/GBK throughout). In Excel, "Save As" "CSV UTF-8 (Comma delimited)" and upload that`,
      ),
      'csv_encoding',
    ),
  csvUnclosedQuote: (rowNo: number) =>
    new SheetRejected(
      bi(
        `CSV 文件第${rowNo}行的双引号没有闭合，之后的内容无法分列。请检查该行的双引号`,
        `A double quote opened in row ${rowNo} of the CSV file is never closed, so the rest cannot be split into cells. Check the quotes in that row`,
      ),
      'csv_malformed',
    ),
  csvCellTooLong: (rowNo: number, max: number) =>
    new SheetRejected(
      bi(
        `CSV 文件第${rowNo}行有单元格超过 ${max} 个字符（Excel 单元格的上限），可能是双引号不配对。请检查该行`,
        `A cell in row ${rowNo} of the CSV file is longer than ${max} characters (the Excel cell limit), probably because of unmatched quotes. Check that row`,
      ),
      'csv_malformed',
    ),
  csvTooManyColumns: (rowNo: number, max: number) =>
    new SheetRejected(
      bi(
        `CSV 文件第${rowNo}行超过 ${max} 列，请检查分隔符`,
        `Row ${rowNo} of the CSV file has more than ${max} columns; check the separators`,
      ),
      'csv_malformed',
    ),
  emptySheet: (sheet: string | undefined) =>
    new SheetRejected(
      sheet === undefined
        ? bi(
            '文件中没有任何数据，请检查文件内容后重新上传',
            'The file holds no data; check its content and upload again',
          )
        : bi(
            `第一张工作表“${sheet}”是空的。导入只读取第一张工作表，请把数据放在第一张工作表中后重新上传`,
            `The first sheet "${sheet}" is empty. Only the first sheet is imported: put the data there and upload again`,
          ),
      'empty_sheet',
    ),
  noDataRows: (headerRowNo: number) =>
    new SheetRejected(
      bi(
        `只有表头（第${headerRowNo}行），没有数据行；请在表头下方填写数据后重新上传`,
        `There is only the header (row ${headerRowNo}) and no data rows; fill in the data below the header and upload again`,
      ),
      'no_data_rows',
    ),
  tooManyRows: (max: number, rowNo: number) =>
    new SheetRejected(
      bi(
        `数据超过 ${max} 行的上限（第${rowNo}行是第 ${max + 1} 条数据），已停止读取。请拆分成多个文件后分别上传`,
        `There are more than ${max} data rows (row ${rowNo} is data row ${max + 1}), so reading stopped. Split the data into several files and upload them one by one`,
      ),
      'too_many_rows',
    ),
  rowBeyondRange: (rowNo: number, lastRowNo: number) =>
    new SheetRejected(
      bi(
        `第${rowNo}行有内容，超出了可导入的范围（表头下方最多到第${lastRowNo}行）。请删除表格下方多余的内容，或拆分成多个文件后上传`,
        `Row ${rowNo} has content beyond the importable range (up to row ${lastRowNo} below the header). Delete the extra content below the table, or split it into several files`,
      ),
      'too_many_rows',
    ),
};

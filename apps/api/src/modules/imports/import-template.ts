import { PassThrough } from 'node:stream';
import {
  COLUMN_LABELS,
  type ColumnSpec,
  IMPORT_SHEETS,
  type ImportKind,
  labelChoices,
} from '@sscard/rules';
import ExcelJS from 'exceljs';

/** What a column accepts, for the header's note (Chinese, then English). */
function acceptedValues(c: ColumnSpec): string[] {
  const labels = COLUMN_LABELS[c.key];
  const lines: string[] = [];
  if (labels) {
    const { zh, en } = labelChoices(labels);
    lines.push(
      c.cell === 'list' ? `可填一个或多个（用、分隔）：${zh}` : `可填：${zh}`,
      c.cell === 'list' ? `One or more (separated by 、): ${en}` : `Accepted: ${en}`,
    );
  }
  if (c.cell === 'institutions') {
    lines.push('格式：编码（类别），多个用、分隔', 'Format: code (kind), several separated by 、');
  }
  if (c.cell === 'date') {
    lines.push('日期，如 2010-05-01 或 2010年5月1日', 'A date, e.g. 2010-05-01');
  }
  if (c.cell === 'id_number' || c.cell === 'code') {
    lines.push(
      '请将单元格设为“文本”格式，勿以数字填写',
      'Format the cells as text, not as numbers (digits beyond 15 are lost)',
    );
  }
  return lines;
}

function note(c: ColumnSpec): string {
  return [
    `${c.zh} / ${c.en}`,
    c.required ? '必填列 / Required column' : '选填列 / Optional column',
    ...acceptedValues(c),
  ].join('\n');
}

/**
 * A blank template of the kind: the Chinese headers the import matches, each with a note of
 * what it accepts; ID and code columns are preformatted as text so Excel keeps every digit.
 */
export function streamTemplate(kind: ImportKind): PassThrough {
  const out = new PassThrough();
  const spec = IMPORT_SHEETS[kind];
  const write = async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = wb.addWorksheet(spec.titleZh, { views: [{ state: 'frozen', ySplit: 1 }] });
    spec.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = Math.max(12, c.zh.length * 2 + 4);
      if (c.cell === 'id_number' || c.cell === 'code') column.numFmt = '@';
    });
    const header = sheet.getRow(1);
    spec.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.zh;
      cell.note = note(c);
      cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    });
    header.commit();
    await sheet.commit();
    await wb.commit();
  };
  write().catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}

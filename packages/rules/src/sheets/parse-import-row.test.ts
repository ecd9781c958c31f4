import { describe, expect, it } from 'vitest';
import { mod112CheckDigit } from '../id/id-number.js';
import { matchHeaders } from './header-match.js';
import type { CellValue, ImportKind } from './import-sheets.js';
import { duplicateRowIssue, parseImportRow } from './parse-import-row.js';

/** A valid resident ID number for a birth date (area 110108, Haidian). */
function idFor(birth: string, sequence = 1): string {
  const first17 = `110108${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${mod112CheckDigit(first17)}`;
}

function headerOf(kind: ImportKind, cells: CellValue[]) {
  const match = matchHeaders(kind, cells);
  if (!match.ok) throw new Error(match.problems.join('\n'));
  return match;
}

const ELDER = '11010519491231002X';

describe('roster rows (N-1.4b, S-1.3)', () => {
  const h = headerOf('roster', [
    '序号',
    '姓名',
    '身份证号',
    '出生日期',
    '人员类别',
    '享受补助类别',
    '班级',
  ]);
  const parse = (cells: CellValue[]) => parseImportRow('roster', h.columns, cells, h.headers);

  it('reads a full row, normalising the ID number, and keys it by the ID number', () => {
    const row = parse([
      1,
      ' 张三 ',
      '１１０１０５ １９４９１２３１ ００２ｘ',
      '1949/12/31',
      '老年人',
      '低保、重度残疾老年人',
      null,
    ]);
    expect(row).toEqual({
      ok: true,
      key: ELDER,
      value: {
        name: '张三',
        idKind: 'resident',
        idNumber: ELDER,
        birthDate: '1949-12-31',
        category: 'elderly',
        subsidyFlags: ['minimum_living_allowance', 'severely_disabled_elderly'],
        designatedInstitutions: [],
      },
    });
  });

  it('a blank 出生日期 is read from the ID number; a blank 证件类型 means 居民身份证', () => {
    const id = idFor('2015-09-01');
    const row = parse([2, '李四', id, null, '学生儿童', null, '三年级2班']);
    expect(row).toMatchObject({
      ok: true,
      key: id,
      value: { idKind: 'resident', birthDate: '2015-09-01', className: '三年级2班' },
    });
  });

  it('reports every bad cell at once, on its column as the file names it, ID masked', () => {
    const row = parse([3, '', '110105194912310021', '1950-01-01', '教师', '五保户', null]);
    expect(row).toEqual({
      ok: false,
      issues: [
        {
          columnIndex: 1,
          column: '姓名',
          value: '',
          message: '姓名不能为空 / Name is required',
        },
        {
          columnIndex: 2,
          column: '身份证号',
          value: '110105********0021',
          message: '校验码错误（应为 X） / Check digit mismatch (expected X)',
        },
        {
          columnIndex: 4,
          column: '人员类别',
          value: '教师',
          message:
            '人员类别“教师”无法识别，可填：城镇老年人、学生儿童、城镇无业居民、残疾的无业居民 / Category "教师" is not recognised; use one of: Urban elderly, Students and children, Unemployed urban residents, Disabled unemployed residents',
        },
        {
          columnIndex: 5,
          column: '享受补助类别',
          value: '五保户',
          message:
            '补助标识“五保户”无法识别，可填：享受城乡居民最低生活保障待遇人员、重度残疾无业居民、重度残疾老年人、重度残疾少年儿童 / Subsidy flags "五保户" is not recognised; use one of: Recipient of the minimum living allowance, Severely disabled unemployed resident, Severely disabled elderly person, Severely disabled minor',
        },
      ],
    });
  });

  it('the birth date must match the ID number', () => {
    const row = parse([4, '张三', ELDER, '1950-01-01', '老年人', null, null]);
    expect(row).toEqual({
      ok: false,
      issues: [
        {
          columnIndex: 3,
          column: '出生日期',
          value: '1950-01-01',
          message:
            '出生日期与证件号码不符（证件号码为1949-12-31） / Birth date does not match the ID number (1949-12-31)',
        },
      ],
    });
  });

  it('an ID number typed as a number, a formula and a serial date are each refused', () => {
    const row = parse([5, { formula: 'B2' }, 110105194912310000, 18263, '老年人', null, null]);
    expect(row.ok).toBe(false);
    if (row.ok) return;
    expect(row.issues.map((i) => [i.column, i.value, i.message.split(' / ')[0]])).toEqual([
      ['姓名', '=B2', '单元格含公式，请复制后“选择性粘贴为数值”'],
      [
        '身份证号',
        '110105********0000',
        '证件号码是数值格式（读到 110105********0000），Excel 只保留 15 位有效数字，18 位号码的后几位已经丢失；请把该列设置为“文本”格式后重新录入号码',
      ],
      [
        '出生日期',
        '18263',
        '出生日期是数字 18263，不是日期。它可能是 Excel 日期序列号，对应 1949-12-31；请把单元格设置为日期格式，或直接写成 1949-12-31',
      ],
    ]);
  });

  it('a flag listed twice is refused by the person schema', () => {
    const row = parse([6, '张三', ELDER, null, '老年人', '低保，低保人员', null]);
    expect(row).toMatchObject({
      ok: false,
      issues: [{ columnIndex: 5, message: '补助标识重复 / Duplicate subsidy flag' }],
    });
  });

  it('without header texts an issue names the column by its Chinese name', () => {
    const row = parseImportRow('roster', ['name', 'idNumber', 'category'], ['王五', ELDER, '']);
    expect(row).toEqual({
      ok: false,
      issues: [
        {
          columnIndex: 2,
          column: '人员类别',
          value: '',
          message:
            '人员类别不能为空，可填：城镇老年人、学生儿童、城镇无业居民、残疾的无业居民 / Category is required; use one of: Urban elderly, Students and children, Unemployed urban residents, Disabled unemployed residents',
        },
      ],
    });
  });

  it('designated institutions are read as "编码（类别）"', () => {
    const h2 = headerOf('roster', ['姓名', '公民身份号码', '人员类别', '定点医疗机构']);
    const row = parseImportRow('roster', h2.columns, [
      '张三',
      ELDER,
      '城镇老年人',
      '110105001（社区卫生服务机构）、110105002（综合医疗机构）、110105003（综合医疗机构）',
    ]);
    expect(row).toMatchObject({ ok: true, value: { designatedInstitutions: { length: 3 } } });
  });

  it('a travel permit carries no birth date, so a blank 出生日期 is reported', () => {
    const h2 = headerOf('roster', ['姓名', '证件类型', '证件号码', '出生日期', '人员类别']);
    const row = parseImportRow(
      'roster',
      h2.columns,
      ['陈六', '港澳通行证', 'H12345678', null, '学生'],
      h2.headers,
    );
    expect(row).toEqual({
      ok: false,
      issues: [
        {
          columnIndex: 3,
          column: '出生日期',
          value: '',
          message:
            '出生日期不能为空（该证件号码不含出生日期） / Birth date is required (this ID number does not contain it)',
        },
      ],
    });
  });
});

describe('duplicates within a file', () => {
  it('names the earlier row on the key column', () => {
    const h = headerOf('roster', ['姓名', '身份证号', '人员类别']);
    expect(duplicateRowIssue('roster', h.columns, ['张三', ELDER, '老年人'], 7, h.headers)).toEqual(
      {
        columnIndex: 1,
        column: '身份证号',
        value: '110105********002X',
        message:
          '证件号码与第7行重复：同一人在一个文件中只能出现一次 / The ID number repeats row 7: a person may appear only once in a file',
      },
    );
    const s = headerOf('signatures', ['卡号', '姓名', '签字方式', '签收日期']);
    expect(duplicateRowIssue('signatures', s.columns, ['A1B2C3D4'], 3).message).toBe(
      '卡号与第3行重复：一张卡只能签收一次 / The card number repeats row 3: a card is signed for only once',
    );
  });

  it('rows that differ only in how the ID is written get the same key', () => {
    const h = headerOf('roster', ['姓名', '身份证号', '人员类别']);
    const a = parseImportRow('roster', h.columns, ['张三', ELDER, '老年人']);
    const b = parseImportRow('roster', h.columns, ['张三', ' 110105 19491231 002x', '老年人']);
    expect(a.ok && b.ok && a.key === b.key).toBe(true);
  });
});

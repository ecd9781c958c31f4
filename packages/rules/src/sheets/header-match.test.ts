import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  headerKey,
  isHeaderCandidate,
  matchHeaders,
  normaliseHeader,
} from './header-match.js';
import { IMPORT_KINDS, IMPORT_SHEETS } from './import-sheets.js';

describe('matchHeaders', () => {
  it('maps Chinese aliases in any order to column keys, with blank headers as null', () => {
    const result = matchHeaders('roster', ['人员类别', null, '身份证号', '姓名', '', '班级']);
    expect(result).toEqual({
      ok: true,
      columns: ['category', null, 'idNumber', 'name', null, 'className'],
      headers: ['人员类别', '', '身份证号', '姓名', '', '班级'],
    });
  });

  it('accepts every name, English name, key and alias of every column of every kind', () => {
    for (const kind of IMPORT_KINDS) {
      for (const column of IMPORT_SHEETS[kind].columns) {
        for (const spelling of [column.zh, column.en, column.key, ...column.aliases]) {
          expect([kind, spelling, headerKey(kind, spelling)]).toEqual([kind, spelling, column.key]);
        }
      }
    }
  });

  it('ignores spaces, full-width brackets, * markers, (必填) notes, colons and case', () => {
    expect(normaliseHeader(' ＊国籍（地区） ')).toBe(normaliseHeader('国籍(地区)'));
    expect(headerKey('students', '国籍 (地区)*')).toBe('nationalityOrRegion');
    expect(headerKey('roster', '*身份证\n号码（必填）')).toBe('idNumber');
    expect(headerKey('roster', '姓名：')).toBe('name');
    expect(headerKey('roster', 'ID NUMBER')).toBe('idNumber');
    expect(headerKey('roster', 'birth date')).toBe('birthDate');
    expect(headerKey('signatures', '社会保障卡号')).toBe('cardNumber');
    expect(headerKey('vendor_cards', '社会保险登记证编码')).toBe('madeForUnitCode');
    expect(headerKey('vendor_cards', '未制卡原因')).toBe('problem');
    expect(headerKey('signatures', '签收人')).toBe('signerName');
  });

  it('recognises 序号 and 备注 and ignores their cells', () => {
    const result = matchHeaders('roster', ['序号', '姓名', '公民身份号码', '人员类别', '备注']);
    expect(result).toMatchObject({
      ok: true,
      columns: [null, 'name', 'idNumber', 'category', null],
    });
  });

  it('reports a missing required column with its other spellings', () => {
    const result = matchHeaders('roster', ['姓名', '人员类别']);
    expect(result).toEqual({
      ok: false,
      problems: [
        '缺少必需的列“公民身份号码”（也可写作：身份证号、身份证号码、证件号码） / The required column "ID number" (公民身份号码) is missing',
      ],
    });
  });

  it('reports an unknown header by column letter, listing the columns of the sheet', () => {
    const result = matchHeaders('signatures', ['卡号', '姓名', '签字方式', '签收日期', '联系电话']);
    expect(result).toEqual({
      ok: false,
      problems: [
        '第E列的表头“联系电话”无法识别；社会保障卡发行回执单可用的列：卡号、姓名、签字方式、签字人、签收日期。不需要的列请删除 / The header "联系电话" of column E is not recognised; the columns of the card issue receipt are: Card number, Name, Signer kind, Signer name, Signing date. Delete columns that are not needed',
      ],
    });
  });

  it('reports two headers that name the same column', () => {
    const result = matchHeaders('roster', ['姓名', '身份证号', '人员类别', '公民身份号码']);
    expect(result).toEqual({
      ok: false,
      problems: [
        '第D列“公民身份号码”与第B列“身份证号”是同一列（公民身份号码），请只保留一列 / Column D "公民身份号码" and column B "身份证号" are the same column (ID number); keep only one',
      ],
    });
  });

  it('reports every problem at once: unknown, duplicate, then missing', () => {
    const result = matchHeaders('vendor_cards', ['卡号', '社保卡号', '籍贯', '姓名']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.split(' / ')[0])).toEqual([
      '第B列“社保卡号”与第A列“卡号”是同一列（卡号），请只保留一列',
      '第C列的表头“籍贯”无法识别；制卡数据（集成服务商）可用的列：卡号、姓名、证件类型、公民身份号码、单位编码、制卡状态、问题说明。不需要的列请删除',
      '缺少必需的列“公民身份号码”（也可写作：身份证号、身份证号码、证件号码）',
      '缺少必需的列“单位编码”（也可写作：社会保险登记证编码、制卡单位编码、单位社会保险登记证编码）',
      '缺少必需的列“制卡状态”（也可写作：状态、制卡结果）',
    ]);
  });

  it('refuses an empty header row and formula headers', () => {
    expect(matchHeaders('roster', [null, ' ', ''])).toEqual({
      ok: false,
      problems: [
        '表头行是空的：第一行应为列名，如“姓名” / The header row is empty: the first row must hold the column names, such as "Name"',
      ],
    });
    const formula = matchHeaders('roster', ['姓名', { formula: 'A1' }, '公民身份号码', '人员类别']);
    expect(formula).toEqual({
      ok: false,
      problems: [
        '第B列的表头是公式或错误值，请改为列名文字 / The header of column B is a formula or an error value; write the column name',
      ],
    });
  });

  it('reads a sparse header row (holes are blank headers)', () => {
    const cells: (string | null)[] = [];
    cells[1] = '姓名';
    cells[2] = '身份证号码';
    cells[3] = '人员类别';
    expect(matchHeaders('roster', cells)).toMatchObject({
      ok: true,
      columns: [null, 'name', 'idNumber', 'category'],
    });
  });
});

describe('header row helpers', () => {
  it('a header candidate has at least two filled cells (a merged title has one)', () => {
    expect(isHeaderCandidate(['2025年新参保信息汇总表', null, ' '])).toBe(false);
    expect(isHeaderCandidate([null, '姓名', '学号'])).toBe(true);
  });

  it('column letters', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'ZZ',
      'AAA',
    ]);
  });
});

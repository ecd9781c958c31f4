import { describe, expect, it } from 'vitest';
import { mod112CheckDigit } from '../id/id-number.js';
import { matchHeaders } from './header-match.js';
import type { CellValue, ImportKind } from './import-sheets.js';
import { parseImportRow } from './parse-import-row.js';

/** Vendor lists, receipts and student tables: the kinds other than the roster. */
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

describe('vendor card rows (N-2.4a, N-2.6)', () => {
  const h = headerOf('vendor_cards', [
    '社会保障卡号',
    '姓名',
    '身份证号码',
    '单位编码',
    '制卡状态',
    '未制卡原因',
  ]);
  const parse = (cells: CellValue[]) => parseImportRow('vendor_cards', h.columns, cells, h.headers);

  it('reads a made card and a card not made for a data problem', () => {
    expect(parse(['a1b2c3d4', '张三', ELDER, 'u110105001', '已制卡', null])).toEqual({
      ok: true,
      key: ELDER,
      value: {
        cardNumber: 'A1B2C3D4',
        holderName: '张三',
        idKind: 'resident',
        idNumber: ELDER,
        madeForUnitCode: 'U110105001',
        state: 'made',
      },
    });
    expect(parse([null, '张三', ELDER, 'U110105001', '未制卡', '照片不合格'])).toMatchObject({
      ok: true,
      value: { state: 'not_made_data_problem', problem: '照片不合格' },
    });
  });

  it('a made card needs its number; a card not made needs the problem', () => {
    expect(parse([null, '张三', ELDER, 'U110105001', '已制卡', null])).toEqual({
      ok: false,
      issues: [
        {
          columnIndex: 0,
          column: '社会保障卡号',
          value: '',
          message: '已制卡须有卡号 / A made card needs its number',
        },
      ],
    });
    expect(parse([null, '张三', ELDER, 'U110105001', '制卡失败', ' '])).toMatchObject({
      ok: false,
      issues: [{ columnIndex: 5, message: '未制卡须说明信息问题 / Say what the data problem is' }],
    });
  });
});

describe('signature rows (N-2.3)', () => {
  const h = headerOf('signatures', ['卡号', '姓名', '签字方式', '签收人', '签收日期']);
  const parse = (cells: CellValue[]) => parseImportRow('signatures', h.columns, cells, h.headers);

  it('the holder signing: a blank 签收人 is the holder; keyed by card number', () => {
    expect(parse(['A1B2C3D4', '张三', '本人', null, new Date(Date.UTC(2011, 0, 10))])).toEqual({
      ok: true,
      key: 'A1B2C3D4',
      value: {
        cardNumber: 'A1B2C3D4',
        holderName: '张三',
        signer: 'self',
        signerName: '张三',
        signedOn: '2011-01-10',
      },
    });
  });

  it('a proxy signature names the designated person', () => {
    expect(parse(['A1B2C3D4', '张三', '代签', '李老师', '2011年1月10日'])).toMatchObject({
      ok: true,
      value: { signer: 'proxy', signerName: '李老师' },
    });
    expect(parse(['A1B2C3D4', '张三', '代签', null, '2011-01-10'])).toEqual({
      ok: false,
      issues: [
        {
          columnIndex: 3,
          column: '签收人',
          value: '',
          message:
            '代签时须填写签字人（单位指定专人）的姓名 / For a proxy signature, enter the name of the designated person who signed',
        },
      ],
    });
  });

  it('本人 with someone else as signer is refused', () => {
    expect(parse(['A1B2C3D4', '张三', '本人', '李四', '2011-01-10'])).toMatchObject({
      ok: false,
      issues: [
        {
          columnIndex: 3,
          message:
            '签字方式为本人时，签字人应为持卡人本人（张三）；他人代签请填“代签” / When the holder signs, the signer must be the holder (张三); use "proxy" for anyone else',
        },
      ],
    });
  });
});

describe('student rows (S-1.1, S-1.2, S-1.3)', () => {
  const h = headerOf('students', [
    '序号',
    '姓名',
    '证件类型',
    '证件号码',
    '性别',
    '出生日期',
    '国籍（地区）',
    '联系电话',
    '院（系）',
    '班级',
    '学号',
    '在读状态',
    '是否全日制',
    '其他基本医疗保障',
    '承诺无其他医疗保障',
  ]);
  const id = idFor('2006-03-15', 11);
  const row: CellValue[] = [
    1,
    '王小明',
    '居民身份证',
    id,
    '男',
    '2006-03-15',
    '中国',
    13800138000,
    '信息学院',
    '计科2501',
    '20250001',
    '在读',
    '是',
    '无',
    '是',
  ];

  it('reads a full registration (S-1.2)', () => {
    expect(parseImportRow('students', h.columns, row, h.headers)).toEqual({
      ok: true,
      key: id,
      value: {
        name: '王小明',
        idKind: 'resident',
        idNumber: id,
        gender: 'male',
        birthDate: '2006-03-15',
        nationalityOrRegion: '中国',
        phone: '13800138000',
        college: '信息学院',
        className: '计科2501',
        studentNumber: '20250001',
        studyStatus: 'enrolled',
        fullTimeStudent: true,
        otherCover: 'none',
        declaresNoOtherCover: true,
      },
    });
  });

  it('gender must match the ID; declaring no cover while naming one is refused (S-1.1)', () => {
    const bad = [...row];
    bad[4] = '女';
    bad[13] = '职工医保';
    expect(parseImportRow('students', h.columns, bad, h.headers)).toMatchObject({
      ok: false,
      issues: [
        { columnIndex: 4, message: '性别与证件号码不符 / Gender does not match the ID number' },
        {
          columnIndex: 14,
          message: '声明无其他医疗保障，但填写了其他保障 / Declared no other cover but named one',
        },
      ],
    });
  });
});

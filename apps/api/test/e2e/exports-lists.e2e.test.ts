import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachment,
  convertToPdf,
  download,
  expectA4,
  expectPrintLayout,
  fullIdNumbersIn,
  loadWorkbook,
  PDF_SKIP,
  rowValues,
  sheet,
  downloadXlsx,
} from '../export-helpers.js';
import {
  buildListsWorld,
  getJson,
  LISTS_TODAY as TODAY,
  type ListsWorld,
} from '../export-fixtures.js';
import type { BasicWorld } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * The overdue lists (N-3) and the residents without a community institution (N-1.6) exports
 * (issue 4, part D), on data built through the API (export-fixtures.ts) and checked cell by cell
 * against the JSON lists they print.
 */
let t: TestApp;
let w: BasicWorld;
let batch: ListsWorld['batch'];
let fullIds: string[] = [];
const pdfs: { name: string; body: Buffer }[] = [];

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: TODAY });
  ({ w, batch, fullIds } = await buildListsWorld(t));
});
afterAll(() => t?.close());

const json = (url: string, token: string) => getJson(t, url, token);

const xlsx = (url: string, token: string) => downloadXlsx(t, url, token);

function expectNoFullIds(wb: ExcelJS.Workbook): void {
  expect(fullIdNumbersIn(wb, fullIds)).toEqual([]);
}

describe('N-3 GET /api/exports/overdue.xlsx', () => {
  it('N-3 / N-2.2b kind=pickup: the batches not collected by their pickup deadline', async () => {
    const res = await xlsx('/api/exports/overdue.xlsx?kind=pickup', w.tokens.district);
    expect(res.headers['content-disposition']).toBe(
      attachment(`overdue-pickup_${TODAY}.xlsx`, `逾期未领取社保卡批次清单_${TODAY}.xlsx`),
    );
    const wb = await loadWorkbook(res.body);
    const ws = sheet(wb, '逾期未领取');
    expectPrintLayout(ws, {
      orientation: 'portrait',
      headerRow: 4,
      columns: 6,
      title: '逾期未领取社保卡批次清单',
    });
    expect([2, 3].map((r) => ws.getCell(`A${r}`).value)).toEqual([
      '领取通知的期限已过，参保单位仍未到指定地点领取（N-2.2b，N-3）。',
      '截至2011-03-10',
    ]);
    expect(rowValues(ws, 4, 6)).toEqual([
      '序号',
      '参保单位',
      '社会保险登记证编码',
      '批次号',
      '领取期限',
      '卡数',
    ]);
    expect(rowValues(ws, 5, 6)).toEqual([
      1,
      '朝阳区第二幼儿园',
      '11010500002',
      batch.B1.number,
      '2011-03-01',
      4,
    ]);
    expect(ws.getCell('A6').value).toBe('合计：4张');
    expect(ws.rowCount).toBe(6);
    expectNoFullIds(wb);
    // The same list as GET /api/overdue.
    const list = await json('/api/overdue?kind=pickup', w.tokens.district);
    expect(list.items).toHaveLength(1);
    pdfs.push({ name: 'overdue-pickup', body: res.body });
  });

  it('N-3 / N-2.4b kind=collection: units still holding cards after 2011-01-15', async () => {
    const res = await xlsx('/api/exports/overdue.xlsx?kind=collection', w.tokens.district);
    expect(res.headers['content-disposition']).toBe(
      attachment(`overdue-collection_${TODAY}.xlsx`, `逾期未发放社保卡单位清单_${TODAY}.xlsx`),
    );
    const wb = await loadWorkbook(res.body);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['逾期未发放']);
    const ws = sheet(wb, '逾期未发放');
    expectPrintLayout(ws, {
      orientation: 'portrait',
      headerRow: 4,
      columns: 5,
      title: '逾期未发放社保卡单位清单',
    });
    expect([2, 3].map((r) => ws.getCell(`A${r}`).value)).toEqual([
      '家长领取期限已过，社保卡仍在原参保单位（N-2.4b，N-3）。',
      '截至2011-03-10（期限2011-01-15，含当日）',
    ]);
    expect(rowValues(ws, 4, 5)).toEqual([
      '序号',
      '参保单位',
      '社会保险登记证编码',
      '领取截止日期',
      '卡数',
    ]);
    expect(rowValues(ws, 5, 5)).toEqual([1, '朝阳区实验小学', '11010500001', '2011-01-15', 2]);
    expect(ws.getCell('A6').value).toBe('合计：2张');
    expect(ws.rowCount).toBe(6);
    expectNoFullIds(wb);
    // The same list as GET /api/overdue.
    const list = await json('/api/overdue?kind=collection', w.tokens.district);
    expect(list.items).toHaveLength(1);
    pdfs.push({ name: 'overdue-collection', body: res.body });
  });

  it('scoping and input: a unit sees its own lines only; the kind is required', async () => {
    const mine = sheet(
      await loadWorkbook(
        (await xlsx('/api/exports/overdue.xlsx?kind=pickup', w.tokens.unitA)).body,
      ),
      '逾期未领取',
    );
    expect(mine.getCell('A5').value).toBe('（无记录）');
    expect(mine.getCell('A6').value).toBe('合计：0张');
    const other = sheet(
      await loadWorkbook(
        (await xlsx('/api/exports/overdue.xlsx?kind=collection', w.tokens.otherDistrict)).body,
      ),
      '逾期未发放',
    );
    expect(other.getCell('A5').value).toBe('（无记录）');
    for (const q of ['', '?kind=late']) {
      const bad = await download(t, `/api/exports/overdue.xlsx${q}`, w.tokens.district);
      expect(bad.status).toBe(422);
      expect(bad.json).toMatchObject({ fields: { kind: expect.stringContaining('pickup') } });
    }
  });
});

describe('N-1.6 GET /api/exports/missing-community-institution.xlsx', () => {
  it('N-1.6 elderly and unemployed residents without a community institution, with the deadline', async () => {
    const res = await xlsx('/api/exports/missing-community-institution.xlsx', w.tokens.district);
    expect(res.headers['content-disposition']).toBe(
      attachment(
        'missing-community-institution_2011.xlsx',
        '未选择定点社区卫生服务机构人员名单_2011.xlsx',
      ),
    );
    const wb = await loadWorkbook(res.body);
    const ws = sheet(wb, '未选社区卫生服务机构');
    expectPrintLayout(ws, {
      orientation: 'landscape',
      headerRow: 5,
      columns: 8,
      title: '未选择定点社区卫生服务机构人员名单',
    });
    expect([2, 3, 4].map((r) => ws.getCell(`A${r}`).value)).toEqual([
      '城镇老年人和无业居民选择的定点医疗机构中应包括1家定点社区卫生服务机构；请于2010-12-25前（含当日）到街道（乡镇）社会保障事务所办理选择变更手续（N-1.6）。',
      '政策年度：2011',
      '制表日期：2011-03-10',
    ]);
    expect(rowValues(ws, 5, 8)).toEqual([
      '序号',
      '姓名',
      '公民身份号码',
      '人员类别',
      '参保单位',
      '已选定点医疗机构',
      '办理期限',
      '状态',
    ]);
    const list = await json(
      '/api/residents/missing-community-institution?sort=name&pageSize=200',
      w.tokens.district,
    );
    const items = list.items as { name: string; idNumber: string; category: string }[];
    expect(items.map((i) => i.name).sort()).toEqual(['周无业', '孙老人']);
    const category: Record<string, string> = { elderly: '城镇老年人', unemployed: '城镇无业居民' };
    items.forEach((item, i) => {
      expect(rowValues(ws, 6 + i, 8)).toEqual([
        i + 1,
        item.name,
        item.idNumber,
        category[item.category],
        '朝阳区实验小学',
        '（无）',
        '2010-12-25',
        '已逾期',
      ]);
    });
    expect(ws.getCell('A8').value).toBe('合计：2人');
    expect(ws.rowCount).toBe(8);
    expectNoFullIds(wb);
    pdfs.push({ name: 'missing-community-institution', body: res.body });
  });

  it('N-1.6 a later deadline is not overdue yet; a year without policy is a 422; scoped', async () => {
    const later = sheet(
      await loadWorkbook(
        (
          await xlsx(
            '/api/exports/missing-community-institution.xlsx?deadline=2011-12-31',
            w.tokens.district,
          )
        ).body,
      ),
      '未选社区卫生服务机构',
    );
    expect(rowValues(later, 6, 8).slice(6)).toEqual(['2011-12-31', '待办理']);
    const bad = await download(
      t,
      '/api/exports/missing-community-institution.xlsx?policyYear=2030',
      w.tokens.district,
    );
    expect(bad.status).toBe(422);
    expect(bad.json).toMatchObject({ fields: { policyYear: expect.any(String) } });
    const other = sheet(
      await loadWorkbook(
        (await xlsx('/api/exports/missing-community-institution.xlsx', w.tokens.otherDistrict))
          .body,
      ),
      '未选社区卫生服务机构',
    );
    expect(rowValues(other, 6, 8).slice(1, 2)).toEqual(['吴老人']);
    expect(other.getCell('A7').value).toBe('合计：1人');
  });
});

describe('PDF: the exports print on A4 with LibreOffice', () => {
  it.skipIf(PDF_SKIP)(
    'both overdue lists (pickup, collection) and the N-1.6 list convert to A4 PDFs',
    async () => {
      expect(pdfs.map((p) => p.name)).toEqual([
        'overdue-pickup',
        'overdue-collection',
        'missing-community-institution',
      ]);
      const result = await convertToPdf(pdfs);
      for (const p of pdfs) expectA4(result.get(p.name));
    },
    240_000,
  );
});

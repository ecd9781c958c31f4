import type ExcelJS from 'exceljs';
import { parentGuidance } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachment,
  convertToPdf,
  download,
  expectA4,
  expectMaskedIdCell,
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
 * The per-unit reconciliation (N-2.4c) and the reissue pool (N-2.4d) exports (issue 4, part D), on
 * data built through the API (export-fixtures.ts) and checked cell by cell against the JSON
 * endpoints of the returns module.
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

describe('N-2.4c GET /api/units/:id/reconciliation.xlsx', () => {
  it('N-2.4c per batch received = signed + returned (+ still at the unit), the differences card by card', async () => {
    const res = await xlsx(`/api/units/${w.unitA.id}/reconciliation.xlsx`, w.tokens.unitA);
    expect(res.headers['content-disposition']).toBe(
      attachment('reconciliation_11010500001.xlsx', '参保单位社保卡发放对账表_11010500001.xlsx'),
    );
    const wb = await loadWorkbook(res.body);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['对账汇总', '差异明细']);
    const summary = sheet(wb, '对账汇总');
    expectPrintLayout(summary, {
      orientation: 'landscape',
      headerRow: 5,
      columns: 9,
      title: '参保单位社保卡发放对账表',
    });
    expect([2, 3, 4].map((r) => summary.getCell(`A${r}`).value)).toEqual([
      '参保单位：朝阳区实验小学　　社会保险登记证编码：11010500001',
      '对账规则：接收 = 已签收 + 已退回（+ 尚在单位）；每张卡或已签收、或已退回，不能两者都是，也不能两者都不是（N-2.4c）。',
      '制表日期：2011-03-10',
    ]);
    expect(rowValues(summary, 5, 9)).toEqual([
      '批次号',
      '批次状态',
      '退回日期',
      '接收',
      '已签收',
      '已退回',
      '尚在单位',
      '差异',
      '对账结果',
    ]);
    expect(rowValues(summary, 6, 9)).toEqual([
      batch.A1.number,
      '已退回区县社保中心',
      TODAY,
      8,
      3,
      5,
      0,
      0,
      '平衡',
    ]);
    expect(rowValues(summary, 7, 9)).toEqual([
      batch.A2.number,
      '已到单位',
      null,
      3,
      1,
      0,
      2,
      2,
      '不平衡',
    ]);
    expect(rowValues(summary, 8, 9)).toEqual(['合计', null, null, 11, 4, 5, 2, 2, '不平衡']);
    expect(summary.rowCount).toBe(8);
    // The same figures as the JSON reconciliation of each batch (returns module).
    const a1 = await json(`/api/batches/${batch.A1.id}/reconciliation`, w.tokens.unitA);
    expect(a1).toMatchObject({ received: 8, signed: 3, returned: 5, balanced: true });
    const a2 = await json(`/api/batches/${batch.A2.id}/reconciliation`, w.tokens.unitA);
    expect(a2).toMatchObject({ received: 3, signed: 1, returned: 0, balanced: false });

    const detail = sheet(wb, '差异明细');
    expectPrintLayout(detail, {
      orientation: 'landscape',
      headerRow: 5,
      columns: 9,
      title: '参保单位社保卡发放对账差异明细',
    });
    expect([2, 3, 4].map((r) => detail.getCell(`A${r}`).value)).toEqual(
      [2, 3, 4].map((r) => summary.getCell(`A${r}`).value),
    );
    expect(rowValues(detail, 5, 9)).toEqual([
      '序号',
      '批次号',
      '姓名',
      '公民身份号码',
      '社会保障卡卡号',
      '社保卡状态',
      '已签收',
      '已退回',
      '差异说明',
    ]);
    const differences = a2.differences as {
      holderName: string;
      idNumberMasked: string;
      cardNumber: string;
    }[];
    expect(differences).toHaveLength(2);
    differences.forEach((d, i) => {
      expect(rowValues(detail, 6 + i, 9)).toEqual([
        i + 1,
        batch.A2.number,
        d.holderName,
        d.idNumberMasked,
        d.cardNumber,
        '已到单位待发放',
        '否',
        '否',
        '尚在单位：未签收也未退回，须签收或随第一联退回',
      ]);
    });
    expectMaskedIdCell(detail.getCell('D6'), String(differences[0]?.idNumberMasked));
    expect(detail.rowCount).toBe(7);
    expectNoFullIds(wb);
    pdfs.push({ name: 'reconciliation', body: res.body });
  });

  it('a unit that received nothing gets the note and balanced zero totals', async () => {
    const wb = await loadWorkbook(
      (await xlsx(`/api/units/${w.unitB.id}/reconciliation.xlsx`, w.tokens.district)).body,
    );
    const summary = sheet(wb, '对账汇总');
    expect(summary.getCell('A6').value).toBe('（该单位没有已到单位或已退回的批次）');
    expect(rowValues(summary, 7, 9)).toEqual(['合计', null, null, 0, 0, 0, 0, 0, '平衡']);
    expect(sheet(wb, '差异明细').getCell('A6').value).toBe('（无记录）');
  });

  it('scoping: another unit and another district get 404; bad ids 404', async () => {
    const url = `/api/units/${w.unitA.id}/reconciliation.xlsx`;
    expect((await download(t, url, w.tokens.unitB)).status).toBe(404);
    expect((await download(t, url, w.tokens.otherDistrict)).status).toBe(404);
    expect((await download(t, url, w.tokens.admin)).status).toBe(200);
    expect((await download(t, '/api/units/x/reconciliation.xlsx', w.tokens.admin)).status).toBe(
      404,
    );
  });
});

describe('N-2.4d GET /api/exports/reissue-pool.xlsx', () => {
  it('N-2.4d the district’s pool card by card, with the parents’ next step and where to apply', async () => {
    const res = await xlsx('/api/exports/reissue-pool.xlsx', w.tokens.district);
    expect(res.headers['content-disposition']).toBe(
      attachment(`reissue-pool_${TODAY}.xlsx`, `社会保障卡二次发行库清单_${TODAY}.xlsx`),
    );
    const wb = await loadWorkbook(res.body);
    const ws = sheet(wb, '二次发行库');
    expectPrintLayout(ws, {
      orientation: 'landscape',
      headerRow: 6,
      columns: 7,
      title: '社会保障卡二次发行库清单',
    });
    const step = parentGuidance({ state: 'in_reissue_pool', today: TODAY }).nextStep.zh;
    expect(step).toContain('96102');
    expect([2, 3, 4, 5].map((r) => ws.getCell(`A${r}`).value)).toEqual([
      '范围：朝阳区社会保险基金管理中心',
      `申领指引（N-2.4d）：${step}`,
      '社会保障卡客户服务热线：96102　社会保障卡服务网点：八里庄街道社保卡服务网点（八里庄路1号）',
      '制表日期：2011-03-10',
    ]);
    expect(rowValues(ws, 6, 7)).toEqual([
      '序号',
      '姓名',
      '公民身份号码',
      '社会保障卡卡号',
      '制卡单位',
      '原批次号',
      '退回日期',
    ]);
    const pool = await json('/api/reissue-pool?sort=cardNumber&pageSize=200', w.tokens.district);
    expect(pool.total).toBe(5);
    (pool.items as { holderName: string; idNumberMasked: string; cardNumber: string }[]).forEach(
      (p, i) => {
        expect(rowValues(ws, 7 + i, 7)).toEqual([
          i + 1,
          p.holderName,
          p.idNumberMasked,
          p.cardNumber,
          '朝阳区实验小学',
          batch.A1.number,
          TODAY,
        ]);
      },
    );
    expect(ws.getCell('A12').value).toBe('合计：5张');
    expect(ws.rowCount).toBe(12);
    expectNoFullIds(wb);
    pdfs.push({ name: 'reissue-pool', body: res.body });
  });

  it('scoping: the other district sees its own 2 cards, the admin the whole city; unit staff 403', async () => {
    const other = sheet(
      await loadWorkbook(
        (await xlsx('/api/exports/reissue-pool.xlsx', w.tokens.otherDistrict)).body,
      ),
      '二次发行库',
    );
    expect(other.getCell('A2').value).toBe('范围：海淀区社会保险基金管理中心');
    expect(other.getCell('A4').value).toBe('社会保障卡客户服务热线：96102');
    expect([7, 8].map((r) => other.getCell(`E${r}`).value)).toEqual(['海淀某校', '海淀某校']);
    expect(other.getCell('A9').value).toBe('合计：2张');
    const all = sheet(
      await loadWorkbook((await xlsx('/api/exports/reissue-pool.xlsx', w.tokens.admin)).body),
      '二次发行库',
    );
    expect(all.getCell('A2').value).toBe('范围：全市');
    expect(all.getCell('A14').value).toBe('合计：7张');
    expect((await download(t, '/api/exports/reissue-pool.xlsx', w.tokens.unitA)).status).toBe(403);
  });
});

describe('PDF: the exports print on A4 with LibreOffice', () => {
  it.skipIf(PDF_SKIP)(
    'the reconciliation and the reissue pool convert to A4 PDFs',
    async () => {
      expect(pdfs.map((p) => p.name)).toEqual(['reconciliation', 'reissue-pool']);
      const result = await convertToPdf(pdfs);
      for (const p of pdfs) expectA4(result.get(p.name));
    },
    240_000,
  );
});

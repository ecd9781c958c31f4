import type ExcelJS from 'exceljs';
import { maskIdNumber } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMadeCards } from '../card-fixtures.js';
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
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * The batch exports (issue 4, part D): the receipt (N-2.3, copies N-2.4c), the delivery manifest
 * (N-2.2a) and the pickup notice (N-2.2b), built through the API: dispatch, receiver, delivery,
 * pickup, signatures; each download re-read with exceljs and checked cell by cell.
 */
let t: TestApp;
let w: BasicWorld;
let batchA: { id: string; number: string };
let batchB: { id: string; number: string };
let fullIds: string[] = [];
let firstCopy: Buffer | undefined;
const pdfs: { name: string; body: Buffer }[] = [];

interface JsonLine {
  cardId: string;
  cardNumber: string;
  holderName: string;
  idNumberMasked: string;
  signature: { signer: 'self' | 'proxy'; signerName: string; signedOn: string } | null;
}

async function api(method: 'post' | 'put', url: string, token: string, body: object) {
  const res = await t.http[method](url).set(bearer(token)).send(body);
  if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function receiptJson(batchId: string): Promise<JsonLine[]> {
  const res = await t.http.get(`/api/batches/${batchId}/receipt`).set(bearer(w.tokens.district));
  return res.body.lines as JsonLine[];
}

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-01-05' });
  w = await seedBasics(t);
  // N-2.2a: 600 cards → direct delivery; N-2.2b: 5 → pickup.
  await insertMadeCards(t, { districtId: '110105', unitId: w.unitA.id, count: 600 });
  await insertMadeCards(t, { districtId: '110105', unitId: w.unitB.id, count: 5 });
  await api('post', '/api/batches/dispatch', w.tokens.district, {
    pickupPlace: '朝阳区社保中心一层发卡大厅',
    pickupDeadline: '2011-01-10',
  });
  const batches = await t.sql<{ id: string; number: string; unit_id: string }>(
    'SELECT id, number, unit_id FROM batch ORDER BY number',
  );
  const of = (unitId: string) => {
    const b = batches.find((x) => x.unit_id === unitId);
    if (!b) throw new Error('batch missing');
    return { id: b.id, number: b.number };
  };
  batchA = of(w.unitA.id);
  batchB = of(w.unitB.id);
  await api('put', `/api/batches/${batchA.id}/receiver`, w.tokens.unitA, {
    name: '王接收',
    phone: '13900000000',
  });
  await api('post', `/api/batches/${batchA.id}/delivery`, w.tokens.district, {
    destination: 'unit',
  });
  const lines = await receiptJson(batchA.id);
  await api('post', `/api/batches/${batchA.id}/signatures`, w.tokens.unitA, {
    signatures: [
      { cardId: lines[0]?.cardId, signer: 'self', signerName: '张家长' },
      { cardId: lines[1]?.cardId, signer: 'proxy', signerName: '李老师' },
      { cardId: lines[599]?.cardId, signer: 'self', signerName: '赵家长' },
    ],
  });
  fullIds = (await t.sql<{ id_number: string }>('SELECT id_number FROM resident')).map(
    (r) => r.id_number,
  );
});
afterAll(() => t?.close());

function expectNoFullIds(wb: ExcelJS.Workbook): void {
  expect(fullIdNumbersIn(wb, fullIds)).toEqual([]);
}

const xlsx = (url: string, token = w.tokens.district) => downloadXlsx(t, url, token);

describe('N-2.2a / N-2.2b the delivery manifest and the pickup notice', () => {
  it('N-2.2a delivery manifest: receiver, destination, every card, total and the sign-off', async () => {
    const res = await xlsx(`/api/batches/${batchA.id}/delivery-manifest.xlsx`);
    expect(res.headers['content-disposition']).toBe(
      attachment(
        `delivery-manifest_${batchA.number}.xlsx`,
        `社会保障卡送达清单_${batchA.number}.xlsx`,
      ),
    );
    const wb = await loadWorkbook(res.body);
    const ws = sheet(wb, '送达清单');
    expectPrintLayout(ws, {
      orientation: 'portrait',
      headerRow: 7,
      columns: 5,
      title: '社会保障卡送达清单',
    });
    expect([2, 3, 4, 5, 6].map((r) => ws.getCell(`A${r}`).value)).toEqual([
      '符合制卡条件人数600人及以上的参保单位，由社会保障卡集成服务商直接送达（N-2.2a）。',
      '参保单位：朝阳区实验小学　　社会保险登记证编码：11010500001',
      `批次号：${batchA.number}　　卡数：600张`,
      '接收人：王接收　　电话：13900000000',
      '送达地点：参保单位（以实际送达为准）',
    ]);
    expect(rowValues(ws, 7, 5)).toEqual([
      '序号',
      '姓名',
      '公民身份号码',
      '社会保障卡卡号',
      '清点核对',
    ]);
    const json = await receiptJson(batchA.id);
    json.forEach((line, i) => {
      expect(rowValues(ws, 8 + i, 5)).toEqual([
        i + 1,
        line.holderName,
        line.idNumberMasked,
        line.cardNumber,
        null,
      ]);
    });
    expect([608, 609, 610, 611].map((r) => ws.getCell(`A${r}`).value)).toEqual([
      '合计：600张',
      '送达人签字：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日',
      '接收人签字：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日',
      '制表日期：2011-01-05',
    ]);
    expect(ws.rowCount).toBe(611);
    expectNoFullIds(wb);
    pdfs.push({ name: 'delivery-manifest', body: res.body });
  });

  it('N-2.2b pickup notice: place, deadline, the credentials to bring, the cards still at the centre', async () => {
    const res = await xlsx(`/api/batches/${batchB.id}/pickup-notice.xlsx`, w.tokens.unitB);
    expect(res.headers['content-disposition']).toBe(
      attachment(`pickup-notice_${batchB.number}.xlsx`, `社会保障卡领取通知_${batchB.number}.xlsx`),
    );
    const wb = await loadWorkbook(res.body);
    const ws = sheet(wb, '领取通知');
    expectPrintLayout(ws, {
      orientation: 'portrait',
      headerRow: 8,
      columns: 5,
      title: '社会保障卡领取通知',
    });
    expect([2, 3, 4, 5, 6, 7].map((r) => ws.getCell(`A${r}`).value)).toEqual([
      '符合制卡条件人数不足600人的参保单位，请在期限内到指定地点领取社保卡（N-2.2b）。',
      '参保单位：朝阳区第二幼儿园　　社会保险登记证编码：11010500002',
      `批次号：${batchB.number}　　卡数：5张`,
      '领取地点：朝阳区社保中心一层发卡大厅',
      '领取期限：2011-01-10前（含当日）',
      '届时须携带：《社会保险登记证》或《单位介绍信》（信中须填写“社会保险登记证编码”）',
    ]);
    const json = await receiptJson(batchB.id);
    expect(json).toHaveLength(5);
    json.forEach((line, i) => {
      expect(rowValues(ws, 9 + i, 5)).toEqual([
        i + 1,
        line.holderName,
        line.idNumberMasked,
        line.cardNumber,
        null,
      ]);
    });
    expect([14, 15, 16, 17].map((r) => ws.getCell(`A${r}`).value)).toEqual([
      '合计：5张',
      '领取人签字：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日',
      '区县社保中心经办人签字：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日',
      '制表日期：2011-01-05',
    ]);
    expect(ws.rowCount).toBe(17);
    expectNoFullIds(wb);
    pdfs.push({ name: 'pickup-notice', body: res.body });
  });

  it('N-2.2a/N-2.2b the wrong document for the batch’s route is a 409 with the clause', async () => {
    const manifest = await download(
      t,
      `/api/batches/${batchB.id}/delivery-manifest.xlsx`,
      w.tokens.district,
    );
    expect(manifest.status).toBe(409);
    expect(manifest.json).toEqual({
      statusCode: 409,
      error: 'rule_refused',
      clause: 'N-2.2a',
      message:
        '该批次由参保单位到指定地点领取（不足600人，N-2.2b），没有送达清单，请下载领取通知 / This batch is collected by the unit (fewer than 600, N-2.2b): it has no delivery manifest; download the pickup notice',
    });
    const notice = await download(
      t,
      `/api/batches/${batchA.id}/pickup-notice.xlsx`,
      w.tokens.district,
    );
    expect(notice.status).toBe(409);
    expect(notice.json).toMatchObject({ error: 'rule_refused', clause: 'N-2.2b' });
    expect(String((notice.json as { message: string }).message)).toContain('没有领取通知');
  });

  it('scoping: another district and another unit get 404 before any route check', async () => {
    for (const url of [
      `/api/batches/${batchA.id}/delivery-manifest.xlsx`,
      `/api/batches/${batchA.id}/pickup-notice.xlsx`,
      `/api/batches/${batchB.id}/pickup-notice.xlsx`,
    ]) {
      expect((await download(t, url, w.tokens.otherDistrict)).status).toBe(404);
    }
    expect(
      (await download(t, `/api/batches/${batchA.id}/delivery-manifest.xlsx`, w.tokens.unitB))
        .status,
    ).toBe(404);
  });
});

describe('N-2.3 GET /api/batches/:id/receipt.xlsx — 《北京市社会保障卡发行回执单》', () => {
  it('N-2.3 title, unit, batch, handover, one line per card with the signatures, totals; the 第一联 by default', async () => {
    const res = await xlsx(`/api/batches/${batchA.id}/receipt.xlsx`, w.tokens.unitA);
    expect(res.headers['content-disposition']).toBe(
      attachment(
        `receipt_${batchA.number}_copy1.xlsx`,
        `北京市社会保障卡发行回执单_${batchA.number}_第一联.xlsx`,
      ),
    );
    const wb = await loadWorkbook(res.body);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['回执单']);
    const ws = sheet(wb, '回执单');
    expectPrintLayout(ws, {
      orientation: 'portrait',
      headerRow: 7,
      columns: 7,
      title: '北京市社会保障卡发行回执单',
    });
    expect(ws.headerFooter.oddHeader).toBe('&R第一联　随未发出的社保卡退回区县社保中心（N-2.4c）');
    expect([2, 3, 4, 5, 6].map((r) => ws.getCell(`A${r}`).value)).toEqual([
      '【第一联】随未发出的社保卡退回区县社保中心（N-2.4c）',
      '参保单位：朝阳区实验小学　　社会保险登记证编码：11010500001',
      `发放批次：${batchA.number}　　发放方式：集成服务商直接送达　　区县社保中心：朝阳区社会保险基金管理中心`,
      '送达：集成服务商送达参保单位，接收人王接收（电话13900000000）',
      '单位指定代签人：李老师（代领时由其签字，N-2.3）',
    ]);
    expect(rowValues(ws, 7, 7)).toEqual([
      '序号',
      '姓名',
      '公民身份号码',
      '社会保障卡卡号',
      '签字',
      '本人/代领',
      '签收日期',
    ]);
    const json = await receiptJson(batchA.id);
    expect(json).toHaveLength(600);
    json.forEach((line, i) => {
      const s = line.signature;
      expect(rowValues(ws, 8 + i, 7)).toEqual([
        i + 1,
        line.holderName,
        line.idNumberMasked,
        line.cardNumber,
        s ? s.signerName : null,
        s ? { self: '本人', proxy: '代领' }[s.signer] : null,
        s ? s.signedOn : null,
      ]);
    });
    expect(rowValues(ws, 8, 7)).toEqual([
      1,
      json[0]?.holderName,
      json[0]?.idNumberMasked,
      json[0]?.cardNumber,
      '张家长',
      '本人',
      '2011-01-05',
    ]);
    expect(rowValues(ws, 9, 7).slice(4)).toEqual(['李老师', '代领', '2011-01-05']);
    expect(rowValues(ws, 10, 7).slice(4)).toEqual([null, null, null]);
    expect(json[0]?.idNumberMasked).toMatch(/^110105\*{8}[\dX]{4}$/);
    const [holder] = await t.sql<{ id_number: string }>(
      'SELECT r.id_number FROM card c JOIN resident r ON r.id = c.resident_id WHERE c.card_number = $1',
      [json[0]?.cardNumber],
    );
    expectMaskedIdCell(ws.getCell('C8'), maskIdNumber(holder?.id_number ?? 'missing'));
    // The empty signature cell is a boxed cell for the hand signature.
    expect(ws.getCell('E10').border?.bottom?.style).toBe('thin');
    expect(ws.getCell('A608').value).toBe(
      '合计：600张　　已签收：3张（本人2张，代领1张）　　未签收：597张',
    );
    expect(ws.model.merges).toContain('A608:G608');
    expect(ws.getCell('A609').value).toBe(
      '注：2011-01-21起，第一联与未发出的社保卡一并退回区县社保中心，退回的社保卡转入二次发行库（N-2.4c）。',
    );
    expect(ws.getCell('A610').value).toBe(
      '单位经办人签字：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日',
    );
    expect(ws.getCell('A611').value).toBe('制表日期：2011-01-05');
    expect(ws.rowCount).toBe(611);
    expectNoFullIds(wb);
    firstCopy = res.body;
    pdfs.push({ name: 'receipt', body: res.body });
  });

  it('N-2.4c copy=second prints the 第二联, every other cell as the 第一联; an unknown copy is a 422', async () => {
    const res = await xlsx(`/api/batches/${batchA.id}/receipt.xlsx?copy=second`);
    expect(res.headers['content-disposition']).toBe(
      attachment(
        `receipt_${batchA.number}_copy2.xlsx`,
        `北京市社会保障卡发行回执单_${batchA.number}_第二联.xlsx`,
      ),
    );
    const wb = await loadWorkbook(res.body);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['回执单']);
    const ws = sheet(wb, '回执单');
    expectPrintLayout(ws, {
      orientation: 'portrait',
      headerRow: 7,
      columns: 7,
      title: '北京市社会保障卡发行回执单',
    });
    expect(ws.getCell('A2').value).toBe('【第二联】参保单位留存');
    expect(ws.headerFooter.oddHeader).toBe('&R第二联　参保单位留存');
    // Cell by cell against the 第一联 (checked above): only the copy mark differs.
    if (!firstCopy) throw new Error('the 第一联 test runs first');
    const first = sheet(await loadWorkbook(firstCopy), '回执单');
    expect(ws.rowCount).toBe(first.rowCount);
    const differences: string[] = [];
    for (let r = 1; r <= first.rowCount; r += 1) {
      const mine = rowValues(ws, r, 7);
      const theirs = rowValues(first, r, 7);
      mine.forEach((v, c) => {
        if (v !== theirs[c]) differences.push(`${String.fromCharCode(65 + c)}${r}`);
      });
    }
    // A2 is merged across the table: exceljs gives every cell of the merge the master's value.
    expect(differences).toEqual(['A2', 'B2', 'C2', 'D2', 'E2', 'F2', 'G2']);
    expect(ws.model.merges).toEqual(first.model.merges);
    expectNoFullIds(wb);
    pdfs.push({ name: 'receipt-second', body: res.body });
    const bad = await download(
      t,
      `/api/batches/${batchA.id}/receipt.xlsx?copy=third`,
      w.tokens.district,
    );
    expect(bad.status).toBe(422);
    expect(bad.json).toMatchObject({
      error: 'validation_failed',
      fields: { copy: expect.stringContaining('first') },
    });
  });

  it('N-2.2b the pickup batch’s receipt names the collector and credential (cards stored at pickup)', async () => {
    await api('post', `/api/batches/${batchB.id}/pickup`, w.tokens.district, {
      credentialKind: 'registration_certificate',
      credentialCode: w.unitB.code,
      collectorName: '赵领取',
    });
    const ws = sheet(
      await loadWorkbook(
        (await xlsx(`/api/batches/${batchB.id}/receipt.xlsx`, w.tokens.unitB)).body,
      ),
      '回执单',
    );
    expect(ws.getCell('A4').value).toContain('发放方式：单位限时到指定地点领取');
    expect(ws.getCell('A5').value).toBe('领取：赵领取于2011-01-05凭《社会保险登记证》领取');
    expect(ws.getCell('A6').value).toBe('单位指定代签人：未指定（代领时由其签字，N-2.3）');
    expect(ws.getCell('A13').value).toBe(
      '合计：5张　　已签收：0张（本人0张，代领0张）　　未签收：5张',
    );
  });

  it('scoping: another unit and another district get 404 (as the JSON receipt); bad ids 404', async () => {
    const url = `/api/batches/${batchA.id}/receipt.xlsx`;
    for (const token of [w.tokens.unitB, w.tokens.otherDistrict]) {
      const res = await download(t, url, token);
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ error: 'not_found' });
    }
    expect((await download(t, url, w.tokens.admin)).status).toBe(200);
    expect((await download(t, '/api/batches/nope/receipt.xlsx', w.tokens.admin)).status).toBe(404);
  });
});

describe('PDF: the exports print on A4 with LibreOffice', () => {
  it.skipIf(PDF_SKIP)(
    'delivery manifest, pickup notice and both receipt copies convert to A4 PDFs',
    async () => {
      expect(pdfs.map((p) => p.name)).toEqual([
        'delivery-manifest',
        'pickup-notice',
        'receipt',
        'receipt-second',
      ]);
      const result = await convertToPdf(pdfs);
      for (const p of pdfs) expectA4(result.get(p.name));
      // 600 lines do not fit on one page: the table goes on, under its repeated header row.
      expect(result.get('receipt')?.pages ?? 0).toBeGreaterThan(1);
      expect(result.get('receipt-second')?.pages).toBe(result.get('receipt')?.pages);
    },
    240_000,
  );
});

import type { Browser, Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardClassView, CardView, MovedAwayPage, Page } from '@sscard/api/dist/contract.js';
import { type ApiServer, startApiServer } from './api-server.js';
import { launchBrowser, newPage, screenshot } from './browser.js';
import {
  apiGet,
  apiToken,
  download,
  fullIdNumber,
  nav,
  OPEN_DROPDOWN,
  PATIENT,
  signedInPage,
} from './district-helpers.js';

/**
 * Issue 5, unit staff: the kindergarten (demo account heping, 18 cards at the unit, designated
 * person 周园长) signs for cards by the holder and by proxy, prints the receipt, and returns
 * the rest — refused before 2011-01-21 (N-2.4c), accepted on a server whose business date is
 * 2011-01-21. A parent follows the card on the public lookup.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The full ID number a parent would type (district staff read it, audited). */
async function parentOf(server: ApiServer, card: CardView) {
  const token = await apiToken(server, 'chaoyang');
  const idNumber = await fullIdNumber(server, token, card.holderName, card.idNumberMasked);
  return { name: card.holderName, idNumber };
}

async function lookUp(server: ApiServer, parent: { name: string; idNumber: string }) {
  const page = await newPage(browser);
  await page.goto(`${server.url}/lookup`);
  await page.getByLabel('姓名').fill(parent.name);
  await page.getByLabel('证件号码').fill(parent.idNumber);
  await page.getByRole('button', { name: '查询' }).click();
  const result = page.getByRole('region', { name: '查询结果' });
  await result.waitFor();
  const text = (await result.textContent()) ?? '';
  await page.context().close();
  return text;
}

const signIn = (server: ApiServer, username: string) => signedInPage(browser, server, username);

/** Finds the card by its number and opens its signing dialog. */
async function openSigning(page: BrowserPage, card: CardView) {
  const search = page.getByLabel('姓名、班级、卡号或完整证件号码', { exact: true });
  await search.fill(card.cardNumber ?? '');
  await search.press('Enter');
  await page.waitForURL(new RegExp(`search=${card.cardNumber}`));
  await page.getByRole('button', { name: `签收 ${card.holderName} 的社保卡` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '确认签收' }).waitFor();
  return dialog;
}

describe('unit staff before the return date (business date 2011-01-10)', () => {
  let server: ApiServer;
  let cards: CardView[];

  beforeAll(async () => {
    server = await startApiServer({ today: '2011-01-10' });
    const token = await apiToken(server, 'heping');
    cards = (
      await apiGet<Page<CardView>>(
        server,
        '/api/cards?state=at_unit&sort=holderName&pageSize=2',
        token,
      )
    ).items;
    expect(cards).toHaveLength(2);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('N-2.3 / N-2.4b: the holder signs one card, the designated person another; the parent sees it', async () => {
    const [own, proxied] = cards as [CardView, CardView];
    const parent = await parentOf(server, own);
    expect(await lookUp(server, parent)).toContain('已到单位待发放');

    const page = await signIn(server, 'heping');
    expect((await nav(page).getByRole('link').allTextContents()).slice(0, 6)).toEqual([
      '工作台',
      '社保卡',
      '待发放社保卡',
      '回执单',
      '退卡',
      '转学学生联系名单',
    ]);
    await nav(page).getByRole('link', { name: '待发放社保卡' }).click();
    await page.getByRole('heading', { name: '待发放社保卡' }).waitFor();
    await page.getByText('单位指定代签人：周园长').waitFor();
    await page.getByText('共 18 条').waitFor();
    await screenshot(page, 'unit-cards');

    // 本人: the holder's own name, as the form fills it in.
    let dialog = await openSigning(page, own);
    expect(await dialog.getByRole('radio', { name: '本人' }).isChecked()).toBe(true);
    expect(await dialog.getByLabel('签字人姓名').inputValue()).toBe(own.holderName);
    expect(await dialog.getByLabel('签收日期').inputValue()).toBe('2011-01-10');
    await dialog.getByRole('button', { name: '确认签收' }).click();
    await page.getByText(`${own.holderName} 的社保卡已签收`).waitFor();

    // 代签: only the unit's designated person may sign for the holder.
    dialog = await openSigning(page, proxied);
    await dialog.getByText('代签（单位指定专人）').click();
    expect(await dialog.getByLabel('签字人姓名').inputValue()).toBe('周园长');
    await dialog.getByText('代签须由单位指定的专人（周园长）签字').waitFor();
    await screenshot(page, 'unit-signing');
    await dialog.getByRole('button', { name: '确认签收' }).click();
    await page.getByText(`${proxied.holderName} 的社保卡已签收`).waitFor();
    await page.getByLabel('姓名、班级、卡号或完整证件号码', { exact: true }).clear();
    await page.getByLabel('姓名、班级、卡号或完整证件号码', { exact: true }).press('Enter');
    await page.getByText('共 16 条').waitFor();

    expect(await lookUp(server, parent)).toContain('已发放（已签收）');
    await page.context().close();
  });

  it('N-2.3: the receipt shows who signed, downloads as Excel and prints on A4', async () => {
    const [own, proxied] = cards as [CardView, CardView];
    const page = await signIn(server, 'heping');
    await nav(page).getByRole('link', { name: '回执单' }).click();
    await page.getByRole('heading', { name: '北京市社会保障卡发行回执单' }).waitFor();
    const sheet = page.getByRole('article');
    expect(
      await sheet.getByRole('row', { name: new RegExp(own.cardNumber ?? '') }).textContent(),
    ).toContain(`本人${own.holderName}2011-01-10`);
    expect(
      await sheet.getByRole('row', { name: new RegExp(proxied.cardNumber ?? '') }).textContent(),
    ).toContain('代签（单位指定专人）周园长2011-01-10');
    // The batch also holds the 12 cards handed out before (demo seed); 16 of 18 are still open.
    await sheet.getByText(/^共 30 张：本人签收 \d+ 张，代签 \d+ 张，未签收 16 张。$/).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载回执单第一联（Excel）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^北京市社会保障卡发行回执单_.+\.xlsx$/);
    const file = await download.path();
    expect(file).toBeTruthy();

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await screenshot(page, 'unit-receipt-print');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();
  });

  it('N-2.4c: a return before 2011-01-21 is refused with the clause', async () => {
    const page = await signIn(server, 'heping');
    await nav(page).getByRole('link', { name: '退卡' }).click();
    await page.getByRole('heading', { name: '退回未发放的社保卡' }).waitFor();
    await page.getByText('业务日期 2011-01-10：2011-01-21 起才能退回未发出的社保卡。').waitFor();
    // N-2.4c: the unit's own reconciliation table, every batch it received.
    expect(await download(page, page.getByRole('button', { name: '单位核对表（.xlsx）' }))).toMatch(
      /^.*\.xlsx$/,
    );
    await page.getByRole('heading', { name: '尚未签收的社保卡（16 张）' }).waitFor();

    // The first copy must come back with the cards: the shared schema says so on the page.
    await page.getByRole('button', { name: '确认退回' }).click();
    await page.getByText('须同时交回回执单第一联').waitFor();

    await page.getByLabel('已同时交回回执单第一联').check();
    await page.getByRole('button', { name: '确认退回' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '2011-01-21起才能退回未发出的社保卡' });
    await alert.waitFor();
    await alert.getByText('依据条款 N-2.4c').waitFor();
    await screenshot(page, 'unit-return-refused');
    await page.context().close();
  });

  it('N-2.4b: the contact list of children who changed school names their new school’s contact and the deadline', async () => {
    // The demo seed moved three of the kindergarten's children on to 朝阳区实验小学 (李老师).
    const token = await apiToken(server, 'heping');
    const moved = await apiGet<MovedAwayPage>(server, '/api/cards/moved-away', token);
    expect(moved.total).toBeGreaterThan(0);
    expect(moved.deadline).toBe('2011-01-15');
    const page = await signIn(server, 'heping');
    await nav(page).getByRole('link', { name: '转学学生联系名单' }).click();
    await page.getByRole('heading', { name: '朝阳区和平里幼儿园转学学生联系名单' }).waitFor();
    await page.getByText('领取截止日期：2011-01-15（含当日）').waitFor();
    await page.getByText(`共 ${moved.total} 人`).waitFor();
    const sheet = page.getByRole('article');
    for (const item of moved.items) {
      const row = await sheet.getByRole('row', { name: new RegExp(item.holderName) }).textContent();
      for (const text of [item.idNumberMasked, item.className ?? '', '朝阳区实验小学', '李老师']) {
        expect(row).toContain(text);
      }
      expect(row).toContain('13800000001');
    }
    await screenshot(page, 'unit-moved');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /打印/ }).isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();
  });

  it('N-2.3: the unit filters its stock by class, selects the whole class and signs for it at once', async () => {
    const token = await apiToken(server, 'heping');
    const classes = await apiGet<{ items: CardClassView[] }>(
      server,
      '/api/cards/classes?state=at_unit',
      token,
    );
    const cls = classes.items.find((c) => c.className === '大二班');
    if (!cls) throw new Error('the demo kindergarten has no 大二班 cards at the unit');
    const n = cls.cards;
    const page = await signIn(server, 'heping');
    await nav(page).getByRole('link', { name: '待发放社保卡' }).click();
    await page.getByRole('combobox', { name: '班级' }).click();
    await page.locator(OPEN_DROPDOWN).getByTitle(`大二班（${n} 张）`, { exact: true }).click();
    await expect.poll(() => page.url(), PATIENT).toMatch(/className=/);
    await page.getByText(`共 ${n} 条`).waitFor();
    await page.getByRole('button', { name: '选择全班' }).click();
    await page.getByText(`已选 ${n} 张`).waitFor();
    await page.getByRole('button', { name: '批量签收所选' }).click();
    const dialog = page.getByRole('dialog', { name: `批量签收 ${n} 张社保卡` });
    await dialog.getByRole('button', { name: `确认签收 ${n} 张` }).click();
    await page.getByText(`已签收 ${n} 张社保卡`).waitFor();
    await page.getByText('没有待发放的社保卡').waitFor();
    const left = await apiGet<Page<CardView>>(
      server,
      `/api/cards?state=at_unit&className=${encodeURIComponent('大二班')}`,
      token,
    );
    expect(left.total).toBe(0);
    await page.context().close();
  });

  it('N-2.3: unit staff name a new designated person, who then signs by proxy; the batch’s documents download', async () => {
    const token = await apiToken(server, 'heping');
    const [card] = (
      await apiGet<Page<CardView>>(
        server,
        '/api/cards?state=at_unit&sort=holderName&pageSize=1',
        token,
      )
    ).items;
    if (!card) throw new Error('no card left at the kindergarten');
    const page = await signIn(server, 'heping');
    await nav(page).getByRole('link', { name: '待发放社保卡' }).click();
    await page.getByText('单位指定代签人：周园长').waitFor();
    // N-2.2b: the kindergarten collected its batch: the pickup notice is its document.
    expect(await download(page, page.getByRole('button', { name: '领取通知单（.xlsx）' }))).toMatch(
      /^社会保障卡领取通知_110105-\d{8}-\d{4}\.xlsx$/,
    );

    await page.getByRole('button', { name: '修改指定专人' }).click();
    const form = page.getByRole('dialog');
    expect(await form.getByLabel('指定专人姓名').inputValue()).toBe('周园长');
    await form.getByLabel('指定专人姓名').fill('吴老师');
    await form.getByLabel('联系电话').fill('13800000006');
    await form.getByRole('button', { name: '保存指定专人' }).click();
    await page.getByText('单位指定代签人：吴老师').waitFor();

    const dialog = await openSigning(page, card);
    await dialog.getByText('代签（单位指定专人）').click();
    expect(await dialog.getByLabel('签字人姓名').inputValue()).toBe('吴老师');
    await dialog.getByRole('button', { name: '确认签收' }).click();
    await page.getByText(`${card.holderName} 的社保卡已签收`).waitFor();

    await nav(page).getByRole('link', { name: '回执单' }).click();
    const sheet = page.getByRole('article');
    await sheet.getByText('吴老师').first().waitFor();
    expect(
      await sheet.getByRole('row', { name: new RegExp(card.cardNumber ?? '') }).textContent(),
    ).toContain('代签（单位指定专人）吴老师2011-01-10');
    await page.context().close();
  });
});

describe('unit staff after the return date (business date 2011-01-21)', () => {
  let server: ApiServer;

  beforeAll(async () => {
    server = await startApiServer({ today: '2011-01-21' });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('N-2.3 / N-2.4c: a class signs at once, the rest goes back with the first copy', async () => {
    const page = await signIn(server, 'heping');
    await nav(page).getByRole('link', { name: '待发放社保卡' }).click();
    await page.getByText('共 18 条').waitFor();
    const boxes = page.getByRole('checkbox', { name: /^选择 / });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByText('已选 2 张').waitFor();
    await page.getByRole('button', { name: '批量签收所选' }).click();
    const dialog = page.getByRole('dialog', { name: '批量签收 2 张社保卡' });
    await dialog.getByText('每张卡由持卡人本人签字，签字人为各自的姓名。').waitFor();
    await dialog.getByRole('button', { name: '确认签收 2 张' }).click();
    await page.getByText('已签收 2 张社保卡').waitFor();
    await page.getByText('共 16 条').waitFor();

    await nav(page).getByRole('link', { name: '退卡' }).click();
    await page.getByText('业务日期 2011-01-21：已可退卡。').waitFor();
    await page.getByRole('heading', { name: '尚未签收的社保卡（16 张）' }).waitFor();
    await page.getByLabel('已同时交回回执单第一联').check();
    await page.getByRole('button', { name: '确认退回' }).click();
    await page.getByText('已于 2011-01-21 退回 16 张社保卡，进入二次发行库。').waitFor();
    await page.getByText('对账平衡：每张卡已签收或已退回').waitFor();
    await screenshot(page, 'unit-return');
    await page.context().close();
  });
});

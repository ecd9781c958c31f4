import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mod112CheckDigit } from '@sscard/rules';
import type { Browser, Locator, Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from './api-server.js';
import { launchBrowser, newPage, screenshot } from './browser.js';
import { download as downloadFrom, OPEN_DROPDOWN, signIn } from './district-helpers.js';

/**
 * Issue 4 in the browser: district staff import a roster into a school. A file with a mistake
 * per row is refused with its problems listed and an error report to download; the clean file
 * passes the dry run and is committed all-or-nothing; the same file again is refused (409).
 */
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/import/', import.meta.url));
const BAD_ROWS = `${FIXTURES}not-ok/bad-rows.xlsx`;
const ROSTER = `${FIXTURES}ok/roster-exceljs.xlsx`;
const UNIT = '朝阳区实验小学';

let browser: Browser;
let server: ApiServer;
let page: BrowserPage;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startApiServer({ today: '2011-01-10' })]);
  page = await newPage(browser);
  await signIn(page, server, 'chaoyang');
});

let scratch = '';

afterAll(async () => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

/** The imports screen from the menu, with the roster chosen for the school. */
async function chooseRosterForUnit(): Promise<void> {
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '批量导入' })
    .click();
  await page.getByRole('heading', { name: '批量导入', level: 1 }).waitFor();
  await page.getByRole('combobox', { name: '导入类型' }).click();
  await page.locator(OPEN_DROPDOWN).getByTitle('参保人员花名册', { exact: true }).click();
  await page.getByText('依据 N-1.4b、N-1.6').waitFor();
  const unit = page.getByRole('combobox', { name: '导入到单位' });
  await unit.click();
  await unit.fill('实验小学');
  await page.locator(OPEN_DROPDOWN).getByTitle(new RegExp(UNIT)).click();
  await page.getByText('点击或将文件拖到此处上传').waitFor();
  // The list closes with an animation: no half-faded list in the screenshots.
  await expect.poll(() => page.locator(OPEN_DROPDOWN).count()).toBe(0);
}

async function upload(path: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(path);
}

/** Clicks a download button; the file must be an .xlsx (a zip). Returns its name. */
const download = (button: Locator) => downloadFrom(page, button);

function cellsOf(row: Locator): Promise<string[]> {
  return row.getByRole('cell').allTextContents();
}

describe('district staff import a roster (issue 4)', () => {
  it('N-1.4b: a file with a mistake per row is refused, its problems listed, the report downloaded', async () => {
    await chooseRosterForUnit();
    // The expected columns come from IMPORT_SHEETS, with their aliases.
    const idColumn = page.locator('.import-columns tr', { hasText: '公民身份号码' });
    expect(await idColumn.textContent()).toContain('身份证号、身份证号码、证件号码');
    expect(await download(page.getByRole('button', { name: /下载模板/ }))).toBe(
      '参保人员花名册-模板.xlsx',
    );

    await upload(BAD_ROWS);
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    const jobUrl = page.url();
    await page.getByText('文件校验未通过，没有导入任何数据').waitFor();
    // A reload finds the job where it is: its id is in the URL.
    await page.reload();
    await page.getByRole('heading', { name: '问题明细' }).waitFor();
    expect(page.url()).toBe(jobUrl);
    expect(await page.getByTestId('import-state').first().textContent()).toBe('校验未通过');
    await page.getByText('7行数据有问题（共8处），请下载错误报告，修改后重新上传').waitFor();

    const issues = page.locator('.import-issues');
    const row3 = issues.getByRole('row').filter({ hasText: '第 3 行' });
    // The problems are their own query: wait for the rows before reading their cells.
    await row3.waitFor();
    expect(await cellsOf(row3)).toEqual([
      '第 3 行',
      '公民身份号码',
      '110105********0021',
      expect.stringContaining('校验码错误（应为 X）'),
    ]);
    // A duplicate marks both rows of the pair (row 2 is otherwise fine).
    const row2 = issues.getByRole('row').filter({ hasText: '第 2 行' });
    expect((await cellsOf(row2))[3]).toBe('证件号码与第5行重复：同一人在一个文件中只能出现一次');
    const row4 = issues.getByRole('row').filter({ hasText: '第 4 行' });
    expect((await cellsOf(row4))[3]).toContain('人员类别“教师”无法识别');
    await issues.getByText('共 8 条').waitFor();
    await screenshot(page, 'import-errors');

    expect(await download(page.getByRole('button', { name: '下载错误报告（.xlsx）' }))).toBe(
      'bad-rows-错误报告.xlsx',
    );
  });

  it('N-1.4b: the clean roster passes the dry run, is committed all-or-nothing, and is not imported twice', async () => {
    await chooseRosterForUnit();
    await upload(ROSTER);
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await page.getByText('校验通过：5 行数据可以导入').waitFor();
    expect(await page.getByTestId('import-state').first().textContent()).toBe('校验通过，待导入');

    await page.getByRole('button', { name: /确认导入/ }).click();
    await page.getByText('确认导入这 5 行数据？').waitFor();
    await page
      .getByText('全部导入或全部不导入：任何一行在写入时出错，整个文件都不会导入。')
      .waitFor();
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText('导入完成').waitFor();
    expect(await page.getByTestId('import-state').first().textContent()).toBe('已导入');
    expect(
      await page.getByRole('progressbar', { name: '进度' }).getAttribute('aria-valuenow'),
    ).toBe('100');
    const result = page.locator('.ant-descriptions', { hasText: '导入结果' });
    expect(await result.locator('tr', { hasText: '新增参保人员' }).textContent()).toContain('5');
    await screenshot(page, 'import-finished');

    // The same content again: the API's 409 names when it was imported.
    await chooseRosterForUnit();
    await upload(ROSTER);
    await page
      .getByText(/相同内容的文件已于.*导入（导入任务 [0-9a-f-]{36}），不能重复导入/)
      .waitFor();

    // The recent jobs: both files, newest first.
    const rows = page.locator('.list-table').last().locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    const committed = await cellsOf(rows.nth(0));
    expect(committed.slice(0, 4)).toEqual([
      'roster-exceljs.xlsx',
      '参保人员花名册',
      UNIT,
      '已导入',
    ]);
    expect(committed[4]).toBe('5 / 5 / 5');
    expect((await cellsOf(rows.nth(1))).slice(0, 6)).toEqual([
      'bad-rows.xlsx',
      '参保人员花名册',
      UNIT,
      '校验未通过',
      '7 / 0 / 0',
      '8',
    ]);
    await screenshot(page, 'imports');
  });

  it('N-1.4b: one step — a CSV with the box ticked is checked and written in one run, no confirmation', async () => {
    // Three children born on 29 February 2016, not in the demo data.
    const ids = ['971', '972', '973'].map((seq) => {
      const first17 = `11010520160229${seq}`;
      return first17 + mod112CheckDigit(first17);
    });
    scratch = mkdtempSync(join(tmpdir(), 'sscard-one-step-'));
    const csv = join(scratch, '一年级三班.csv');
    writeFileSync(
      csv,
      [
        '姓名,公民身份号码,人员类别,班级',
        ...ids.map((id, i) => `学生${i + 1},${id},学生儿童,一年级三班`),
      ].join('\r\n'),
    );
    await chooseRosterForUnit();
    await page.getByRole('checkbox', { name: '校验通过后直接导入（一步完成）' }).check();
    await upload(csv);
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await page.getByText('导入完成').waitFor();
    expect(await page.getByTestId('import-state').first().textContent()).toBe('已导入');
    expect(await page.getByRole('button', { name: /确认导入/ }).count()).toBe(0);
    await page.getByText('一步导入', { exact: true }).waitFor();
    const result = page.locator('.ant-descriptions', { hasText: '导入结果' });
    expect(await result.locator('tr', { hasText: '新增参保人员' }).textContent()).toContain('3');
  });
});

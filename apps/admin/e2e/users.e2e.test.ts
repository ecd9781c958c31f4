import type { Browser, Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from './api-server.js';
import { launchBrowser, newPage, screenshot } from './browser.js';
import { nav, OPEN_DROPDOWN, PATIENT, settled, signIn } from './district-helpers.js';

/**
 * Account management on the demo district: Chaoyang's centre creates an account for one of its
 * schools, reads the generated password once, and the school's new user signs in with it and
 * changes it on the account page.
 */
let browser: Browser;
let server: ApiServer;
let page: BrowserPage;
let generated = '';

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startApiServer({ today: '2011-01-10' });
  page = await newPage(browser);
});

afterAll(async () => {
  await page?.context().close();
  await server?.close();
  await browser?.close();
});

async function signOut(p: BrowserPage): Promise<void> {
  await p.getByRole('button', { name: '退出登录' }).click();
  await p.getByRole('heading', { name: '工作人员登录' }).waitFor();
}

async function signInWith(p: BrowserPage, username: string, password: string): Promise<void> {
  await p.getByLabel('用户名').fill(username);
  await p.getByLabel('密码').fill(password);
  await p.getByRole('button', { name: '登录' }).click();
}

describe('district staff manage their units’ accounts', () => {
  it('the users screen lists the district’s unit accounts only', async () => {
    await signIn(page, server, 'chaoyang');
    await nav(page).getByRole('link', { name: '账号管理' }).click();
    await page.getByRole('heading', { name: '账号管理' }).waitFor();
    await page.getByRole('cell', { name: 'school650', exact: true }).waitFor();
    const cells = await page.locator('.list-table tbody td:first-child').allTextContents();
    expect(cells).toEqual(expect.arrayContaining(['balizhuang', 'heping', 'school599']));
    for (const other of ['admin', 'haidian', 'chaoyang', 'university', 'college-cs'])
      expect(cells).not.toContain(other);
  });

  it('creates a unit-staff account; the generated password is shown once', async () => {
    await page.getByRole('button', { name: '新建账号' }).click();
    const drawer = page.getByRole('dialog', { name: '新建账号' });
    await drawer.getByLabel('用户名').fill('school-exam');
    await drawer.getByLabel('姓名（显示名称）').fill('朝阳区第二中学教务处');
    // The shared schema speaks before anything is sent.
    await drawer.getByRole('button', { name: '创建账号' }).click();
    await drawer.getByText('请选择账号所属单位').waitFor();
    await drawer.getByLabel('所属单位').click();
    await drawer.getByLabel('所属单位').fill('第二中学');
    await page.locator(OPEN_DROPDOWN).getByTitle('朝阳区第二中学（11010510003）').click();
    await drawer.getByRole('button', { name: '创建账号' }).click();

    const shown = page.getByRole('dialog', { name: '账号已创建' });
    await shown.getByText('它只显示这一次').waitFor();
    generated = (await shown.getByTestId('new-password').textContent()) ?? '';
    expect(generated).toMatch(/^[A-Za-z2-9]{14}$/);
    await shown.getByRole('button', { name: '我已记下，关闭' }).click();
    await shown.waitFor({ state: 'hidden' });

    await page.getByLabel('用户名或姓名').fill('school-exam');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/search=school-exam/);
    const row = page.getByRole('row', { name: /school-exam/ });
    await expect
      .poll(async () => (await row.textContent()) ?? '', PATIENT)
      .toContain('朝阳区第二中学');
    expect(await row.textContent()).toContain('启用');
    expect(await row.textContent()).toContain('待修改初始密码');
    // The whole list, with the new account among the demo's.
    await page.goto(`${server.url}/users`);
    await page.getByRole('cell', { name: 'school-exam', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'school650', exact: true }).waitFor();
    await settled(page);
    // The table's loading veil fades out after the spinner is gone: no faded rows in the picture.
    await expect.poll(() => page.locator('.ant-spin-blur').count(), PATIENT).toBe(0);
    await screenshot(page, 'users');
  });

  it('the new user signs in with it, is held on the account page until the password is changed, and has no users screen', async () => {
    const user = await newPage(browser);
    try {
      await user.goto(`${server.url}/login`);
      await signInWith(user, 'school-exam', generated);
      // A manager knows the initial password: nothing else opens until its owner changes it.
      await user.getByRole('heading', { name: '账号设置' }).waitFor();
      await user.getByText(/您的账号使用的是管理员设置的初始密码/).waitFor();
      await nav(user).getByRole('link', { name: '待发放社保卡' }).click();
      await user.getByRole('heading', { name: '账号设置' }).waitFor();

      await user.getByLabel('当前密码').fill('not-the-password');
      await user.getByLabel('新密码', { exact: true }).fill('school-exam');
      await user.getByLabel('再次输入新密码').fill('school-exam');
      await user.getByText('密码不能与用户名相同').waitFor();
      await user.getByLabel('新密码', { exact: true }).fill('second-school-2011');
      await user.getByLabel('再次输入新密码').fill('second-school-2011');
      await user.getByRole('button', { name: '修改密码' }).click();
      // The API refuses a wrong current password without signing the user out.
      await user.getByText('当前密码不正确').waitFor();
      await user.getByLabel('当前密码').fill(generated);
      await user.getByRole('button', { name: '修改密码' }).click();
      await user.getByText('密码已修改').waitFor();
      await user.getByRole('heading', { name: '发放工作台' }).waitFor();
      await user.getByText('当前用户：朝阳区第二中学教务处').waitFor();
      expect(await nav(user).getByRole('link').allTextContents()).not.toContain('账号管理');

      await signOut(user);
      await signInWith(user, 'school-exam', generated);
      await user.getByText('用户名或密码错误').waitFor();
      await signInWith(user, 'school-exam', 'second-school-2011');
      // Back where the sign-out left, with nothing held back now.
      await user.getByRole('heading', { name: '发放工作台' }).waitFor();
    } finally {
      await user.context().close();
    }
  });

  it('moves the account to another school: its sign-in ends, the list shows the new unit', async () => {
    const user = await newPage(browser);
    try {
      await user.goto(`${server.url}/login`);
      await signInWith(user, 'school-exam', 'second-school-2011');
      await user.getByRole('heading', { name: '发放工作台' }).waitFor();

      await page.goto(`${server.url}/users?search=school-exam`);
      const row = page.getByRole('row', { name: /school-exam/ });
      await row.getByRole('button', { name: '调整' }).click();
      const dialog = page.getByRole('dialog', { name: '调整账号 school-exam 的角色或所属单位' });
      await dialog.getByText(/全部登录将立即结束/).waitFor();
      await dialog.getByLabel('所属单位').click();
      await dialog.getByLabel('所属单位').fill('第三中学');
      await page.locator(OPEN_DROPDOWN).getByTitle('朝阳区第三中学', { exact: false }).click();
      await dialog.getByRole('button', { name: '保存' }).click();
      await page
        .getByText(/已调整“朝阳区第二中学教务处”的角色或所属单位，结束了 [1-9]\d* 个登录/)
        .waitFor();
      await expect
        .poll(async () => (await row.textContent()) ?? '', PATIENT)
        .toContain('朝阳区第三中学');

      // The moved user's page asks for a new sign-in at its next request.
      await user.reload();
      await user.getByRole('heading', { name: '工作人员登录' }).waitFor();
    } finally {
      await user.context().close();
    }
  });
});

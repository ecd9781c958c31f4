import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page as BrowserPage } from 'playwright-core';
import { expect } from 'vitest';
import type { LoginResult, Page, ResidentDetail, ResidentView } from '@sscard/api/dist/contract.js';
import type { ApiServer } from './api-server.js';
import { newPage } from './browser.js';

/**
 * The browser tests' one set of helpers: the API as a demo user (token, GET, a holder's full ID
 * number), signing in on a page, downloads, and patient page steps.
 */
export const DEMO_PASSWORD = 'sscard-demo';

export async function apiToken(server: ApiServer, username: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as LoginResult).token;
}

export async function apiGet<T>(server: ApiServer, path: string, token: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** The full ID number of a holder (district staff may read it; the read is audited). */
export async function fullIdNumber(
  server: ApiServer,
  token: string,
  holderName: string,
  masked: string,
): Promise<string> {
  const people = await apiGet<Page<ResidentView>>(
    server,
    `/api/residents?pageSize=200&search=${encodeURIComponent(holderName)}`,
    token,
  );
  const person = people.items.find((p) => p.idNumber === masked);
  if (!person) throw new Error(`no resident ${holderName} ${masked}`);
  const full = await apiGet<ResidentDetail>(server, `/api/residents/${person.id}?full=1`, token);
  return full.idNumber;
}

/** Signs in on `page` and waits for the role's start page (the district dashboard by default). */
export async function signIn(
  page: BrowserPage,
  server: ApiServer,
  username: string,
  home = '发放工作台',
): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: home }).waitFor();
}

/** A fresh page signed in as `username` (on the start page `home`). */
export async function signedInPage(
  browser: Browser,
  server: ApiServer,
  username: string,
  home?: string,
): Promise<BrowserPage> {
  const page = await newPage(browser);
  await signIn(page, server, username, home);
  return page;
}

/** Clicks a download button and returns the file's name; the file must be an .xlsx (a zip). */
export async function download(page: BrowserPage, button: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
  return file.suggestedFilename();
}

/** No table or page still loading, and no toast left over from the step before. */
export async function settled(page: BrowserPage): Promise<void> {
  // No hover tooltip in the picture either.
  await page.mouse.move(0, 0);
  await expect
    .poll(() => page.locator('.ant-spin-spinning, .ant-message-notice').count(), PATIENT)
    .toBe(0);
}

export const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/**
 * Picks an option of the antd Select labelled `label` (its listbox is hidden from the a11y tree).
 * Under load a click can land while the list is still opening and select nothing, leaving the
 * list open (seen on CI): the pick is repeated until the Select shows the option, which is never
 * clicked again once chosen (a multiple Select would drop it).
 */
export async function choose(page: BrowserPage, label: string, option: string): Promise<void> {
  const combobox = page.getByLabel(label, { exact: true });
  const field = page.locator('.ant-select').filter({ has: combobox });
  const chosen = async () => (await field.getByTitle(option, { exact: true }).count()) > 0;
  await expect
    .poll(async () => {
      if (await chosen()) return true;
      if ((await page.locator(OPEN_DROPDOWN).count()) === 0) await combobox.click();
      await page
        .locator(OPEN_DROPDOWN)
        .getByTitle(option, { exact: true })
        .click({ timeout: 5_000 })
        .catch(() => undefined);
      return chosen();
    }, PATIENT)
    .toBe(true);
  // The list closes with an animation: the next choice must not find this one still open.
  await expect.poll(() => page.locator(OPEN_DROPDOWN).count(), PATIENT).toBe(0);
}

export const PATIENT = { timeout: 30_000 };

export function nav(page: BrowserPage): Locator {
  return page.getByRole('navigation', { name: '主导航' });
}

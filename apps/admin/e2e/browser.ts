import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (CI: apt-get install chromium fonts-noto-cjk); CHROMIUM_PATH overrides. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A fresh, signed-out page in Chinese on Beijing time. */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  // CI runs this beside the API's own test suite on two cores: be patient, not flaky.
  page.setDefaultTimeout(60_000);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // No hover tooltip or highlighted row in the picture: the pointer leaves the page's content.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

import { mod112CheckDigit } from '@sscard/rules';
import type { Browser, Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResult, Page, StudentDetail, StudentView } from '@sscard/api/dist/contract.js';
import { type ApiServer, startApiServer } from './api-server.js';
import { launchBrowser, newPage, screenshot } from './browser.js';

/**
 * Issue 6, the 2025 student flow in the browser: college staff (college-cs) register a student,
 * upload attachments 1 and 2, submit; the university records Beijing's review; the college
 * records the payment (refused on the 2025-10-08 holiday, accepted on 2025-10-13), the photo
 * and the 3 institutions. The business date is 2025-10-13, inside the payment window (S-2.2a).
 */
const DEMO_PASSWORD = 'sscard-demo';
const TODAY = '2025-10-13';
const PDF = Buffer.from('%PDF-1.4\n% sscard e2e attachment\n%%EOF\n', 'latin1');
const FIRST17 = '11010820060501321';
const ID_NUMBER = FIRST17 + mod112CheckDigit(FIRST17);

let server: ApiServer;
let browser: Browser;

beforeAll(async () => {
  server = await startApiServer({ today: TODAY });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function apiGet<T>(path: string, username: string): Promise<T> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as LoginResult;
  const res = await fetch(`${server.url}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function signIn(username: string): Promise<BrowserPage> {
  const page = await newPage(browser);
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  // The student flow's start page is its dashboard (the first item of the menu).
  await page.getByRole('heading', { name: '学生参保进度' }).waitFor();
  return page;
}

const statusTag = (page: BrowserPage, text: string) =>
  page.locator('.student-status').filter({ hasText: text }).waitFor();

describe('the student flow for college and university staff', () => {
  let studentId = '';

  it('S-1.1 … S-3.1: college staff take a student from registration to the institutions', async () => {
    const page = await signIn('college-cs');
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect((await nav.getByRole('link').allTextContents()).slice(0, 2)).toEqual([
      '学生参保进度',
      '学生参保',
    ]);
    await nav.getByRole('link', { name: '学生参保', exact: true }).click();
    await page.getByRole('heading', { name: '学生参保', exact: true }).waitFor();
    await page.getByRole('link', { name: '林雨桐' }).waitFor();

    // S-1.2: attachment 1's data, checked by the shared schema before it is sent.
    await page.getByRole('button', { name: '登记学生' }).click();
    await page.getByRole('heading', { name: '登记学生' }).waitFor();
    await page.getByLabel('班级').fill('计科2502');
    await page.getByLabel('学号').fill('20252001');
    await page.getByLabel('姓名').fill('赵一鸣');
    await page.getByLabel('证件号码').fill(ID_NUMBER);
    // The 17th digit is odd: a man. Choosing 女 is caught on the page, as the API would.
    await page.getByText('女', { exact: true }).click();
    await page.getByLabel('出生日期').fill('2006-05-01');
    await page.getByLabel('联系电话').fill('13900002001');
    await page.getByText('本人无其他基本医疗保障').click();
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('性别与证件号码不符').waitFor();
    await page.getByText('男', { exact: true }).click();
    await page.getByRole('button', { name: '登记', exact: true }).click();

    await page.waitForURL(/\/students\/[0-9a-f-]{36}$/);
    studentId = page.url().split('/').pop() ?? '';
    const detail = await apiGet<StudentDetail>(`/api/students/${studentId}`, 'college-cs');
    await page.getByRole('heading', { name: `${detail.seq}. 赵一鸣` }).waitFor();
    await statusTag(page, '已登记');
    await page.getByText('符合参保条件：本校全日制在校学生，且无其他基本医疗保障').waitFor();
    // S-1.3: the evidence attachment 2 must hold, for a resident ID card.
    expect(
      await page
        .getByRole('list', { name: '证明材料（附件2）须包含' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(['居民身份证正面', '居民身份证反面']);

    // S-1.3: a file named as attachment 2 whose content is not a PDF is refused, and says why.
    const evidence = page.getByLabel('选择附件2文件');
    await evidence.setInputFiles({
      name: detail.fileNames.attachment2,
      mimeType: 'application/pdf',
      buffer: Buffer.from('not a pdf at all'),
    });
    await page.getByText('文件内容不是PDF文件（与扩展名不符）').waitFor();
    // S-1.2: so is a PDF under another name (409, with the clause).
    await evidence.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: PDF });
    const badName = page.getByRole('alert').filter({ hasText: /证明材料：scan\.pdf/ });
    await badName.waitFor();
    expect(await badName.getByText('依据条款 S-1.2').count()).toBe(1);

    await page.getByLabel('选择附件1文件').setInputFiles({
      name: `${detail.fileNames.attachment1}.pdf`,
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByText(`已上传附件1：${detail.fileNames.attachment1}.pdf`).waitFor();
    await evidence.setInputFiles({
      name: detail.fileNames.attachment2,
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByText(`已上传附件2：${detail.fileNames.attachment2}`).waitFor();
    await page.getByText('附件1、2、3已齐全，可以提交学院。').waitFor();

    // S-1.5: submitted to the college; the review is the university's to record.
    await page.getByRole('button', { name: '提交学院' }).click();
    await statusTag(page, '材料已提交学院');
    await page.getByText('材料已提交，等待北京市审核（由学校医保办录入审核结果）。').waitFor();
    expect(await page.getByRole('button', { name: '录入：北京市审核通过' }).count()).toBe(0);

    const university = await signIn('university');
    await university.goto(`${server.url}/students/${studentId}`);
    await university.getByRole('button', { name: '录入：北京市审核通过' }).click();
    await statusTag(university, '已通过北京市审核');
    await university.context().close();

    // S-2.2a: 2025-10-08 is a National Day holiday — refused, with the clause.
    await page.reload();
    await statusTag(page, '已通过北京市审核');
    await page.getByLabel('缴费日期').fill('2025-10-08');
    await page.getByLabel('缴费时间（北京时间）').fill('10:00');
    await page.getByRole('button', { name: '登记缴费' }).click();
    const refusal = page
      .getByRole('alert')
      .filter({ hasText: '2025-10-08是法定节假日或休息日，不受理缴费' });
    await refusal.waitFor();
    expect(await refusal.getByText('依据条款 S-2.2a').count()).toBe(1);
    await screenshot(page, 'student-payment-refused');

    // S-2.1 / S-2.3: paid inside the window; covered September to December.
    await page.getByLabel('缴费日期').fill('2025-10-13');
    await page.getByRole('button', { name: '登记缴费' }).click();
    await statusTag(page, '已缴费');
    await page.getByText('2025-09-01 至 2025-12-31').waitFor();
    await page.getByText('405 元，京通小程序（推荐），2025-10-13 10:00:00').waitFor();

    // S-1.6: the card photo, answering "no" to proxy handling.
    await page.getByRole('button', { name: '已录入医保卡照片（未选代办）' }).click();
    await statusTag(page, '已录入医保卡照片');

    // S-3.1: three personal designated institutions.
    for (const [i, code] of ['HD-SQ-101', 'HD-YY-102', 'HD-YY-103'].entries()) {
      await page.getByLabel(`定点医疗机构${i + 1} 编码`).fill(code);
    }
    await page.getByRole('button', { name: '保存定点医疗机构' }).click();
    await page.getByText('定点医疗机构已保存').waitFor();
    await page.getByText('没有待办事项。').waitFor();
    await page.getByText('12366').first().waitFor();
    await screenshot(page, 'student-page');
    await page.context().close();
  });

  it('S-1.4 / S-1.6: the list filters on the server and the summary table downloads', async () => {
    const page = await signIn('college-cs');
    await page.goto(`${server.url}/students?status=photo_recorded`);
    await page.getByRole('link', { name: '赵一鸣' }).waitFor();
    expect(await page.getByRole('link', { name: '林雨桐' }).count()).toBe(0);
    await page.getByText('共 1 条').waitFor();

    await page.goto(`${server.url}/students?eligible=false`);
    const row = page.getByRole('row', { name: /林雨桐/ });
    expect(await row.textContent()).toContain('已享受职工医保，不能重复参加城乡居民基本医疗保险');

    await page.goto(`${server.url}/students`);
    await page.getByRole('link', { name: '赵一鸣' }).waitFor();
    await screenshot(page, 'students');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载计算机学院汇总表（附件3）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      '【计算机学院】2025年北京市城乡居民基本医疗保险新参保信息汇总表.xlsx',
    );
    await page.context().close();
  });

  it('college staff cannot open another college’s student: a 404 page', async () => {
    const foreign = await apiGet<Page<StudentView>>('/api/students?search=郑欣怡', 'university');
    const student = foreign.items[0];
    expect(student?.college.name).toBe('外国语学院');
    const page = await signIn('college-cs');
    await page.goto(`${server.url}/students/${student?.id}`);
    await page.getByRole('heading', { name: '未找到该学生' }).waitFor();
    await page.getByText('该学生不存在，或不属于您所在的学院。').waitFor();
    expect(await page.getByText('郑欣怡').count()).toBe(0);
    await page.context().close();
  });

  it('S-1.6: university staff see every college’s progress', async () => {
    const page = await signIn('university');
    const table = page.getByRole('region', { name: '各学院进度' });
    const cs = table.getByRole('row', { name: /计算机学院/ });
    const fl = table.getByRole('row', { name: /外国语学院/ });
    await cs.waitFor();
    await fl.waitFor();
    // 计算机学院: 4 demo students + 赵一鸣; 外国语学院: 3.
    expect((await cs.getByRole('cell').nth(1).textContent())?.trim()).toBe('5');
    expect((await fl.getByRole('cell').nth(1).textContent())?.trim()).toBe('3');
    await screenshot(page, 'college-dashboard');
    await page.context().close();
  });
});

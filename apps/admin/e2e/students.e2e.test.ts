import { mod112CheckDigit } from '@sscard/rules';
import type { Browser, Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, StudentDetail, StudentView } from '@sscard/api/dist/contract.js';
import { type ApiServer, startApiServer } from './api-server.js';
import { launchBrowser, screenshot } from './browser.js';
import { apiGet, apiToken, download, OPEN_DROPDOWN, signedInPage } from './district-helpers.js';

/**
 * Issue 6, the 2025 student flow in the browser: college staff (college-cs) register a student
 * (a wrong check digit and a wrong gender are caught on the form), download the generated
 * registration form, upload attachments 1 and 2 (a non-PDF, a misnamed and an oversized file
 * refused), download the college summary (attachment 3) and submit; the university records
 * Beijing's review; the college records the payment — refused on the 2025-10-08 holiday and at
 * 15:01, accepted on 2025-10-11, a make-up working Saturday — then the photo and the 3
 * institutions. An ineligible student is refused with the S-1.1 reason. The business date is
 * 2025-10-13, inside the payment window (S-2.2a); the file cap is 1 MB for this run.
 */
const TODAY = '2025-10-13';
const PDF = Buffer.from('%PDF-1.4\n% sscard e2e attachment\n%%EOF\n', 'latin1');
const FIRST17 = '11010820060501321';
const ID_NUMBER = FIRST17 + mod112CheckDigit(FIRST17);
const WRONG_CHECK_DIGIT = FIRST17 + (ID_NUMBER.endsWith('0') ? '1' : '0');

let server: ApiServer;
let browser: Browser;

beforeAll(async () => {
  server = await startApiServer({ today: TODAY, env: { STUDENT_FILE_MAX_MB: '1' } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** GET as a demo user. */
async function apiGetAs<T>(path: string, username: string): Promise<T> {
  return apiGet<T>(server, path, await apiToken(server, username));
}

/** A fresh page signed in as `username`; the student flow's start page is its dashboard. */
const signIn = (username: string, home = '学生参保进度') =>
  signedInPage(browser, server, username, home);

/** Clicks a download button and returns the file's suggested name. */
const downloaded = (page: BrowserPage, button: string) =>
  download(page, page.getByRole('button', { name: button }));

/** A refusal on the page, with its clause. */
async function refusal(page: BrowserPage, text: string | RegExp, clause: string) {
  const alert = page.getByRole('alert').filter({ hasText: text });
  await alert.waitFor();
  expect(await alert.getByText(`依据条款 ${clause}`).count()).toBe(1);
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
    // S-1.3: a wrong check digit is caught on the form by the shared schema, naming the right one.
    await page.getByLabel('证件号码').fill(WRONG_CHECK_DIGIT);
    await page.getByLabel('出生日期').fill('2006-05-01');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText(`校验码错误（应为 ${ID_NUMBER.at(-1)}）`).waitFor();
    await screenshot(page, 'student-id-refused');
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
    const detail = await apiGetAs<StudentDetail>(`/api/students/${studentId}`, 'college-cs');
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

    // The size cap (1 MB in this run): refused, and says the limit.
    await evidence.setInputFiles({
      name: detail.fileNames.attachment2,
      mimeType: 'application/pdf',
      buffer: Buffer.concat([PDF, Buffer.alloc(1_048_576, 0x20)]),
    });
    await page.getByText('文件不能超过1 MB').waitFor();

    // S-1.2: attachment 1 generated from the stored data, to check and sign.
    expect(await downloaded(page, '下载预填的登记表（附件1）')).toBe(
      `${detail.fileNames.attachment1}.xlsx`,
    );
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
    // S-1.4 / S-1.5: attachment 3 is ticked once the summary including the student is produced.
    await page.getByText('材料未齐，齐全后才能提交学院（S-1.5）。').waitFor();
    expect(await downloaded(page, '下载学院汇总表（附件3）')).toBe(
      '【计算机学院】2025年北京市城乡居民基本医疗保险新参保信息汇总表.xlsx',
    );
    await page.getByText('附件1、2、3已齐全，可以提交学院。').waitFor();
    await page.getByText(/含本人信息的学院汇总表已于 .+ 生成。/).waitFor();

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

    // S-2.2b: reviewed and unpaid on 2025-10-13: the one withholding date left in the window.
    await page.reload();
    await statusTag(page, '已通过北京市审核');
    await page.getByText('已签订批扣协议的，银行将于2025-10-15扣款').waitFor();
    await page
      .getByText('缴费时间：2025-10-05至2025-10-20期间的工作日09:00-15:00（北京时间）（S-2.2a）', {
        exact: false,
      })
      .waitFor();

    // S-2.2a: 2025-10-08 is a National Day holiday — refused, with the clause.
    const pay = async (date: string, time: string) => {
      await page.getByLabel('缴费日期').fill(date);
      await page.getByLabel('缴费时间（北京时间）').fill(time);
      await page.getByRole('button', { name: '登记缴费' }).click();
    };
    await pay('2025-10-08', '10:00');
    await refusal(page, '2025-10-08是法定节假日或休息日，不受理缴费', 'S-2.2a');
    await screenshot(page, 'student-payment-refused');
    // S-2.2a: a working day, but at 15:01 — after the window's hours.
    await pay('2025-10-13', '15:01');
    await refusal(page, '缴费时间为每日09:00-15:00（北京时间），现在是15:01:00', 'S-2.2a');

    // S-2.2a: 2025-10-11 is a Saturday, but a make-up working day (调休): accepted.
    // S-2.1 / S-2.3: 405 元; covered September to December, costs before paid back by hand.
    await pay('2025-10-11', '10:00');
    await statusTag(page, '已缴费');
    await page.getByText('2025-09-01 至 2025-12-31').waitFor();
    await page.getByText('405 元，京通小程序（推荐），2025-10-11 10:00:00').waitFor();
    await page.getByText(/缴费成功前产生的费用.*手工报销/).waitFor();
    expect(await page.getByText('银行批量扣款日').count()).toBe(0);

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
    const foreign = await apiGetAs<Page<StudentView>>('/api/students?search=郑欣怡', 'university');
    const student = foreign.items[0];
    expect(student?.college.name).toBe('外国语学院');
    const page = await signIn('college-cs');
    await page.goto(`${server.url}/students/${student?.id}`);
    await page.getByRole('heading', { name: '未找到该学生' }).waitFor();
    await page.getByText('该学生不存在，或不属于您所在的学院。').waitFor();
    expect(await page.getByText('郑欣怡').count()).toBe(0);
    await page.context().close();
  });

  it('S-1.1: an ineligible student is registered with the reason, and refused everything else', async () => {
    const page = await signIn('college-cs');
    await page.goto(`${server.url}/students/new`);
    await page.getByRole('heading', { name: '登记学生' }).waitFor();
    // The 17th digit is odd: a man.
    const first17 = '11010820060702411';
    await page.getByLabel('班级').fill('计科2502');
    await page.getByLabel('学号').fill('20252002');
    await page.getByLabel('姓名').fill('孙立新');
    await page.getByLabel('证件号码').fill(first17 + mod112CheckDigit(first17));
    await page.getByText('男', { exact: true }).click();
    await page.getByLabel('出生日期').fill('2006-07-02');
    await page.getByLabel('联系电话').fill('13900002002');
    // Covered by employee medical insurance, so no declaration of no other cover.
    await page.getByRole('combobox', { name: '其他基本医疗保障' }).click();
    await page.locator(OPEN_DROPDOWN).getByTitle('职工医保', { exact: true }).click();
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.waitForURL(/\/students\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() ?? '';
    const detail = await apiGetAs<StudentDetail>(`/api/students/${id}`, 'college-cs');
    const reason = '已享受职工医保，不能重复参加城乡居民基本医疗保险';
    await page.getByText('不符合参保条件', { exact: true }).waitFor();
    await page.getByText(reason).first().waitFor();
    // No generated form and no summary for a student the summary table leaves out.
    expect(await page.getByRole('button', { name: '下载预填的登记表（附件1）' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '下载学院汇总表（附件3）' }).count()).toBe(0);
    // S-1.1: the upload is refused with the reason…
    await page.getByLabel('选择附件2文件').setInputFiles({
      name: detail.fileNames.attachment2,
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    const slot = page.getByRole('region', { name: '附件2 证明材料（PDF）' });
    await slot.getByRole('alert').filter({ hasText: reason }).waitFor();
    expect(await slot.getByText('依据条款 S-1.1').count()).toBe(1);
    // …and so is the submission (the third alert with the reason: eligibility, upload, submit).
    const withReason = page.getByRole('alert').filter({ hasText: reason });
    expect(await withReason.count()).toBe(2);
    await page.getByRole('button', { name: '提交学院' }).click();
    await withReason.nth(2).waitFor();
    await statusTag(page, '已登记');
    await screenshot(page, 'student-ineligible');
    await page.context().close();
  });

  it('S-1.6: district staff read the district’s students and record Beijing’s review', async () => {
    const page = await signIn('haidian', '发放工作台');
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '学生参保', exact: true }).click();
    await page.getByRole('link', { name: '周子涵' }).click();
    await statusTag(page, '材料已提交学院');
    // The generated form carries the full ID number: not for the district's screens.
    expect(await page.getByRole('button', { name: '下载预填的登记表（附件1）' }).count()).toBe(0);
    await page.getByRole('button', { name: '录入：北京市审核通过' }).click();
    await statusTag(page, '已通过北京市审核');
    await page.context().close();
  });

  it('S-1.6: university staff see every college’s progress', async () => {
    const page = await signIn('university');
    const table = page.getByRole('region', { name: '各学院进度' });
    const cs = table.getByRole('row', { name: /计算机学院/ });
    const fl = table.getByRole('row', { name: /外国语学院/ });
    await cs.waitFor();
    await fl.waitFor();
    // 计算机学院: 4 demo students + 赵一鸣 + 孙立新; 外国语学院: 3.
    expect((await cs.getByRole('cell').nth(1).textContent())?.trim()).toBe('6');
    expect((await fl.getByRole('cell').nth(1).textContent())?.trim()).toBe('3');
    await screenshot(page, 'college-dashboard');

    // The colleges screen: each college with its registration code and progress.
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '院（系）' })
      .click();
    await page.getByRole('heading', { name: '院（系）' }).waitFor();
    const row = page.getByRole('row', { name: /计算机学院/ });
    expect(await row.textContent()).toContain('11010830001');
    await page
      .getByText('添加院（系）由区县社保中心办理（院系须有社会保险登记证编码）。')
      .waitFor();
    await screenshot(page, 'student-colleges');
    await page.context().close();
  });
});

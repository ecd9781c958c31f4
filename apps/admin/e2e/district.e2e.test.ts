import type { Browser, Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BatchView,
  CardView,
  Page,
  PoolCardView,
  ResidentView,
} from '@sscard/api/dist/contract.js';
import { todayInShanghai } from '@sscard/rules';
import { type ApiServer, startApiServer } from './api-server.js';
import { launchBrowser, newPage, screenshot } from './browser.js';
import {
  apiGet,
  apiToken,
  choose,
  download,
  fullIdNumber,
  nav,
  OPEN_DROPDOWN,
  PATIENT,
  settled,
  signIn,
} from './district-helpers.js';

/**
 * The district centre's screens on the demo district (Issue 5): schools of 650, 600 and 599
 * card-eligible people on each side of the N-2.2 threshold, a kindergarten holding cards at the
 * unit, and a street office whose returned cards are in the reissue pool.
 */
let browser: Browser;

function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, PATIENT);
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('district staff on 2011-01-10 (before returns open)', () => {
  let server: ApiServer;
  let page: BrowserPage;

  beforeAll(async () => {
    server = await startApiServer({ today: '2011-01-10' });
    page = await newPage(browser);
    await signIn(page, server, 'chaoyang');
  });

  afterAll(async () => {
    await page?.context().close();
    await server?.close();
  });

  it('N-2.2a/b: the units list shows the route the API gives on each side of 600', async () => {
    // The district centre's screens, in this order, among the others' (imports…).
    const district = [
      '参保单位',
      '发卡批次',
      '领取登记',
      '退卡核对',
      '二次发行',
      '参保人员',
      '未选社区机构',
      '逾期清单',
    ];
    const links = await nav(page).getByRole('link').allTextContents();
    expect(links.filter((l) => district.includes(l))).toEqual(district);
    expect(links).toEqual(expect.arrayContaining(['工作台', '社保卡', '操作日志']));
    await nav(page).getByRole('link', { name: '参保单位' }).click();
    await page.getByRole('heading', { name: '参保单位' }).waitFor();
    // Largest first, so the threshold's two sides sit together.
    const eligible = page.getByRole('columnheader', { name: '符合制卡条件人数' });
    await eligible.click();
    await page.waitForURL(/sort=eligibleCount&order=asc/);
    // The header shows the URL's sort once rendered; only then is the next click "descending".
    await poll(() => eligible.getAttribute('aria-sort')).toBe('ascending');
    await eligible.click();
    await page.waitForURL(/sort=eligibleCount&order=desc/);
    for (const [unit, count, route] of [
      ['朝阳区实验小学', '650', '集成服务商直接送达'],
      ['朝阳区第一中学', '600', '集成服务商直接送达'],
      ['朝阳区第二中学', '599', '单位限时到指定地点领取'],
    ] as const) {
      const row = page.getByRole('row', { name: new RegExp(unit) });
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(count);
      expect(text).toContain(route);
    }
    await settled(page);
    await screenshot(page, 'units');

    // The English switch: the same list, the interface in English, the data as it is.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Insured units' }).waitFor();
    await page.getByRole('columnheader', { name: 'Card-eligible people' }).first().waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Audit log' })
      .waitFor();
    expect(await page.getByRole('row', { name: /朝阳区第二中学/ }).textContent()).toContain(
      'Unit collects at the named place by the deadline',
    );
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { name: '参保单位' }).waitFor();

    // Search by registration code (server-side), then the unit's page with its export.
    await page.getByLabel('单位名称或社会保险登记证编码').fill('11010510003');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/search=11010510003/);
    await poll(() => page.getByRole('row').count()).toBe(2);
    await page.getByRole('link', { name: '朝阳区第二中学' }).click();
    await page.getByRole('heading', { name: '参保单位：朝阳区第二中学' }).waitFor();
    const name = await download(page, page.getByRole('button', { name: '单位核对表（.xlsx）' }));
    expect(name).toMatch(/11010510003.*\.xlsx$/);

    // N-2.2a / N-2.3: the district names the unit's designated person (audited, see below).
    await page.getByRole('button', { name: /^(修改)?指定专人$/ }).click();
    await page.getByLabel('指定专人姓名').fill('孙老师');
    await page.getByLabel('联系电话').fill('138 0000 0005');
    await page.getByRole('button', { name: '保存指定专人' }).click();
    await page.getByText('已指定专人：孙老师').waitFor();
    expect(await page.getByTestId('designated-person').textContent()).toBe('孙老师（13800000005）');
    await settled(page);
    await screenshot(page, 'unit-detail');
  });

  it('N-2.2a/b: a dispatch routes 650 and 600 to delivery, 599 to pickup, each with its document', async () => {
    await nav(page).getByRole('link', { name: '发卡批次' }).click();
    await page.getByRole('heading', { name: '发卡批次' }).waitFor();
    await page.getByRole('button', { name: '发起分发' }).click();
    await page.getByLabel('领取地点').fill('朝阳区社保中心一层发卡大厅');
    await page.getByLabel('领取期限').fill('2011-01-14');
    await page.getByRole('button', { name: '生成批次' }).click();

    const result = page.getByRole('region', { name: '本次生成的批次' });
    await result.getByText('已生成 4 个批次，共 1857 张社保卡').waitFor();
    const row = (unit: string) => result.getByRole('row', { name: new RegExp(unit) });
    await row('朝阳区第二中学').waitFor();
    for (const unit of ['朝阳区实验小学', '朝阳区第一中学']) {
      expect(await row(unit).textContent()).toContain('集成服务商直接送达');
      expect(await row(unit).getByRole('button', { name: '送达清单（.xlsx）' }).count()).toBe(1);
      expect(await row(unit).getByRole('button', { name: '领取通知单（.xlsx）' }).count()).toBe(0);
    }
    const small = row('朝阳区第二中学');
    expect(await small.textContent()).toContain('单位限时到指定地点领取');
    expect(await small.getByRole('button', { name: '送达清单（.xlsx）' }).count()).toBe(0);

    const notice = await download(page, small.getByRole('button', { name: '领取通知单（.xlsx）' }));
    expect(notice).toMatch(/^社会保障卡领取通知_110105-20110110-\d{4}\.xlsx$/);
    const manifest = await download(
      page,
      row('朝阳区第一中学').getByRole('button', { name: '送达清单（.xlsx）' }),
    );
    expect(manifest).toMatch(/^社会保障卡送达清单_110105-20110110-\d{4}\.xlsx$/);
    const receipt = await download(page, small.getByRole('button', { name: '回执单（.xlsx）' }));
    expect(receipt).toMatch(/^北京市社会保障卡发行回执单_110105-20110110-\d{4}_.*\.xlsx$/);
    await settled(page);
    await screenshot(page, 'batches');

    // The direct-delivery batch's next step: the unit names a receiver (N-2.2a).
    await row('朝阳区实验小学').getByRole('link').first().click();
    await page.getByRole('heading', { name: /^发卡批次 110105-20110110-/ }).waitFor();
    await page.getByRole('heading', { name: '登记单位指定的接收人（N-2.2a）' }).waitFor();
    await page.getByLabel('接收人姓名').fill('李老师');
    await page.getByLabel('联系电话').fill('13800000001');
    await page.getByRole('button', { name: '保存接收人' }).click();
    await page.getByText('待送达', { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: '登记集成服务商送达（N-2.2a）' }).waitFor();
    await settled(page);
    await screenshot(page, 'batch-detail');

    // N-2.2a: the vendor delivers to the unit the receiver was named for.
    expect(await page.getByLabel('送达单位').isChecked()).toBe(true);
    await poll(() => page.getByLabel('送达日期').inputValue()).toBe('2011-01-10');
    await page.getByRole('button', { name: '登记送达' }).click();
    await page.getByText('已登记送达，650 张社保卡').waitFor();
    await page.getByText('已到单位', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: '退卡与核对' }).waitFor();
  });

  it('N-2.2b: a pickup with the wrong credential code is refused with its clause, then recorded', async () => {
    await nav(page).getByRole('link', { name: '领取登记' }).click();
    await page.getByRole('heading', { name: '单位领取登记' }).waitFor();
    await page
      .getByRole('row', { name: /朝阳区第二中学/ })
      .getByRole('button', { name: '登记领取' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/朝阳区第二中学（批次 110105-20110110-\d{4}）/).waitFor();
    await poll(() => dialog.getByLabel('领取日期').inputValue()).toBe('2011-01-10');
    await dialog.getByLabel('凭证上的社会保险登记证编码').fill('11010510001');
    await dialog.getByLabel('领取人姓名').fill('王老师');
    await dialog.getByRole('button', { name: '确认领取' }).click();
    await dialog.getByText('领取凭证上的社会保险登记证编码与单位不符').waitFor();
    expect(await dialog.getByTestId('error-clause').textContent()).toBe('依据条款 N-2.2b');
    await settled(page);
    await screenshot(page, 'pickup');

    await dialog.getByLabel('凭证上的社会保险登记证编码').fill('1101 0510 003');
    await dialog.getByRole('button', { name: '确认领取' }).click();
    await page.getByText('领取已登记，599 张社保卡已到单位').waitFor();
    await poll(() => page.getByRole('row', { name: /朝阳区第二中学/ }).count()).toBe(0);
  });

  it('N-2.4b: a parent finds a card of the collected batch at the school', async () => {
    const token = await apiToken(server, 'chaoyang');
    const batches = await apiGet<Page<BatchView>>(
      server,
      `/api/batches?search=${encodeURIComponent('朝阳区第二中学')}`,
      token,
    );
    const batch = batches.items[0];
    expect(batch?.state).toBe('at_unit');
    const cards = await apiGet<Page<CardView>>(
      server,
      `/api/cards?batchId=${batch?.id}&pageSize=1`,
      token,
    );
    const card = cards.items[0];
    if (!card) throw new Error('the collected batch has no card');
    const idNumber = await fullIdNumber(server, token, card.holderName, card.idNumberMasked);

    const parent = await newPage(browser);
    await parent.goto(`${server.url}/lookup`);
    await parent.getByLabel('姓名').fill(card.holderName);
    await parent.getByLabel('证件号码').fill(idNumber);
    await parent.getByRole('button', { name: '查询' }).click();
    const result = parent.getByRole('region', { name: '查询结果' });
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('已到单位待发放');
    expect(text).toContain('参保单位：朝阳区第二中学');
    expect(text).toContain('2011-01-15');
    expect(text).not.toContain(idNumber);
    await parent.context().close();
  });

  it('N-2.4c: the reconciliation shows what is unsigned; a return before 21 January is refused', async () => {
    await nav(page).getByRole('link', { name: '退卡核对' }).click();
    await page.getByRole('heading', { name: '退卡与核对' }).waitFor();
    await page
      .getByRole('row', { name: /朝阳区和平里幼儿园/ })
      .getByRole('link', { name: '核对' })
      .click();
    await page.getByRole('heading', { name: /^退卡核对：批次 / }).waitFor();
    await page.getByText('收到 30 = 签收 12 + 退回 0').waitFor();
    expect(await page.getByTestId('reconciliation-status').textContent()).toBe('未平衡');
    await page.getByText('本次应退回 18 张未发出的社保卡').waitFor();
    await poll(() => page.getByLabel('退回日期').inputValue()).toBe('2011-01-10');
    await page.getByLabel('已同时交回回执单第一联').check();
    await page.getByRole('button', { name: '确认退回' }).click();
    await page.getByText('2011-01-21起才能退回未发出的社保卡').waitFor();
    expect(await page.getByTestId('error-clause').textContent()).toBe('依据条款 N-2.4c');
    await screenshot(page, 'returns');
  });

  it('N-1.x: residents are listed with masked ID numbers; N-1.6 and N-3 lists download', async () => {
    await nav(page).getByRole('link', { name: '参保人员' }).click();
    await page.getByRole('heading', { name: '参保人员' }).waitFor();
    // Masked by the API: the birth date inside the number is hidden too.
    await page
      .getByRole('cell', { name: /^110105\*{8}\d{3}[\dX]$/ })
      .first()
      .waitFor();
    await settled(page);
    await screenshot(page, 'residents');

    await nav(page).getByRole('link', { name: '未选社区机构' }).click();
    await page.getByRole('heading', { name: '未选定社区卫生服务机构的人员（N-1.6）' }).waitFor();
    await poll(() => page.getByRole('row').count()).toBeGreaterThan(1);
    await settled(page);
    await screenshot(page, 'missing-institution');
    expect(
      await download(
        page,
        page.getByRole('button', { name: '未选定社区卫生服务机构名单（.xlsx）' }),
      ),
    ).toMatch(/\.xlsx$/);

    await nav(page).getByRole('link', { name: '逾期清单' }).click();
    await page.getByRole('heading', { name: '逾期清单' }).waitFor();
    // The demo's kindergarten had until 2011-01-08 to collect (N-2.2b).
    const overdue = page.getByRole('row', { name: /朝阳区团结湖幼儿园/ });
    expect(await overdue.textContent()).toContain('2011-01-08');
    await settled(page);
    await screenshot(page, 'overdue');
    expect(await download(page, page.getByRole('button', { name: '逾期清单（.xlsx）' }))).toMatch(
      /\.xlsx$/,
    );
  });

  it('N-1.3a / N-1.6: a new elderly resident is enrolled at the fee the API decides, and pays', async () => {
    await page.goto(`${server.url}/residents`);
    await page.getByRole('button', { name: '新增参保人员' }).click();
    await page.getByRole('heading', { name: '新增参保人员' }).waitFor();
    await page.getByLabel('姓名').fill('赵建国');
    // S-1.3: the shared schema checks the check digit on the page.
    await page.getByLabel('证件号码').fill('110105194912310020');
    await page.getByLabel('出生日期').fill('1949-12-31');
    await page.getByText('校验码错误（应为 X）').waitFor();
    await page.getByLabel('证件号码').fill('11010519491231002x');
    await choose(page, '人员类别', '城镇老年人');
    await page.getByLabel('当前参保单位').click();
    await page.getByLabel('当前参保单位').fill('麦子店');
    await page.locator(OPEN_DROPDOWN).getByTitle('麦子店街道社会保障事务所（11010510007）').click();
    await page.getByRole('button', { name: '保存', exact: true }).click();

    await page.getByRole('heading', { name: '参保人员：赵建国' }).waitFor();
    await page.getByText('110105********002X').waitFor();
    await page.getByRole('button', { name: '新增参保登记' }).click();
    await poll(() => page.getByLabel('参保日期').inputValue()).toBe('2011-01-10');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    // N-1.3a: the elderly pay 300 元; no exemption without a verification (N-1.4a).
    await page.getByText('系统按规则计算的结果').waitFor();
    await page.getByRole('cell', { name: '300 元' }).waitFor();
    const row = page.getByRole('row', { name: /2011.*城镇老年人/ });
    expect(await row.textContent()).toContain('未缴费');

    await row.getByRole('button', { name: '登记缴费' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('金额（元）').inputValue()).toBe('300');
    await dialog.getByLabel('缴费日期').fill('2011-01-10');
    await dialog.getByRole('button', { name: '登记缴费' }).click();
    await page.getByText('已登记缴费 300 元（2011-01-10）').waitFor();
    await poll(async () => (await row.textContent()) ?? '').toContain('已缴费');

    // N-1.4a/b: the yearly verification of a subsidy flag; passed, the flag is on the person.
    await page.getByRole('button', { name: '登记验审' }).click();
    await choose(page, '补助标识', '重度残疾老年人');
    await page.getByLabel('证明材料').fill('残疾人证（一级）');
    await poll(() => page.getByLabel('验审日期').inputValue()).toBe('2011-01-10');
    await page.getByRole('button', { name: '保存验审' }).click();
    await page.getByText('验审已登记').waitFor();
    const verified = page.getByRole('row', { name: /残疾人证（一级）/ });
    expect(await verified.textContent()).toContain('通过');
    await poll(
      async () => (await page.locator('.ant-descriptions').first().textContent()) ?? '',
    ).toContain('重度残疾老年人');
    await settled(page);
    await screenshot(page, 'resident-detail');

    // N-1.6: an elderly person with no community institution is on the list…
    const detailUrl = page.url();
    await page.goto(`${server.url}/missing-institution?search=${encodeURIComponent('赵建国')}`);
    const listed = page.getByRole('row', { name: /赵建国/ });
    expect(await listed.textContent()).toContain('110105********002X');

    // …until one is designated on the resident's page.
    await page.goto(detailUrl);
    await page.getByRole('button', { name: '修改定点医疗机构' }).click();
    // S-3.1: three personal institutions; N-1.6: one of them a community health institution.
    const add = page.getByRole('button', { name: /添加定点医疗机构/ });
    for (const [n, code] of [
      [1, '110105001'],
      [2, '110105002'],
      [3, '110105003'],
    ] as const) {
      await add.click();
      await page.getByLabel(`医疗机构编码 ${n}`).fill(code);
      if (n > 1) await choose(page, `医疗机构类别 ${n}`, '综合医疗机构');
    }
    await page.getByRole('button', { name: '保存定点医疗机构' }).click();
    await page.getByText('定点医疗机构已保存').waitFor();
    await page.getByRole('cell', { name: '社区卫生服务机构' }).waitFor();
    expect(await page.getByRole('cell', { name: '综合医疗机构' }).count()).toBe(2);
    await page.goto(`${server.url}/missing-institution?search=${encodeURIComponent('赵建国')}`);
    await page.getByRole('heading', { name: '未选定社区卫生服务机构的人员（N-1.6）' }).waitFor();
    await poll(() => page.getByRole('row').nth(1).textContent()).toContain('暂无数据');
  });

  it('the audit log, filtered by record and action, shows the designated person’s change', async () => {
    await nav(page).getByRole('link', { name: '操作日志' }).click();
    await page.getByRole('heading', { name: '操作日志' }).waitFor();
    await choose(page, '对象类型', '参保单位');
    await choose(page, '操作', '设置指定专人');
    await page.getByLabel('起始日期').fill(todayInShanghai());
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.waitForURL(/action=set_designated_person/);
    expect(new URL(page.url()).searchParams.get('entity')).toBe('unit');
    await page.getByText('共 1 条').waitFor();
    const entry = page.getByRole('row', { name: /设置指定专人/ });
    expect(await entry.textContent()).toContain('朝阳区社保中心');
    await settled(page);
    await screenshot(page, 'audit-log');
    await entry.getByRole('button', { name: /^查看/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('操作详情').waitFor();
    expect(await drawer.locator('pre').last().textContent()).toContain('"name": "孙老师"');
  });

  it('N-2.5: a card back from the street office for identity sync is returned to its holder; no other change while it is away', async () => {
    const token = await apiToken(server, 'chaoyang');
    const syncing = await apiGet<Page<CardView>>(
      server,
      '/api/cards?state=identity_sync&pageSize=1',
      token,
    );
    const card = syncing.items[0];
    if (!card) throw new Error('the demo has no card in identity sync');
    const people = await apiGet<Page<ResidentView>>(
      server,
      `/api/residents?pageSize=50&search=${encodeURIComponent(card.holderName)}`,
      token,
    );
    const person = people.items.find((p) => p.idNumber === card.idNumberMasked);
    if (!person) throw new Error(`no resident ${card.holderName}`);
    await page.goto(`${server.url}/residents/${person.id}`);
    await page.getByRole('heading', { name: `参保人员：${card.holderName}` }).waitFor();
    const cardRow = page.getByRole('row', { name: new RegExp(card.cardNumber ?? card.id) });
    expect(await cardRow.textContent()).toContain('身份信息同步处理中');

    // While the card is away for the sync, no other change can start on it.
    await page.getByRole('button', { name: '变更人员类别' }).click();
    await choose(page, '新人员类别', '城镇无业居民');
    await page.getByRole('button', { name: '登记变更' }).click();
    await page.getByText('社保卡当前状态为“身份信息同步处理中”，不能执行此操作').waitFor();
    await page.getByText('N-2.5').first().waitFor();
    await page.getByRole('button', { name: '取消' }).click();

    const change = page.getByRole('row', { name: /城镇无业居民.*城镇老年人/ });
    expect(await change.textContent()).toContain('待同步');
    await change.getByRole('button', { name: '登记同步完成' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('同步日期').inputValue()).toBe('2011-01-10');
    await dialog.getByRole('button', { name: '确认同步完成' }).click();
    await page.getByText('身份信息同步已完成，社保卡交还持卡人').waitFor();
    await poll(async () => (await change.textContent()) ?? '').toContain('2011-01-10 已同步');
    await poll(async () => (await cardRow.textContent()) ?? '').toContain('已发放');
  });
});

describe('district staff on 2011-03-03 (returns and reissues open)', () => {
  let server: ApiServer;
  let page: BrowserPage;

  beforeAll(async () => {
    server = await startApiServer({ today: '2011-03-03' });
    page = await newPage(browser);
    await signIn(page, server, 'chaoyang');
  });

  afterAll(async () => {
    await page?.context().close();
    await server?.close();
  });

  it('N-2.4c: the kindergarten’s undistributed cards come back and the receipt reconciles', async () => {
    await page.goto(`${server.url}/returns`);
    await page
      .getByRole('row', { name: /朝阳区和平里幼儿园/ })
      .getByRole('link', { name: '核对' })
      .click();
    await page.getByText('本次应退回 18 张未发出的社保卡').waitFor();
    await poll(() => page.getByLabel('退回日期').inputValue()).toBe('2011-03-03');
    await page.getByLabel('已同时交回回执单第一联').check();
    await page.getByRole('button', { name: '确认退回' }).click();
    await page.getByText('已退回 18 张社保卡，进入二次发行库').waitFor();
    await page.getByText('收到 30 = 签收 12 + 退回 18').waitFor();
    expect(await page.getByTestId('reconciliation-status').textContent()).toBe('已平衡');
    await screenshot(page, 'returns-reconciled');
  });

  it('N-2.4d: a reissue application at a service point takes a card out of the pool', async () => {
    const token = await apiToken(server, 'chaoyang');
    const pool = await apiGet<Page<PoolCardView>>(
      server,
      '/api/reissue-pool?sort=holderName&pageSize=1',
      token,
    );
    const card = pool.items[0];
    if (!card) throw new Error('the reissue pool is empty');
    const idNumber = await fullIdNumber(server, token, card.holderName, card.idNumberMasked);

    await nav(page).getByRole('link', { name: '二次发行' }).click();
    await page.getByRole('heading', { name: '二次发行（补发申请）' }).waitFor();
    await page.getByLabel('姓名、卡号或完整证件号码').fill(idNumber);
    await page.getByRole('button', { name: '搜索' }).click();
    await poll(() => page.getByRole('row').count()).toBe(2);
    await page
      .getByRole('row', { name: new RegExp(card.holderName) })
      .getByRole('button', { name: '受理申请' })
      .click();
    expect(await page.getByLabel('参保人（孩子）姓名').inputValue()).toBe(card.holderName);
    await page.getByLabel('服务网点').click();
    await page
      .locator(OPEN_DROPDOWN)
      .getByTitle('八里庄街道社保卡服务网点（八里庄西里100号）')
      .click();
    await page.getByLabel('参保人证件号码').fill(idNumber);
    await page.getByLabel('申请人姓名').fill('张家长');
    await poll(() => page.getByLabel('申请日期').inputValue()).toBe('2011-03-03');
    await page.getByRole('button', { name: '受理并发卡' }).click();
    await page.getByText(`已补发社保卡 ${card.cardNumber}（八里庄街道社保卡服务网点）`).waitFor();
    // The card left the pool: the same search now finds nothing.
    await poll(() => page.getByRole('row').nth(1).textContent()).toContain('暂无数据');
    // Back to the whole pool: 6 from the street office + 18 from the kindergarten, less this one.
    await page.getByLabel('姓名、卡号或完整证件号码').fill('');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByText('共 23 条').waitFor();
    await settled(page);
    await screenshot(page, 'reissues');
    expect(
      await download(page, page.getByRole('button', { name: '二次发行库清单（.xlsx）' })),
    ).toMatch(/\.xlsx$/);
  });
});

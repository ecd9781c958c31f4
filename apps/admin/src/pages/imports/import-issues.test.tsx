import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportIssueView, Page } from '../../api/contract.js';
import { setSession } from '../../auth/session-store.js';
import { renderWithProviders } from '../../test/render.js';
import { ImportIssues } from './import-issues.js';
import { jobView, routedFetch } from './import-test-data.js';

const JOB = jobView({
  state: 'invalid',
  phase: 'finished',
  fileName: 'bad-rows.xlsx',
  rowsRead: 7,
  rowsValid: 1,
  issueCount: 7,
  message: '6行数据有问题（共7处），请下载错误报告，修改后重新上传 / 6 row(s) have problems',
});
const PATH = `/api/imports/${JOB.id}`;

const ISSUES: Page<ImportIssueView> = {
  items: [
    {
      row: 3,
      columnIndex: 2,
      column: '公民身份号码',
      value: '110105********0021',
      message: '校验码错误（应为 X） / The check digit is wrong (it should be X)',
    },
    {
      row: 7,
      columnIndex: 0,
      column: '姓名',
      value: '',
      message: '姓名不能为空 / Name is required',
    },
  ],
  total: 7,
  page: 1,
  pageSize: 20,
};

let saved: { href: string; download: string }[] = [];

beforeEach(() => {
  saved = [];
  setSession({
    token: 'token-district',
    expiresAt: '2999-01-01T00:00:00.000Z',
    user: {
      userId: 'u1',
      username: 'chaoyang',
      displayName: '朝阳区社保中心',
      role: 'district_staff',
      districtId: '110105',
      unitId: null,
      mustChangePassword: false,
    },
  });
  URL.createObjectURL = vi.fn(() => 'blob:report');
  URL.revokeObjectURL = vi.fn();
  // The browser's download: the link's name is what matters here (jsdom cannot navigate).
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ href: this.href, download: this.download });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ImportIssues', () => {
  it('lists the problems the API pages, in the interface language, with masked values', async () => {
    const server = routedFetch({ [`GET ${PATH}/issues`]: { status: 200, body: ISSUES } });
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<ImportIssues job={JOB} />);
    const row = (await screen.findByText('第 3 行')).closest('tr') as HTMLElement;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['第 3 行', '公民身份号码', '110105********0021', '校验码错误（应为 X）']);
    const empty = screen.getByText('第 7 行').closest('tr') as HTMLElement;
    expect(
      within(empty)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['第 7 行', '姓名', '—', '姓名不能为空']);
    expect(screen.getByText('共 7 条')).toBeInTheDocument();
    expect(server.calls[0]?.url).toBe(`${PATH}/issues?page=1&pageSize=20`);
  });

  it('downloads the error report with the session token and saves it under the API’s name', async () => {
    const server = routedFetch({
      [`GET ${PATH}/issues`]: { status: 200, body: ISSUES },
      [`GET ${PATH}/error-report.xlsx`]: {
        status: 200,
        raw: new TextEncoder().encode('PK'),
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="error-report.xlsx"; filename*=UTF-8''${encodeURIComponent('bad-rows-错误报告.xlsx')}`,
        },
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<ImportIssues job={JOB} />);
    await screen.findByText('第 3 行');
    await userEvent.click(screen.getByRole('button', { name: /下载错误报告（.xlsx）/ }));
    await waitFor(() =>
      expect(saved).toEqual([{ href: 'blob:report', download: 'bad-rows-错误报告.xlsx' }]),
    );
    const call = server.calls.find((c) => c.url.endsWith('/error-report.xlsx'));
    const headers = (call?.init.headers ?? {}) as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer token-district');
  });

  it('shows the refusal when the report cannot be made', async () => {
    vi.stubGlobal(
      'fetch',
      routedFetch({
        [`GET ${PATH}/issues`]: { status: 200, body: ISSUES },
        [`GET ${PATH}/error-report.xlsx`]: {
          status: 409,
          body: {
            statusCode: 409,
            error: 'state_conflict',
            message:
              '服务器上已没有该文件，请重新上传 / The file is no longer stored on the server: upload it again',
          },
        },
      }).fetch,
    );
    renderWithProviders(<ImportIssues job={JOB} />, { lang: 'en' });
    await screen.findByText('Row 3');
    await userEvent.click(screen.getByRole('button', { name: /Download the error report/ }));
    expect(
      await screen.findByText('The file is no longer stored on the server: upload it again'),
    ).toBeInTheDocument();
    expect(saved).toEqual([]);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { ImportJobPanel } from './import-job-page.js';
import { jobView, routedFetch } from './import-test-data.js';

afterEach(() => vi.unstubAllGlobals());

const JOB = jobView();
const PATH = `/api/imports/${JOB.id}`;

describe('ImportJobPanel (the job page)', () => {
  it('polls a validating job until it is valid, then commits it all-or-nothing after confirmation', async () => {
    const server = routedFetch({
      [`GET ${PATH}`]: [
        { status: 200, body: jobView({ phase: 'reading', rowsRead: 3, rowsValid: 3 }) },
        {
          status: 200,
          body: jobView({ state: 'valid', phase: 'finished', rowsRead: 5, rowsValid: 5 }),
        },
        {
          status: 200,
          body: jobView({
            state: 'committed',
            phase: 'finished',
            rowsRead: 5,
            rowsValid: 5,
            rowsWritten: 5,
            percent: 100,
            committedAt: '2011-01-10T02:01:00.000Z',
            result: { residents: 5, institutions: 2, rows: 5 },
          }),
        },
      ],
      [`POST ${PATH}/commit`]: {
        status: 202,
        body: jobView({
          state: 'committing',
          phase: 'writing',
          rowsRead: 5,
          rowsValid: 5,
          rowsWritten: 2,
          percent: 40,
        }),
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<ImportJobPanel id={JOB.id} pollMs={50} />);

    // Validating: the bar runs, the phase is announced, the counters show what was read.
    const bar = await screen.findByRole('progressbar', { name: '进度' });
    expect(bar).toHaveAttribute('aria-valuetext', '正在读取并校验数据… 已读取 3 行');
    expect(screen.getByRole('status')).toHaveTextContent('正在读取并校验数据…');
    expect(screen.getByTestId('import-state')).toHaveTextContent('校验中');
    expect(screen.queryByRole('button', { name: /确认导入/ })).not.toBeInTheDocument();

    // The next poll finds it valid: no bar, the row count and the commit button.
    expect(await screen.findByText('校验通过：5 行数据可以导入')).toBeInTheDocument();
    expect(screen.getByTestId('import-state')).toHaveTextContent('校验通过，待导入');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    const polls = server.calls.filter((c) => c.method === 'GET').length;
    await new Promise((r) => setTimeout(r, 200));
    // A finished dry run is not polled any more.
    expect(server.calls.filter((c) => c.method === 'GET')).toHaveLength(polls);

    await userEvent.click(screen.getByRole('button', { name: /确认导入/ }));
    expect(await screen.findByText('确认导入这 5 行数据？')).toBeInTheDocument();
    expect(
      screen.getByText('全部导入或全部不导入：任何一行在写入时出错，整个文件都不会导入。'),
    ).toBeInTheDocument();
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: '导入' }));

    // The commit's 202 answer shows at once, and polling resumes until it is committed.
    await waitFor(() =>
      expect(server.calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
        `${PATH}/commit`,
      ]),
    );
    expect(await screen.findByText('导入完成')).toBeInTheDocument();
    expect(screen.getByTestId('import-state')).toHaveTextContent('已导入');
    expect(screen.getByRole('progressbar', { name: '进度' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    const result = screen.getByText('导入结果').closest('.ant-descriptions') as HTMLElement;
    expect(within(result).getByText('新增参保人员').nextSibling).toHaveTextContent('5');
    expect(within(result).getByText('定点医疗机构').nextSibling).toHaveTextContent('2');
    expect(within(result).getByText('写入行数').nextSibling).toHaveTextContent('5');
  });

  it('shows why a whole file was refused, line by line, in the interface language', async () => {
    const message = [
      '缺少必需的列“公民身份号码” / The required column "ID number" is missing',
      '第D列的表头“家庭住址”无法识别 / Column D\'s header "家庭住址" is not recognised',
    ].join('\n');
    vi.stubGlobal(
      'fetch',
      routedFetch({
        [`GET ${PATH}`]: {
          status: 200,
          body: jobView({ state: 'invalid', phase: 'finished', message }),
        },
      }).fetch,
    );
    renderWithProviders(<ImportJobPanel id={JOB.id} />, { lang: 'en' });
    expect(await screen.findByText('The file as a whole was not accepted')).toBeInTheDocument();
    expect(screen.getByText(/The required column "ID number" is missing/).textContent).toBe(
      'The required column "ID number" is missing\nColumn D\'s header "家庭住址" is not recognised',
    );
    // No row-by-row problems, so no issues table and no error report.
    expect(screen.queryByRole('button', { name: /error report/ })).not.toBeInTheDocument();
  });

  it('offers a retry for an interrupted job and shows the API’s refusal', async () => {
    const server = routedFetch({
      [`GET ${PATH}`]: { status: 200, body: jobView({ state: 'interrupted', phase: 'reading' }) },
      [`POST ${PATH}/retry`]: {
        status: 409,
        body: {
          statusCode: 409,
          error: 'state_conflict',
          message:
            '服务器上已没有该文件，请重新上传 / The file is no longer stored on the server: upload it again',
        },
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<ImportJobPanel id={JOB.id} />);
    expect(
      await screen.findByText('任务被中断（服务器重启），没有导入任何数据'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /重新校验/ }));
    expect(await screen.findByText('服务器上已没有该文件，请重新上传')).toBeInTheDocument();
    expect(server.calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      `${PATH}/retry`,
    ]);
  });
});

describe('ImportJobPanel: a one-step import (commitWhenValid)', () => {
  it('counts the rows written while it checks, says it is all or nothing, and offers no commit', async () => {
    const server = routedFetch({
      [`GET ${PATH}`]: [
        {
          status: 200,
          body: jobView({
            commitWhenValid: true,
            phase: 'reading',
            rowsRead: 4000,
            rowsValid: 4000,
            rowsWritten: 2000,
          }),
        },
        {
          status: 200,
          body: jobView({
            commitWhenValid: true,
            state: 'committed',
            phase: 'finished',
            rowsRead: 5000,
            rowsValid: 5000,
            rowsWritten: 5000,
            percent: 100,
            committedAt: '2011-01-10T02:01:00.000Z',
            result: { residents: 5000, institutions: 0, rows: 5000 },
          }),
        },
      ],
    });
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<ImportJobPanel id={JOB.id} pollMs={50} />);

    expect(
      await screen.findByText(
        '一步导入：校验通过的数据同时写入；文件全部通过才会生效，发现任何问题都会撤销，一行也不导入。可以离开本页。',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('一步导入')).toBeInTheDocument();
    const written = screen.getByText('已写入').closest('.ant-statistic') as HTMLElement;
    expect(written).toHaveTextContent('2,000');
    expect(screen.queryByRole('button', { name: /确认导入/ })).not.toBeInTheDocument();

    // The next poll: committed in the same run, no commit request was ever sent.
    expect(await screen.findByText('导入完成')).toBeInTheDocument();
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false);
  });
});

describe('ImportJobPanel: an upload the retention sweep deleted', () => {
  it('says so and offers neither commit nor retry', async () => {
    const expired = jobView({
      state: 'valid',
      phase: 'finished',
      rowsRead: 5,
      rowsValid: 5,
      fileExpiredAt: '2011-02-09T18:00:00.000Z',
    });
    vi.stubGlobal('fetch', routedFetch({ [`GET ${PATH}`]: { status: 200, body: expired } }).fetch);
    renderWithProviders(<ImportJobPanel id={JOB.id} />);
    expect(await screen.findByText(/^上传的文件已于 2011.*按保留期限删除$/)).toBeInTheDocument();
    expect(screen.getByText(/已不能提交或重试/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /确认导入/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /重试/ })).not.toBeInTheDocument();
  });
});

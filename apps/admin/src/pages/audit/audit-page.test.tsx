import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntryView } from '../../api/contract.js';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';
import { AuditPage } from './audit-page.js';

afterEach(() => vi.unstubAllGlobals());

const CARD = '7a6b5c4d-0000-4000-8000-0000000000c1';
const ENTRY: AuditEntryView = {
  id: '42',
  at: '2011-01-10T02:05:09.000Z',
  actorUserId: 'u1',
  actorName: '朝阳区社保中心 / Chaoyang centre',
  actorRole: 'district_staff',
  districtId: '110105',
  entity: 'card',
  entityId: CARD,
  action: 'sign',
  before: { state: 'at_unit' },
  after: { state: 'issued', signer: 'self', idNumber: '110105********0013' },
};

function auditApi() {
  return routedFetch({
    'GET /api/audit-log': {
      status: 200,
      body: { items: [ENTRY], total: 1, page: 1, pageSize: 50 },
    },
  });
}

const lastQuery = (server: ReturnType<typeof routedFetch>) =>
  Object.fromEntries(server.to('GET /api/audit-log').at(-1)?.query ?? []);

describe('AuditPage', () => {
  it('names the codes, shows Beijing time, and opens an entry with its before/after as stored', async () => {
    vi.stubGlobal('fetch', auditApi().fetch);
    renderWithProviders(<AuditPage />, { path: '/audit' });
    const row = (await screen.findByText('2011-01-10 10:05:09')).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('社保卡');
    expect(row).toHaveTextContent('签收');
    expect(row).toHaveTextContent('区县社保中心');
    expect(row).toHaveTextContent('朝阳区社保中心');
    await userEvent.click(within(row).getByRole('button', { name: /^查看/ }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('操作详情')).toBeInTheDocument();
    expect(drawer).toHaveTextContent('"state": "at_unit"');
    expect(drawer).toHaveTextContent('"idNumber": "110105********0013"');
  });

  it('sends the filters to the API (no sort: the log is newest first), from the first page', async () => {
    const server = auditApi();
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<AuditPage />, { path: '/audit?page=3' });
    await screen.findByText('2011-01-10 10:05:09');
    expect(lastQuery(server)).toEqual({ page: '3', pageSize: '50' });

    await userEvent.click(screen.getByRole('combobox', { name: '对象类型' }));
    await userEvent.click(await screen.findByTitle('社保卡'));
    await userEvent.click(screen.getByRole('combobox', { name: '操作' }));
    await userEvent.click(await screen.findByTitle('签收'));
    await userEvent.type(screen.getByLabelText('对象编号'), CARD);
    await userEvent.type(screen.getByLabelText('起始日期'), '2011-01-01');
    await userEvent.type(screen.getByLabelText('截止日期'), '2011-01-10');
    await userEvent.click(screen.getByRole('button', { name: '筛选' }));
    await waitFor(() =>
      expect(lastQuery(server)).toEqual({
        page: '1',
        pageSize: '50',
        entity: 'card',
        action: 'sign',
        entityId: CARD,
        from: '2011-01-01',
        to: '2011-01-10',
      }),
    );

    // A filter emptied in the form leaves the URL and the request.
    await userEvent.clear(screen.getByLabelText('对象编号'));
    await userEvent.click(screen.getByRole('button', { name: '筛选' }));
    await waitFor(() => expect(lastQuery(server)).not.toHaveProperty('entityId'));
    expect(lastQuery(server)).toMatchObject({ entity: 'card', to: '2011-01-10' });

    await userEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(lastQuery(server)).toEqual({ page: '1', pageSize: '50' }));
    // Many steps through antd's widgets in jsdom: slow on two shared cores.
  }, 60_000);

  it('a reversed day range is refused with the rules’ words; nothing new is asked', async () => {
    const server = auditApi();
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<AuditPage />, { path: '/audit' });
    await screen.findByText('2011-01-10 10:05:09');
    const asked = server.calls.length;
    await userEvent.type(screen.getByLabelText('起始日期'), '2011-01-11');
    await userEvent.type(screen.getByLabelText('截止日期'), '2011-01-10');
    await userEvent.click(screen.getByRole('button', { name: '筛选' }));
    expect(await screen.findByText('截止日期不能早于起始日期')).toBeInTheDocument();
    expect(server.calls).toHaveLength(asked);
  });

  it('reads in English when chosen, times included', async () => {
    vi.stubGlobal('fetch', auditApi().fetch);
    renderWithProviders(<AuditPage />, { path: '/audit', lang: 'en' });
    const row = (await screen.findByText('10 Jan 2011, 10:05:09')).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('Card');
    expect(row).toHaveTextContent('Signed for');
    expect(row).toHaveTextContent('Chaoyang centre');
  });
});

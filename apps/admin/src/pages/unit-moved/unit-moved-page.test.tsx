import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MovedAwayPage } from '../../api/contract.js';
import { jsonFetch, renderWithProviders } from '../../test/render.js';
import { UnitMovedPage } from './unit-moved-page.js';

const HEPING = { id: 'u-heping', name: '朝阳区和平里幼儿园' };

const PAGE: MovedAwayPage = {
  items: [
    {
      cardId: 'c1',
      cardNumber: 'BJ000000672',
      holderName: '王子涵',
      idNumberMasked: '110105********0672',
      className: '大一班',
      batchNumber: '110105-20101220-0001',
      heldBy: HEPING,
      movedTo: {
        id: 'u-s650',
        name: '朝阳区实验小学',
        designatedPersonName: '李老师',
        designatedPersonPhone: '13800000001',
      },
    },
    {
      cardId: 'c2',
      cardNumber: 'BJ000000679',
      holderName: '李欣怡',
      idNumberMasked: '110105********0679',
      className: null,
      batchNumber: '110105-20101220-0001',
      heldBy: HEPING,
      movedTo: {
        id: 'u-tjh',
        name: '朝阳区团结湖幼儿园',
        designatedPersonName: null,
        designatedPersonPhone: null,
      },
    },
  ],
  total: 2,
  page: 1,
  pageSize: 200,
  clause: 'N-2.4b',
  deadline: '2011-01-15',
  today: '2011-01-10',
  overdue: false,
  unit: HEPING,
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const rowOf = (name: string) => {
  const row = screen.getByText(name).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return within(row);
};

describe('UnitMovedPage (N-2.4b contact list)', () => {
  it('N-2.4b: lists each child with the masked ID, class and the new school’s contact, under the deadline', async () => {
    const server = jsonFetch(200, PAGE);
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<UnitMovedPage />, { path: '/unit/moved' });

    await screen.findByRole('heading', { name: '朝阳区和平里幼儿园转学学生联系名单' });
    expect(screen.getByText('领取截止日期：2011-01-15（含当日）')).toBeInTheDocument();
    const first = rowOf('王子涵');
    for (const text of [
      '110105********0672',
      '大一班',
      'BJ000000672',
      '朝阳区实验小学',
      '李老师',
    ]) {
      expect(first.getByText(text)).toBeInTheDocument();
    }
    expect(first.getByText('13800000001')).toBeInTheDocument();
    const second = rowOf('李欣怡');
    expect(second.getByText('朝阳区团结湖幼儿园')).toBeInTheDocument();
    expect(second.getByText('未指定')).toBeInTheDocument();
    expect(screen.getByText('共 2 人')).toBeInTheDocument();
    expect(screen.getByText('依据：京社保发〔2010〕53号 N-2.4b')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // The whole list on one page, by class.
    const url = new URL(server.calls[0]?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/api/cards/moved-away');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: '1',
      pageSize: '200',
      sort: 'className',
      order: 'asc',
    });
  });

  it('N-2.4b: the print button prints the page', async () => {
    vi.stubGlobal('fetch', jsonFetch(200, PAGE).fetch);
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderWithProviders(<UnitMovedPage />, { path: '/unit/moved' });
    await screen.findByText('王子涵');
    await userEvent.click(screen.getByRole('button', { name: /打印/ }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('N-2.4c: past the deadline, the page says the cards go back with the first copy', async () => {
    vi.stubGlobal('fetch', jsonFetch(200, { ...PAGE, today: '2011-01-16', overdue: true }).fetch);
    renderWithProviders(<UnitMovedPage />, { path: '/unit/moved' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '业务日期 2011-01-16：已过领取截止日期 2011-01-15。未领取的社保卡随回执单第一联退回区县社保中心（N-2.4c）。',
    );
  });

  it('shows the list in English when the interface is English', async () => {
    vi.stubGlobal('fetch', jsonFetch(200, { ...PAGE, items: [], total: 0 }).fetch);
    renderWithProviders(<UnitMovedPage />, { path: '/unit/moved', lang: 'en' });
    await screen.findByRole('heading', {
      name: '朝阳区和平里幼儿园: children who changed school',
    });
    expect(screen.getByText('Collect by 2011-01-15 (inclusive)')).toBeInTheDocument();
    expect(
      screen.getByText('No cards of children who changed school are waiting'),
    ).toBeInTheDocument();
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UnitView } from '../../api/contract.js';
import { UnitsPage } from '../../pages/units/units-page.js';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';

afterEach(() => vi.unstubAllGlobals());

function unit(n: number): UnitView {
  return {
    id: `5f0c7c1e-0000-4000-8000-${String(n).padStart(12, '0')}`,
    districtId: '110105',
    parentUnitId: null,
    name: `单位${n}`,
    kind: 'school',
    registrationCode: `1101051${String(n).padStart(4, '0')}`,
    designatedPerson: null,
    eligibleCount: 600 + n,
    route: 'direct_delivery',
  };
}

/** The API pages: 45 units, the page it was asked for. */
function unitsApi() {
  return routedFetch({
    'GET /api/units': {
      status: 200,
      body: { items: [unit(1), unit(2)], total: 45, page: 1, pageSize: 20 },
    },
  });
}

const lastQuery = (server: ReturnType<typeof routedFetch>) =>
  Object.fromEntries(server.to('GET /api/units').at(-1)?.query ?? []);

/** antd renders the header cell's title twice (one for measuring): the first is the one shown. */
const sortHeader = () =>
  screen.getAllByText('符合制卡条件人数', {
    selector: '.ant-table-column-title',
  })[0] as HTMLElement;

describe('ListTable + useListParams: the server pages, sorts and searches', () => {
  it('asks the API for the URL’s page and sort, then for each change the user makes', async () => {
    const server = unitsApi();
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<UnitsPage />, { path: '/units?page=2&sort=registrationCode&order=desc' });
    await screen.findByText('单位1');
    expect(lastQuery(server)).toEqual({
      page: '2',
      pageSize: '20',
      sort: 'registrationCode',
      order: 'desc',
    });
    // The total is the API's, not the rows on screen.
    expect(screen.getByText('共 45 条')).toBeInTheDocument();

    // A new sort starts again from the first page.
    await userEvent.click(sortHeader());
    await waitFor(() =>
      expect(lastQuery(server)).toEqual({
        page: '1',
        pageSize: '20',
        sort: 'eligibleCount',
        order: 'asc',
      }),
    );
    await userEvent.click(sortHeader());
    await waitFor(() => expect(lastQuery(server)).toMatchObject({ order: 'desc' }));

    // The pager asks for the next page with the same sort.
    await userEvent.click(screen.getByTitle('3'));
    await waitFor(() =>
      expect(lastQuery(server)).toEqual({
        page: '3',
        pageSize: '20',
        sort: 'eligibleCount',
        order: 'desc',
      }),
    );

    // A search goes to the server too, from the first page.
    const search = screen.getByLabelText('单位名称或社会保险登记证编码');
    await userEvent.type(search, '实验{Enter}');
    await waitFor(() =>
      expect(lastQuery(server)).toEqual({
        page: '1',
        pageSize: '20',
        sort: 'eligibleCount',
        order: 'desc',
        search: '实验',
      }),
    );
    // Many steps through antd's widgets in jsdom: slow on two shared cores.
  }, 60_000);
});

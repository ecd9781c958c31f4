import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CollegeView, Page, UnitView } from '../../api/contract.js';
import { setSession } from '../../auth/session-store.js';
import { renderWithProviders } from '../../test/render.js';
import { CollegesPage } from './colleges-page.js';

const UNIVERSITY = { id: 'uni-1', name: '北京示范大学' };

function college(name: string, code: string, counts: Partial<CollegeView['byStatus']>) {
  const byStatus = {
    registered: 0,
    submitted: 0,
    reviewed: 0,
    paid: 0,
    photo_recorded: 0,
    e_voucher: 0,
    ...counts,
  };
  return {
    id: `c-${code}`,
    districtId: '110108',
    university: UNIVERSITY,
    name,
    registrationCode: code,
    studentCount: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    ineligible: 1,
    deferred: 0,
  } satisfies CollegeView;
}

const UNIVERSITIES: Page<Pick<UnitView, 'id' | 'name'>> = {
  items: [UNIVERSITY],
  total: 1,
  page: 1,
  pageSize: 200,
};

/** A fetch that answers by method and path, recording the calls. */
function apiFetch(routes: Record<string, (body: unknown) => [number, unknown]>) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fetch = async (url: RequestInfo | URL, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = String(url).split('?')[0] ?? '';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url: String(url), body });
    const route = routes[`${method} ${path}`];
    const [status, json] = route ? route(body) : [404, { statusCode: 404, error: 'not_found' }];
    return new Response(JSON.stringify(json), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

function signIn(role: 'district_staff' | 'university_staff') {
  setSession({
    token: `token-${role}`,
    expiresAt: '2999-01-01T00:00:00.000Z',
    user: {
      userId: 'u1',
      username: role,
      displayName: role,
      role,
      districtId: '110108',
      unitId: role === 'university_staff' ? UNIVERSITY.id : null,
      mustChangePassword: false,
    },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('CollegesPage', { timeout: 60_000 }, () => {
  it('S-1.6: district staff pick a university, see each college’s progress and add a college', async () => {
    signIn('district_staff');
    let colleges = [
      college('计算机学院', '11010830001', { registered: 2, paid: 1 }),
      college('外国语学院', '11010830002', { e_voucher: 3 }),
    ];
    const server = apiFetch({
      'GET /api/units': () => [200, UNIVERSITIES],
      [`GET /api/universities/${UNIVERSITY.id}/colleges`]: () => [200, colleges],
      [`POST /api/universities/${UNIVERSITY.id}/colleges`]: (body) => {
        const added = college('法学院', '11010830003', {});
        colleges = [...colleges, added];
        return [201, { ...added, ...(body as object) }];
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<CollegesPage />);

    expect(await screen.findByRole('heading', { name: '院（系）' })).toBeInTheDocument();
    const cs = await screen.findByRole('row', { name: /计算机学院/ });
    const cells = within(cs)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // name, code, registered total, then per status: 已登记 2 … 已缴费 1 …, ineligible, deferred.
    expect(cells).toEqual([
      '计算机学院',
      '11010830001',
      '3',
      '2',
      '0',
      '0',
      '1',
      '0',
      '0',
      '1',
      '0',
    ]);
    expect(within(cs).getByRole('link', { name: '计算机学院' })).toHaveAttribute(
      'href',
      '/students?collegeId=c-11010830001',
    );
    expect(server.calls[0]?.url).toContain('kind=university');

    // The shared collegeSchema speaks before anything is sent.
    const code = screen.getByLabelText('社会保险登记证编码');
    await userEvent.type(screen.getByLabelText('院（系）名称'), '法学院');
    await userEvent.type(code, '12');
    await userEvent.click(screen.getByRole('button', { name: '添加' }));
    expect(await screen.findByText('社会保险登记证编码应为6-20位字母或数字')).toBeInTheDocument();
    expect(server.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.clear(code);
    await userEvent.type(code, '11010830003');
    await userEvent.click(screen.getByRole('button', { name: '添加' }));
    expect(await screen.findByText('已添加院（系）：法学院')).toBeInTheDocument();
    expect(server.calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: '法学院',
      registrationCode: '11010830003',
    });
    expect(await screen.findByRole('row', { name: /法学院/ })).toBeInTheDocument();
  });

  it('the API’s refusal of a taken code is shown next to the field', async () => {
    signIn('district_staff');
    vi.stubGlobal(
      'fetch',
      apiFetch({
        'GET /api/units': () => [200, UNIVERSITIES],
        [`GET /api/universities/${UNIVERSITY.id}/colleges`]: () => [200, []],
        [`POST /api/universities/${UNIVERSITY.id}/colleges`]: () => [
          422,
          {
            statusCode: 422,
            error: 'validation_failed',
            message: '输入有误 / Invalid input',
            fields: {
              registrationCode:
                '该社会保险登记证编码已存在 / This registration code already exists',
            },
          },
        ],
      }).fetch,
    );
    renderWithProviders(<CollegesPage />);
    expect(await screen.findByText('该高校尚无院（系）。')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('院（系）名称'), '法学院');
    await userEvent.type(screen.getByLabelText('社会保险登记证编码'), '11010830001');
    await userEvent.click(screen.getByRole('button', { name: '添加' }));
    expect(await screen.findByText('该社会保险登记证编码已存在')).toBeInTheDocument();
  });

  it('university staff see their own university’s colleges, in English too, and cannot add one', async () => {
    signIn('university_staff');
    const server = apiFetch({
      [`GET /api/universities/${UNIVERSITY.id}/colleges`]: () => [
        200,
        [college('计算机学院', '11010830001', { reviewed: 4 })],
      ],
    });
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<CollegesPage />, { lang: 'en' });
    expect(await screen.findByRole('row', { name: /计算机学院/ })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Registration code' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Choose a university' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add' })).toBeNull();
    expect(screen.getByText(/Colleges are added by the district centre/)).toBeInTheDocument();
    await waitFor(() =>
      expect(server.calls.every((c) => !c.url.includes('/api/units'))).toBe(true),
    );
  });
});

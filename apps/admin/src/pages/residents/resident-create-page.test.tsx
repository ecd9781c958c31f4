import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';
import { ResidentCreatePage } from './resident-create-page.js';
import { residentDetail, UNIT_ID } from './resident-test-data.js';

afterEach(() => vi.unstubAllGlobals());

const UNITS = {
  status: 200,
  body: {
    items: [
      {
        id: UNIT_ID,
        districtId: '110105',
        parentUnitId: null,
        name: '麦子店街道社会保障事务所',
        kind: 'street_office',
        registrationCode: '11010510007',
        designatedPerson: null,
        eligibleCount: 0,
        route: 'pickup',
      },
    ],
    total: 1,
    page: 1,
    pageSize: 50,
  },
};

function render() {
  renderWithProviders(
    <Routes>
      <Route path="/residents/new" element={<ResidentCreatePage />} />
      <Route path="/residents/:id" element={<p>resident page</p>} />
    </Routes>,
    { path: '/residents/new' },
  );
}

async function fillPerson(idNumber: string) {
  await userEvent.type(screen.getByLabelText('姓名'), '赵建国');
  await userEvent.type(screen.getByLabelText('证件号码'), idNumber);
  await userEvent.type(screen.getByLabelText('出生日期'), '1949-12-31');
  await userEvent.click(screen.getByRole('combobox', { name: '人员类别' }));
  await userEvent.click(await screen.findByTitle('城镇老年人'));
}

describe('ResidentCreatePage (S-1.3, the shared person schema)', () => {
  it('S-1.3: a wrong check digit and a missing unit are refused on the page; nothing is sent', async () => {
    const server = routedFetch({ 'GET /api/units': UNITS });
    vi.stubGlobal('fetch', server.fetch);
    render();
    await fillPerson('110105194912310020');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('校验码错误（应为 X）')).toBeInTheDocument();
    expect(await screen.findByText('当前参保单位不能为空')).toBeInTheDocument();
    expect(server.to('POST /api/residents')).toHaveLength(0);
  });

  it('registers the person with a unit and an institution, then opens their page', async () => {
    const server = routedFetch({
      'GET /api/units': UNITS,
      'POST /api/residents': { status: 201, body: residentDetail() },
    });
    vi.stubGlobal('fetch', server.fetch);
    render();
    await fillPerson('11010519491231002x');
    await userEvent.click(screen.getByRole('combobox', { name: '当前参保单位' }));
    await userEvent.click(await screen.findByTitle('麦子店街道社会保障事务所（11010510007）'));
    await userEvent.click(screen.getByRole('button', { name: /添加定点医疗机构/ }));
    await userEvent.type(screen.getByLabelText('医疗机构编码 1'), '1101050001');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('resident page')).toBeInTheDocument();
    const [call] = server.to('POST /api/residents');
    expect(call?.body).toEqual({
      name: '赵建国',
      idKind: 'resident',
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      category: 'elderly',
      subsidyFlags: [],
      designatedInstitutions: [{ code: '1101050001', kind: 'community_health' }],
      currentUnitId: UNIT_ID,
    });
  });

  it('puts the API’s 422 next to the field it names', async () => {
    vi.stubGlobal(
      'fetch',
      routedFetch({
        'GET /api/units': UNITS,
        'POST /api/residents': {
          status: 422,
          body: {
            statusCode: 422,
            error: 'validation_failed',
            message: '请求数据有误 / Invalid request',
            fields: { idNumber: '该证件号码已登记 / This ID number is already registered' },
          },
        },
      }).fetch,
    );
    render();
    await fillPerson('11010519491231002X');
    await userEvent.click(screen.getByRole('combobox', { name: '当前参保单位' }));
    await userEvent.click(await screen.findByTitle('麦子店街道社会保障事务所（11010510007）'));
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('该证件号码已登记')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByLabelText('证件号码')).toHaveAttribute('aria-invalid', 'true'),
    );
  });
});

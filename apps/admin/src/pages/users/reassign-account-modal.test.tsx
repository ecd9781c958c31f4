import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountView, UnitOptionView } from '../../api/contract.js';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';
import { UserActions } from './user-actions.js';

const ACCOUNT: AccountView = {
  id: '9b0c7c1e-0000-4000-8000-000000000001',
  username: 'school651',
  displayName: '实验小学教务处',
  role: 'unit_staff',
  districtId: '110105',
  unit: { id: '0b5b0c1e-7d2a-4c55-9a1f-3f6b2a9d1c01', name: '朝阳区实验小学', kind: 'school' },
  disabled: false,
  mustChangePassword: false,
  createdAt: '2011-01-10T02:00:00.000Z',
  activeSessions: 2,
};

const OTHER: UnitOptionView = {
  id: '0b5b0c1e-7d2a-4c55-9a1f-3f6b2a9d1c02',
  name: '朝阳区和平里幼儿园',
  kind: 'kindergarten_childcare',
  registrationCode: '11010500002',
  districtId: '110105',
  parentName: null,
};

afterEach(() => vi.unstubAllGlobals());

function open() {
  renderWithProviders(
    <UserActions
      account={ACCOUNT}
      managerRole="district_staff"
      self={false}
      onPassword={vi.fn()}
      onError={vi.fn()}
    />,
  );
}

describe('moving an account from the users list', { timeout: 60_000 }, () => {
  it('shows the current unit, sends the new one and says how many sign-ins ended', async () => {
    const server = routedFetch({
      'GET /api/users/unit-options': { status: 200, body: [OTHER] },
      [`PUT /api/users/${ACCOUNT.id}/assignment`]: {
        status: 200,
        body: {
          account: { ...ACCOUNT, unit: { id: OTHER.id, name: OTHER.name, kind: OTHER.kind } },
          endedSessions: 2,
        },
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    open();
    await userEvent.click(screen.getByRole('button', { name: '调整' }));
    const dialog = await screen.findByRole('dialog', {
      name: '调整账号 school651 的角色或所属单位',
    });
    expect(within(dialog).getByText(/全部登录将立即结束/)).toBeInTheDocument();
    // The account's unit is labelled although the first page of options does not hold it.
    expect(await within(dialog).findByTitle('朝阳区实验小学')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('combobox', { name: '所属单位' }));
    await userEvent.click(await screen.findByTitle('朝阳区和平里幼儿园（11010500002）'));
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(
      await screen.findByText('已调整“实验小学教务处”的角色或所属单位，结束了 2 个登录'),
    ).toBeInTheDocument();
    const put = server.calls.filter((c) => c.method === 'PUT');
    expect(put.map((c) => [c.url, c.body])).toEqual([
      [`/api/users/${ACCOUNT.id}/assignment`, { role: 'unit_staff', unitId: OTHER.id }],
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('a new role starts without a unit: the shared schema asks for one before anything is sent', async () => {
    const server = routedFetch({ 'GET /api/users/unit-options': { status: 200, body: [] } });
    vi.stubGlobal('fetch', server.fetch);
    open();
    await userEvent.click(screen.getByRole('button', { name: '调整' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('combobox', { name: '角色' }));
    await userEvent.click(await screen.findByTitle('学院'));
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('请选择账号所属单位')).toBeInTheDocument();
    expect(server.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('the API’s field error is shown at its field', async () => {
    const server = routedFetch({
      'GET /api/users/unit-options': { status: 200, body: [OTHER] },
      [`PUT /api/users/${ACCOUNT.id}/assignment`]: {
        status: 422,
        body: {
          statusCode: 422,
          error: 'validation_failed',
          message: '输入有误，请检查标出的字段 / Invalid input: check the fields listed',
          fields: { unitId: '所属单位不存在 / Unit not found' },
        },
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    open();
    await userEvent.click(screen.getByRole('button', { name: '调整' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('所属单位不存在')).toBeInTheDocument();
  });
});

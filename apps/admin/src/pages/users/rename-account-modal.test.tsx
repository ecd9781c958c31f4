import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../api/contract.js';
import { jsonFetch, renderWithProviders } from '../../test/render.js';
import { UserActions } from './user-actions.js';

const ACCOUNT: AccountView = {
  id: '9b0c7c1e-0000-4000-8000-000000000001',
  username: 'school651',
  displayName: '实验小学教务处',
  role: 'unit_staff',
  districtId: '110105',
  unit: { id: 'unit-1', name: '朝阳区实验小学', kind: 'school' },
  disabled: false,
  mustChangePassword: false,
  createdAt: '2011-01-10T02:00:00.000Z',
  activeSessions: 1,
};

afterEach(() => vi.unstubAllGlobals());

describe('renaming an account from the users list', { timeout: 60_000 }, () => {
  it('checks the name with the shared schema, then sends it and says so', async () => {
    const server = jsonFetch(200, { ...ACCOUNT, displayName: '实验小学教务处（新）' });
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(
      <UserActions
        account={ACCOUNT}
        managerRole="district_staff"
        self={false}
        onPassword={vi.fn()}
        onError={vi.fn()}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: '改名' }));
    const dialog = await screen.findByRole('dialog', { name: '修改账号 school651 的显示名称' });
    const field = within(dialog).getByLabelText('姓名（显示名称）');
    expect(field).toHaveValue('实验小学教务处');
    await userEvent.clear(field);
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('姓名（显示名称）不能为空')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);

    await userEvent.type(field, '实验小学教务处（新）');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('显示名称已改为“实验小学教务处（新）”')).toBeInTheDocument();
    expect(server.calls.map((c) => [c.init.method, c.url, c.init.body])).toEqual([
      [
        'PUT',
        `/api/users/${ACCOUNT.id}/display-name`,
        JSON.stringify({ displayName: '实验小学教务处（新）' }),
      ],
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

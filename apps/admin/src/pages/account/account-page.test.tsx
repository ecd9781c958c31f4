import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireAuth } from '../../auth/require-auth.js';
import { getSession, setSession } from '../../auth/session-store.js';
import { jsonFetch, renderWithProviders } from '../../test/render.js';
import { AccountPage } from './account-page.js';

function signIn(mustChangePassword: boolean) {
  setSession({
    token: 'token-school652',
    expiresAt: '2999-01-01T00:00:00.000Z',
    user: {
      userId: 'u1',
      username: 'school652',
      displayName: '朝阳区实验小学（总务处）',
      role: 'unit_staff',
      districtId: '110105',
      unitId: 'unit-1',
      mustChangePassword,
    },
  });
}

function app(path: string) {
  return renderWithProviders(
    <RequireAuth>
      <Routes>
        <Route path="/account" element={<AccountPage />} />
        <Route path="/" element={<h1>工作台</h1>} />
        <Route path="/unit-cards" element={<h1>待发放社保卡</h1>} />
      </Routes>
    </RequireAuth>,
    { path },
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(null);
});

describe('an account on a manager’s initial password', { timeout: 60_000 }, () => {
  it('is held on the account page, with the reason, until the password is changed; then home', async () => {
    signIn(true);
    const server = jsonFetch(204, null);
    vi.stubGlobal('fetch', server.fetch);
    app('/unit-cards');

    expect(await screen.findByRole('heading', { name: '账号设置' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '待发放社保卡' })).not.toBeInTheDocument();
    expect(screen.getByText(/您的账号使用的是管理员设置的初始密码/)).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('当前密码'), 'Abc23456789xyz');
    await userEvent.type(screen.getByLabelText('新密码'), 'school652-own-password');
    await userEvent.type(screen.getByLabelText('再次输入新密码'), 'school652-own-password');
    await userEvent.click(screen.getByRole('button', { name: '修改密码' }));

    expect(await screen.findByRole('heading', { name: '工作台' })).toBeInTheDocument();
    expect(getSession()?.user.mustChangePassword).toBe(false);
    expect(server.calls.map((c) => [c.init.method, c.url])).toEqual([
      ['POST', '/api/auth/password'],
    ]);
  });

  it('an account whose owner chose the password goes where it was going', async () => {
    signIn(false);
    app('/unit-cards');
    expect(await screen.findByRole('heading', { name: '待发放社保卡' })).toBeInTheDocument();
  });
});

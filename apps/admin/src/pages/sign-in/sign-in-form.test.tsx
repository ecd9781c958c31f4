import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonFetch, renderWithProviders } from '../../test/render.js';
import { SignInForm } from './sign-in-form.js';

afterEach(() => vi.unstubAllGlobals());

describe('SignInForm', () => {
  it('asks for both fields with the shared schema’s words and sends nothing', async () => {
    const server = jsonFetch(200, {});
    vi.stubGlobal('fetch', server.fetch);
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);

    await userEvent.click(screen.getByRole('button', { name: '登录' }));

    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(await screen.findByText('请输入密码')).toBeInTheDocument();
    expect(screen.getByLabelText('用户名')).toHaveAttribute('aria-invalid', 'true');
    expect(server.calls).toHaveLength(0);
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('shows the English half of the message when English is chosen', async () => {
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />, { lang: 'en' });
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter the username')).toBeInTheDocument();
  });

  it('says the credentials are wrong on a 401, and passes the session on a 200', async () => {
    const refused = jsonFetch(401, {
      statusCode: 401,
      error: 'unauthorized',
      message: '请先登录 / Sign in first',
    });
    vi.stubGlobal('fetch', refused.fetch);
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
    await userEvent.type(screen.getByLabelText('用户名'), '  chaoyang ');
    await userEvent.type(screen.getByLabelText('密码'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));

    expect(await screen.findByText('用户名或密码错误')).toBeInTheDocument();
    expect(refused.calls[0]?.url).toBe('/api/auth/login');
    // The schema's trim runs before sending, as the API would apply it.
    expect(JSON.parse(String(refused.calls[0]?.init.body))).toEqual({
      username: 'chaoyang',
      password: 'wrong',
    });

    const session = {
      token: 't',
      expiresAt: '2099-01-01T00:00:00.000Z',
      user: { username: 'chaoyang' },
    };
    vi.stubGlobal('fetch', jsonFetch(200, session).fetch);
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(session));
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountCreated, UnitOptionView } from '../../api/contract.js';
import { renderWithProviders } from '../../test/render.js';
import { CreateUserForm } from './create-user-form.js';

afterEach(() => vi.unstubAllGlobals());

const UNIT: UnitOptionView = {
  id: '0b5b0c1e-7d2a-4c55-9a1f-3f6b2a9d1c01',
  name: '朝阳区实验小学',
  kind: 'school',
  registrationCode: '11010500001',
  districtId: '110105',
  parentName: null,
};

const CREATED: AccountCreated = {
  account: {
    id: '9b0c7c1e-0000-4000-8000-000000000001',
    username: 'school651',
    displayName: '实验小学教务处',
    role: 'unit_staff',
    districtId: '110105',
    unit: { id: UNIT.id, name: UNIT.name, kind: 'school' },
    disabled: false,
    mustChangePassword: true,
    createdAt: '2011-01-10T02:00:00.000Z',
    activeSessions: 0,
  },
  password: 'Abc23456789xyz',
};

/** The unit options answer every GET; the POST answers `create` (status and body). */
function api(create: { status: number; body: unknown }) {
  const posts: unknown[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if ((init.method ?? 'GET') === 'GET' && url.startsWith('/api/users/unit-options')) {
      return Response.json([UNIT]);
    }
    if (init.method === 'POST' && url === '/api/users') {
      posts.push(JSON.parse(String(init.body)));
      return Response.json(create.body, { status: create.status });
    }
    return Response.json({ statusCode: 404 }, { status: 404 });
  };
  vi.stubGlobal('fetch', fetch);
  return posts;
}

async function enter(field: string, value: string) {
  await userEvent.click(screen.getByLabelText(field));
  await userEvent.paste(value);
}

async function chooseUnit() {
  await userEvent.click(screen.getByRole('combobox', { name: '所属单位' }));
  await userEvent.click(await screen.findByTitle('朝阳区实验小学（11010500001）'));
}

describe('CreateUserForm', () => {
  it('checks the fields with the shared schema’s words and sends nothing', async () => {
    const posts = api({ status: 201, body: CREATED });
    renderWithProviders(
      <CreateUserForm managerRole="district_staff" onCreated={vi.fn()} onCancel={vi.fn()} />,
    );
    await enter('用户名', 'Zhang San');
    await userEvent.click(screen.getByRole('radio', { name: '自行设定' }));
    await enter('设定的初始密码', 'short');
    await userEvent.click(screen.getByRole('button', { name: '创建账号' }));
    expect(
      await screen.findByText('用户名只能包含小写字母、数字和 . _ -，且以字母或数字开头'),
    ).toBeInTheDocument();
    expect(await screen.findByText('姓名（显示名称）不能为空')).toBeInTheDocument();
    expect(await screen.findByText('密码至少10个字符')).toBeInTheDocument();
    expect(screen.getByText('请选择账号所属单位')).toBeInTheDocument();
    expect(posts).toEqual([]);
  });

  it('offers district staff only the roles they may manage (the rules’ matrix)', async () => {
    api({ status: 201, body: CREATED });
    renderWithProviders(
      <CreateUserForm managerRole="district_staff" onCreated={vi.fn()} onCancel={vi.fn()} />,
    );
    await userEvent.click(screen.getByRole('combobox', { name: '角色' }));
    await screen.findByRole('listbox');
    const options = document.querySelectorAll('.ant-select-item-option');
    expect([...options].map((o) => o.getAttribute('title'))).toEqual(['参保单位', '高校', '学院']);
  });

  it('creates a unit account with a generated password: the body has no password', async () => {
    const posts = api({ status: 201, body: CREATED });
    const onCreated = vi.fn();
    renderWithProviders(
      <CreateUserForm managerRole="district_staff" onCreated={onCreated} onCancel={vi.fn()} />,
    );
    await enter('用户名', ' school651 ');
    await enter('姓名（显示名称）', '实验小学教务处');
    await chooseUnit();
    await userEvent.click(screen.getByRole('button', { name: '创建账号' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(CREATED));
    expect(posts).toEqual([
      {
        username: 'school651',
        displayName: '实验小学教务处',
        role: 'unit_staff',
        unitId: UNIT.id,
      },
    ]);
  });

  it('puts the API’s refusal (a taken username) next to the field, in English when chosen', async () => {
    api({
      status: 422,
      body: {
        statusCode: 422,
        error: 'validation_failed',
        message: '输入有误，请检查标出的字段 / Invalid input: check the fields listed',
        fields: { username: '该用户名已被使用 / This username is already taken' },
      },
    });
    const onCreated = vi.fn();
    renderWithProviders(
      <CreateUserForm managerRole="district_staff" onCreated={onCreated} onCancel={vi.fn()} />,
      { lang: 'en' },
    );
    await enter('Username', 'school651');
    await enter('Display name', 'Exam office');
    await userEvent.click(screen.getByRole('combobox', { name: 'Unit' }));
    await userEvent.click(await screen.findByTitle('朝阳区实验小学 (11010500001)'));
    await userEvent.click(screen.getByRole('radio', { name: 'Set it myself' }));
    await enter('Initial password to set', 'a-long-password');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('This username is already taken')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(await screen.findByText('Invalid input: check the fields listed')).toBeInTheDocument();
    expect(onCreated).not.toHaveBeenCalled();
  });
});

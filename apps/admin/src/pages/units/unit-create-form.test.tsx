import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';
import { UnitCreateForm } from './unit-create-form.js';

afterEach(() => vi.unstubAllGlobals());

const DISTRICTS = {
  status: 200,
  body: [
    {
      id: '110105',
      nameZh: '朝阳区',
      nameEn: 'Chaoyang',
      centreName: '朝阳区社保中心',
      centreAddress: '',
      servicePoints: [],
    },
    {
      id: '110108',
      nameZh: '海淀区',
      nameEn: 'Haidian',
      centreName: '海淀区社保中心',
      centreAddress: '',
      servicePoints: [],
    },
  ],
};
const CREATED = { id: '5f0c7c1e-0000-4000-8000-0000000000b9', name: '朝阳区新源里小学' };

async function fill(code: string) {
  await userEvent.type(screen.getByLabelText('单位名称'), '朝阳区新源里小学');
  await userEvent.click(screen.getByRole('combobox', { name: '单位类别' }));
  await userEvent.click(await screen.findByTitle('学校'));
  await userEvent.type(screen.getByLabelText('社会保险登记证编码'), code);
}

describe('UnitCreateForm', () => {
  it('district staff create a unit in their own district; no designated person yet is left out', async () => {
    const server = routedFetch({
      'GET /api/districts': DISTRICTS,
      'POST /api/units': { status: 201, body: CREATED },
    });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    renderWithProviders(<UnitCreateForm districtId="110105" onDone={onDone} onCancel={vi.fn()} />);
    await fill('1101 0510 099');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onDone.mock.calls[0]?.[0]).toEqual(CREATED));
    expect(server.to('POST /api/units')[0]?.body).toEqual({
      name: '朝阳区新源里小学',
      kind: 'school',
      registrationCode: '11010510099',
      districtCode: '110105',
    });
  });

  it('the admin chooses the district; a half-given designated person is refused', async () => {
    const server = routedFetch({
      'GET /api/districts': DISTRICTS,
      'POST /api/units': { status: 201, body: CREATED },
    });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    renderWithProviders(<UnitCreateForm districtId={null} onDone={onDone} onCancel={vi.fn()} />);
    await fill('11010510099');
    await userEvent.type(screen.getByLabelText('指定专人姓名'), '孙老师');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(/^所属区县无效/)).toBeInTheDocument();
    expect(
      await screen.findByText('电话号码格式不正确（6-15位数字，可带+号）'),
    ).toBeInTheDocument();
    expect(server.to('POST /api/units')).toHaveLength(0);

    await userEvent.click(screen.getByRole('combobox', { name: '所属区县' }));
    await userEvent.click(await screen.findByTitle('海淀区'));
    await userEvent.type(screen.getByLabelText('联系电话'), '13800000009');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(server.to('POST /api/units')[0]?.body).toEqual({
      name: '朝阳区新源里小学',
      kind: 'school',
      registrationCode: '11010510099',
      districtCode: '110108',
      designatedPerson: { name: '孙老师', phone: '13800000009' },
    });
    // Many steps through antd's widgets in jsdom: slow on two shared cores.
  }, 60_000);

  it('puts the API’s duplicate-code refusal next to the code', async () => {
    vi.stubGlobal(
      'fetch',
      routedFetch({
        'GET /api/districts': DISTRICTS,
        'POST /api/units': {
          status: 422,
          body: {
            statusCode: 422,
            error: 'validation_failed',
            message: '请求数据有误 / Invalid request',
            fields: {
              registrationCode:
                '该社会保险登记证编码已存在 / This registration code already exists',
            },
          },
        },
      }).fetch,
    );
    renderWithProviders(<UnitCreateForm districtId="110105" onDone={vi.fn()} onCancel={vi.fn()} />);
    await fill('11010510003');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('该社会保险登记证编码已存在')).toBeInTheDocument();
    expect(screen.getByLabelText('社会保险登记证编码')).toHaveAttribute('aria-invalid', 'true');
  });
});

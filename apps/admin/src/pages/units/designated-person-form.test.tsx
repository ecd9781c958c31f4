import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';
import { DesignatedPersonForm } from './designated-person-form.js';

afterEach(() => vi.unstubAllGlobals());

const UNIT = '5f0c7c1e-0000-4000-8000-0000000000b2';
const PUT = `PUT /api/units/${UNIT}/designated-person`;

describe('DesignatedPersonForm (N-2.2a / N-2.3)', () => {
  it('shows the current person and saves the new one', async () => {
    const saved = { id: UNIT, designatedPerson: { name: '王园长', phone: '01065000000' } };
    const server = routedFetch({ [PUT]: { status: 200, body: saved } });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    renderWithProviders(
      <DesignatedPersonForm
        unitId={UNIT}
        current={{ name: '周园长', phone: '01065000001' }}
        onDone={onDone}
      />,
    );
    const name = screen.getByLabelText('指定专人姓名');
    expect(name).toHaveValue('周园长');
    await userEvent.clear(name);
    await userEvent.type(name, '王园长');
    await userEvent.clear(screen.getByLabelText('联系电话'));
    await userEvent.type(screen.getByLabelText('联系电话'), '010-6500 0000');
    await userEvent.click(screen.getByRole('button', { name: '保存指定专人' }));
    await waitFor(() => expect(onDone.mock.calls[0]?.[0]).toEqual(saved));
    expect(server.to(PUT)[0]?.body).toEqual({ name: '王园长', phone: '01065000000' });
  });

  it('asks for both with the shared schema’s words; nothing is sent', async () => {
    const server = routedFetch({});
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<DesignatedPersonForm unitId={UNIT} current={null} onDone={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: '保存指定专人' }));
    expect(await screen.findByText('指定专人姓名不能为空')).toBeInTheDocument();
    expect(
      await screen.findByText('电话号码格式不正确（6-15位数字，可带+号）'),
    ).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });

  it('a unit outside the caller’s scope is the API’s 404, said in English when chosen', async () => {
    vi.stubGlobal(
      'fetch',
      routedFetch({
        [PUT]: {
          status: 404,
          body: { statusCode: 404, error: 'not_found', message: '参保单位不存在 / Unit not found' },
        },
      }).fetch,
    );
    renderWithProviders(
      <DesignatedPersonForm
        unitId={UNIT}
        current={{ name: '周园长', phone: '01065000001' }}
        onDone={vi.fn()}
      />,
      { lang: 'en' },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save the designated person' }));
    expect(await screen.findByText('Unit not found')).toBeInTheDocument();
  });
});

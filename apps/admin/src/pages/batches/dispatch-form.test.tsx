import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonFetch, renderWithProviders } from '../../test/render.js';
import { DispatchForm } from './dispatch-form.js';

afterEach(() => vi.unstubAllGlobals());

const RESULT = {
  dispatchId: '9b0c7c1e-0000-4000-8000-000000000001',
  batchCount: 3,
  cardCount: 1849,
  byRoute: { direct_delivery: 2, pickup: 1 },
};

async function fill(place: string, deadline: string) {
  if (place) await userEvent.type(screen.getByLabelText('领取地点'), place);
  if (deadline) await userEvent.type(screen.getByLabelText('领取期限'), deadline);
  await userEvent.click(screen.getByRole('button', { name: '生成批次' }));
}

describe('DispatchForm', () => {
  it('N-2.2b: asks for the place and deadline with the shared schema’s words, sends nothing', async () => {
    const server = jsonFetch(200, RESULT);
    vi.stubGlobal('fetch', server.fetch);
    const onDispatched = vi.fn();
    renderWithProviders(<DispatchForm onDispatched={onDispatched} />);
    await fill('', '2011-1-14');
    expect(await screen.findByText('领取地点不能为空')).toBeInTheDocument();
    expect(await screen.findByText('领取期限不是有效日期（YYYY-MM-DD）')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
    expect(onDispatched).not.toHaveBeenCalled();
  });

  it('N-2.2a/b: posts the place and deadline once, with an Idempotency-Key', async () => {
    const server = jsonFetch(200, RESULT);
    vi.stubGlobal('fetch', server.fetch);
    const onDispatched = vi.fn();
    renderWithProviders(<DispatchForm onDispatched={onDispatched} />);
    await fill(' 朝阳区社保中心一层发卡大厅 ', '2011-01-14');
    await waitFor(() => expect(onDispatched).toHaveBeenCalledWith(RESULT));
    expect(server.calls).toHaveLength(1);
    const call = server.calls[0];
    expect(call?.url).toBe('/api/batches/dispatch');
    expect(call?.init.method).toBe('POST');
    expect(JSON.parse(String(call?.init.body))).toEqual({
      pickupPlace: '朝阳区社保中心一层发卡大厅',
      pickupDeadline: '2011-01-14',
    });
    const headers = call?.init.headers as Record<string, string>;
    expect(headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('N-2.2a: shows the API’s refusal with its clause when nothing waits for dispatch', async () => {
    vi.stubGlobal(
      'fetch',
      jsonFetch(409, {
        statusCode: 409,
        error: 'state_conflict',
        clause: 'N-2.2a',
        message: '本区县没有待分发的已制社保卡 / No made cards are waiting to be dispatched',
      }).fetch,
    );
    const onDispatched = vi.fn();
    renderWithProviders(<DispatchForm onDispatched={onDispatched} />);
    await fill('发卡大厅', '2011-01-14');
    expect(await screen.findByText('本区县没有待分发的已制社保卡')).toBeInTheDocument();
    expect(screen.getByTestId('error-clause')).toHaveTextContent('依据条款 N-2.2a');
    expect(onDispatched).not.toHaveBeenCalled();
  });

  it('puts a 422 field error next to the deadline, in English when chosen', async () => {
    vi.stubGlobal(
      'fetch',
      jsonFetch(422, {
        statusCode: 422,
        error: 'validation_failed',
        message: '请求数据有误 / Invalid request',
        fields: {
          pickupDeadline: '领取期限不能早于今天 / The pickup deadline cannot be before today',
        },
      }).fetch,
    );
    renderWithProviders(<DispatchForm onDispatched={vi.fn()} />, { lang: 'en' });
    await userEvent.type(screen.getByLabelText('Pickup place'), 'Hall 1');
    await userEvent.type(screen.getByLabelText('Pickup deadline'), '2011-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Create batches' }));
    expect(
      await screen.findByText('The pickup deadline cannot be before today'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Pickup deadline')).toHaveAttribute('aria-invalid', 'true');
  });
});

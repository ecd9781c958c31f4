import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonFetch, renderWithProviders } from '../../test/render.js';
import { ReturnForm } from './return-form.js';

afterEach(() => vi.unstubAllGlobals());

const BATCH_ID = '7a6b5c4d-0000-4000-8000-000000000030';
const CARDS = ['7a6b5c4d-0000-4000-8000-0000000000c1', '7a6b5c4d-0000-4000-8000-0000000000c2'];

describe('ReturnForm', () => {
  it('N-2.4c: a return before the opening date shows the API’s refusal and clause', async () => {
    const server = jsonFetch(409, {
      statusCode: 409,
      error: 'rule_refused',
      clause: 'N-2.4c',
      message:
        '2011-01-21起才能退回未发出的社保卡 / Undistributed cards can be returned from 2011-01-21',
    });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    renderWithProviders(
      <ReturnForm batchId={BATCH_ID} cardIds={CARDS} today="2011-01-10" onDone={onDone} />,
    );
    expect(screen.getByText('本次应退回 2 张未发出的社保卡')).toBeInTheDocument();
    expect(screen.getByLabelText('退回日期')).toHaveValue('2011-01-10');
    await userEvent.click(screen.getByLabelText('已同时交回回执单第一联'));
    await userEvent.click(screen.getByRole('button', { name: '确认退回' }));

    expect(await screen.findByText('2011-01-21起才能退回未发出的社保卡')).toBeInTheDocument();
    expect(screen.getByTestId('error-clause')).toHaveTextContent('依据条款 N-2.4c');
    expect(onDone).not.toHaveBeenCalled();
    expect(server.calls[0]?.url).toBe(`/api/batches/${BATCH_ID}/return`);
    expect(JSON.parse(String(server.calls[0]?.init.body))).toEqual({
      returnedOn: '2011-01-10',
      firstCopyReturned: true,
      cardIds: CARDS,
    });
  });

  it('N-2.4c: without the receipt’s first copy the shared schema refuses; nothing is sent', async () => {
    const server = jsonFetch(200, {});
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(
      <ReturnForm batchId={BATCH_ID} cardIds={CARDS} today="2011-01-24" onDone={vi.fn()} />,
    );
    await userEvent.click(screen.getByRole('button', { name: '确认退回' }));
    expect(await screen.findByText('须同时交回回执单第一联')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });

  it('N-2.4c: after the opening date the return is recorded', async () => {
    const result = {
      id: 'r1',
      batchId: BATCH_ID,
      batchNumber: '110105-20101220-0001',
      returnedOn: '2011-01-24',
      firstCopyReturned: true,
      cardCount: 2,
      cards: [],
    };
    vi.stubGlobal('fetch', jsonFetch(200, result).fetch);
    const onDone = vi.fn();
    renderWithProviders(
      <ReturnForm batchId={BATCH_ID} cardIds={CARDS} today="2011-01-24" onDone={onDone} />,
      { lang: 'en' },
    );
    await userEvent.click(
      screen.getByLabelText("The receipt's first copy came back with the cards"),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Confirm the return' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(result));
  });

  it('N-2.4c: a date the shared schema refuses is not sent; a good one goes once with a key', async () => {
    const server = jsonFetch(201, { id: 'r2', batchId: BATCH_ID, cardCount: 2 });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    renderWithProviders(
      <ReturnForm batchId={BATCH_ID} cardIds={CARDS} today="2011-01-24" onDone={onDone} />,
    );
    const date = screen.getByLabelText('退回日期');
    await userEvent.clear(date);
    await userEvent.type(date, '2011-01-32');
    await userEvent.click(screen.getByLabelText('已同时交回回执单第一联'));
    await userEvent.click(screen.getByRole('button', { name: '确认退回' }));
    expect(await screen.findByText('退回日期不是有效日期（YYYY-MM-DD）')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);

    await userEvent.clear(date);
    await userEvent.type(date, '2011-01-24');
    await userEvent.click(screen.getByRole('button', { name: '确认退回' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(server.calls).toHaveLength(1);
    const headers = server.calls[0]?.init.headers as Record<string, string>;
    expect(headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

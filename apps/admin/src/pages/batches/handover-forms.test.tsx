import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';
import { DeliveryForm, ReceiverForm } from './handover-forms.js';

afterEach(() => vi.unstubAllGlobals());

const BATCH = '7a6b5c4d-0000-4000-8000-000000000650';
const RECEIVER = `PUT /api/batches/${BATCH}/receiver`;
const DELIVERY = `POST /api/batches/${BATCH}/delivery`;

describe('ReceiverForm (N-2.2a)', () => {
  it('names the receiver with the phone normalised by the shared schema', async () => {
    const server = routedFetch({ [RECEIVER]: { status: 200, body: { id: BATCH } } });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    renderWithProviders(<ReceiverForm batchId={BATCH} onDone={onDone} />);
    await userEvent.type(screen.getByLabelText('接收人姓名'), '李老师');
    await userEvent.type(screen.getByLabelText('联系电话'), '138 0000 0001');
    await userEvent.click(screen.getByRole('button', { name: '保存接收人' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(server.to(RECEIVER)[0]?.body).toEqual({ name: '李老师', phone: '13800000001' });
  });

  it('refuses a bad phone number with the rules’ words; nothing is sent', async () => {
    const server = routedFetch({});
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<ReceiverForm batchId={BATCH} onDone={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('接收人姓名'), '李老师');
    await userEvent.type(screen.getByLabelText('联系电话'), '一三八');
    await userEvent.click(screen.getByRole('button', { name: '保存接收人' }));
    expect(
      await screen.findByText('电话号码格式不正确（6-15位数字，可带+号）'),
    ).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });
});

describe('DeliveryForm (N-2.2a)', () => {
  const moved = { batchId: BATCH, state: 'at_unit', cardsMoved: 650 };

  it('records the vendor’s delivery to the unit on the business date', async () => {
    const server = routedFetch({ [DELIVERY]: { status: 201, body: moved } });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    renderWithProviders(
      <DeliveryForm batchId={BATCH} today="2011-01-10" receiverNamed onDone={onDone} />,
    );
    expect(screen.getByLabelText('送达单位')).toBeChecked();
    expect(screen.getByLabelText('送达日期')).toHaveValue('2011-01-10');
    await userEvent.click(screen.getByRole('button', { name: '登记送达' }));
    await waitFor(() => expect(onDone.mock.calls[0]?.[0]).toEqual(moved));
    expect(server.to(DELIVERY)[0]?.body).toEqual({
      destination: 'unit',
      deliveredOn: '2011-01-10',
    });
  });

  it('before a receiver is named it proposes the district centre; the API’s refusal shows its clause', async () => {
    const server = routedFetch({
      [DELIVERY]: {
        status: 409,
        body: {
          statusCode: 409,
          error: 'rule_refused',
          clause: 'N-2.2a',
          message: '单位尚未指定接收人 / The unit has not named a receiver',
        },
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    renderWithProviders(
      <DeliveryForm batchId={BATCH} today="2011-01-10" receiverNamed={false} onDone={onDone} />,
    );
    expect(screen.getByLabelText('送达区县社保中心（单位来领取）')).toBeChecked();
    await userEvent.click(screen.getByLabelText('送达单位'));
    await userEvent.click(screen.getByRole('button', { name: '登记送达' }));
    expect(await screen.findByText('单位尚未指定接收人')).toBeInTheDocument();
    expect(screen.getByTestId('error-clause')).toHaveTextContent('依据条款 N-2.2a');
    expect(server.to(DELIVERY)[0]?.body).toMatchObject({ destination: 'unit' });
    expect(onDone).not.toHaveBeenCalled();
  });
});

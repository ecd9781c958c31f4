import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';
import { PaymentForm } from './payment-form.js';
import { ENROLMENT } from './resident-test-data.js';

afterEach(() => vi.unstubAllGlobals());

const POST = `POST /api/enrolments/${ENROLMENT.id}/payments`;

describe('PaymentForm (residents, N-1.3a–c)', () => {
  it('proposes the decided fee and the business date; posts once with an Idempotency-Key', async () => {
    const paid = { id: ENROLMENT.id, payment: { amountYuan: 300, paidOn: '2011-01-10' } };
    const server = routedFetch({ [POST]: { status: 201, body: paid } });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    renderWithProviders(
      <PaymentForm enrolment={ENROLMENT} today="2011-01-10" onDone={onDone} onCancel={vi.fn()} />,
    );
    expect(screen.getByLabelText('金额（元）')).toHaveValue('300');
    expect(screen.getByLabelText('缴费日期')).toHaveValue('2011-01-10');
    await userEvent.click(screen.getByRole('button', { name: '登记缴费' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(paid));
    const [call] = server.to(POST);
    expect(call?.body).toEqual({
      policyYear: 2011,
      amountYuan: 300,
      paidOn: '2011-01-10',
      method: 'cash',
    });
    expect(call?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a bad date with the shared schema’s words; nothing is sent', async () => {
    const server = routedFetch({});
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(
      <PaymentForm enrolment={ENROLMENT} today="2011-01-10" onDone={vi.fn()} onCancel={vi.fn()} />,
    );
    await userEvent.clear(screen.getByLabelText('缴费日期'));
    await userEvent.type(screen.getByLabelText('缴费日期'), '2011-1-5');
    await userEvent.click(screen.getByRole('button', { name: '登记缴费' }));
    expect(await screen.findByText('缴费日期不是有效日期（YYYY-MM-DD）')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });

  it('N-1.3a: shows the API’s refusal of a wrong amount with its clause', async () => {
    vi.stubGlobal(
      'fetch',
      routedFetch({
        [POST]: {
          status: 409,
          body: {
            statusCode: 409,
            error: 'rule_refused',
            clause: 'N-1.3a',
            message: '缴费金额应为300元 / The amount due is 300 元',
          },
        },
      }).fetch,
    );
    const onDone = vi.fn();
    renderWithProviders(
      <PaymentForm enrolment={ENROLMENT} today="2011-01-10" onDone={onDone} onCancel={vi.fn()} />,
    );
    await userEvent.click(screen.getByRole('button', { name: '登记缴费' }));
    expect(await screen.findByText('缴费金额应为300元')).toBeInTheDocument();
    expect(screen.getByTestId('error-clause')).toHaveTextContent('依据条款 N-1.3a');
    expect(onDone).not.toHaveBeenCalled();
  });
});

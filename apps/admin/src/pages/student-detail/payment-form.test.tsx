import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonFetch, renderWithProviders } from '../../test/render.js';
import { PaymentForm } from './payment-form.js';

afterEach(() => vi.unstubAllGlobals());

/** The API's answer for a payment on the National Day holiday (rules: checkStudentPayment). */
const HOLIDAY = {
  statusCode: 409,
  error: 'rule_refused',
  clause: 'S-2.2a',
  message:
    '2025-10-08是法定节假日或休息日，不受理缴费 / 2025-10-08 is a public holiday or rest day: no payments',
};

function paidOn(date: string, time: string) {
  fireEvent.change(screen.getByLabelText(/缴费日期|Payment date/), { target: { value: date } });
  fireEvent.change(screen.getByLabelText(/缴费时间|Payment time/), { target: { value: time } });
}

describe('PaymentForm', { timeout: 60_000 }, () => {
  it('S-2.2a: shows the API’s refusal of a holiday payment with its clause', async () => {
    const server = jsonFetch(409, HOLIDAY);
    vi.stubGlobal('fetch', server.fetch);
    const onPaid = vi.fn();
    renderWithProviders(
      <PaymentForm studentId="s1" feeYuan={405} policyYear={2025} onPaid={onPaid} />,
    );

    // S-2.2a: the window as the rules' policy data states it, not a copy in the texts.
    expect(
      screen.getByText(
        '缴费标准：405 元/人/年（S-2.1）。缴费时间：2025-10-05至2025-10-20期间的工作日09:00-15:00（北京时间）（S-2.2a）。',
      ),
    ).toBeInTheDocument();
    paidOn('2025-10-08', '10:00');
    await userEvent.click(screen.getByRole('button', { name: '登记缴费' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('2025-10-08是法定节假日或休息日，不受理缴费');
    expect(alert).not.toHaveTextContent('public holiday');
    expect(screen.getByTestId('error-clause')).toHaveTextContent('依据条款 S-2.2a');
    expect(onPaid).not.toHaveBeenCalled();
    expect(server.calls[0]?.url).toBe('/api/students/s1/payment');
    expect(JSON.parse(String(server.calls[0]?.init.body))).toEqual({
      channel: 'jingtong_mini_program',
      paidAt: '2025-10-08T10:00:00+08:00',
    });
    const headers = (server.calls[0]?.init.headers ?? {}) as Record<string, string>;
    expect(headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('S-2.2a: the refusal reads in English when English is chosen', async () => {
    vi.stubGlobal('fetch', jsonFetch(409, HOLIDAY).fetch);
    renderWithProviders(
      <PaymentForm studentId="s1" feeYuan={405} policyYear={2025} onPaid={vi.fn()} />,
      {
        lang: 'en',
      },
    );
    expect(
      screen.getByText(
        /Payments: working days from 2025-10-05 to 2025-10-20, 09:00-15:00 Beijing time/,
      ),
    ).toBeInTheDocument();
    paidOn('2025-10-08', '10:00');
    await userEvent.click(screen.getByRole('button', { name: 'Record the payment' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '2025-10-08 is a public holiday or rest day: no payments',
    );
    expect(screen.getByTestId('error-clause')).toHaveTextContent('Clause S-2.2a');
  });

  it('S-2.4: sends the chosen channel and no time when none is given (the API’s now)', async () => {
    const student = { id: 's1', status: 'paid' };
    const server = jsonFetch(201, student);
    vi.stubGlobal('fetch', server.fetch);
    const onPaid = vi.fn();
    renderWithProviders(
      <PaymentForm studentId="s1" feeYuan={405} policyYear={2025} onPaid={onPaid} />,
    );

    await userEvent.click(screen.getByRole('combobox', { name: '缴费方式' }));
    await userEvent.click(await screen.findByTitle('银行APP'));
    await userEvent.click(screen.getByRole('button', { name: '登记缴费' }));

    await waitFor(() => expect(onPaid).toHaveBeenCalledWith(student));
    expect(JSON.parse(String(server.calls[0]?.init.body))).toEqual({ channel: 'bank_app' });
  });

  it('asks for the time when only the date is given, and sends nothing', async () => {
    const server = jsonFetch(201, {});
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(
      <PaymentForm studentId="s1" feeYuan={405} policyYear={2025} onPaid={vi.fn()} />,
    );
    paidOn('2025-10-13', '');
    await userEvent.click(screen.getByRole('button', { name: '登记缴费' }));
    expect(
      await screen.findByText('缴费日期和时间须同时填写（或都不填，按当前时间）'),
    ).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });
});

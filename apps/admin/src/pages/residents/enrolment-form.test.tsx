import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';
import { EnrolmentForm } from './enrolment-form.js';
import { RESIDENT_ID } from './resident-test-data.js';

afterEach(() => vi.unstubAllGlobals());

const POST = `POST /api/residents/${RESIDENT_ID}/enrolments`;

function render(onDone = vi.fn()) {
  renderWithProviders(
    <EnrolmentForm
      residentId={RESIDENT_ID}
      category="elderly"
      today="2011-01-10"
      onDone={onDone}
      onCancel={vi.fn()}
    />,
  );
  return onDone;
}

describe('EnrolmentForm (N-1.1 / N-1.3)', () => {
  it('N-1.1a: proposes the policy year whose window holds the business date, and sends no fee', async () => {
    const created = { id: 'e1', feeYuan: 300, exempt: false };
    const server = routedFetch({ [POST]: { status: 201, body: created } });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = render();
    expect(screen.getByLabelText('参保日期')).toHaveValue('2011-01-10');
    await userEvent.click(screen.getByRole('button', { name: '登记' }));
    await waitFor(() => expect(onDone.mock.calls[0]?.[0]).toEqual(created));
    // The API decides the fee (N-1.3a) and any exemption (N-1.4a) from the rules.
    expect(server.to(POST)[0]?.body).toEqual({
      policyYear: 2011,
      category: 'elderly',
      enrolledOn: '2011-01-10',
      paymentMethod: 'cash',
    });
  });

  it('N-1.3d: bank withholding asks which account, with the shared schema’s words', async () => {
    const server = routedFetch({});
    vi.stubGlobal('fetch', server.fetch);
    render();
    await userEvent.click(screen.getByRole('combobox', { name: '缴费方式' }));
    await userEvent.click(await screen.findByTitle('银行代扣'));
    await userEvent.click(screen.getByRole('button', { name: '登记' }));
    expect(await screen.findByText('银行代扣须注明是否为北京银行京卡')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });

  it('N-1.1a: shows the API’s refusal of a date outside the window, next to the date', async () => {
    vi.stubGlobal(
      'fetch',
      routedFetch({
        [POST]: {
          status: 422,
          body: {
            statusCode: 422,
            error: 'validation_failed',
            message: '请求数据有误 / Invalid request',
            fields: {
              enrolledOn: '参保日期不在登记期内 / The date is outside the enrolment window',
            },
          },
        },
      }).fetch,
    );
    render();
    await userEvent.click(screen.getByRole('button', { name: '登记' }));
    expect(await screen.findByText('参保日期不在登记期内')).toBeInTheDocument();
    expect(screen.getByLabelText('参保日期')).toHaveAttribute('aria-invalid', 'true');
  });
});

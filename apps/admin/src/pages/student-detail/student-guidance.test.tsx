import { benefitBeforePayment, withholdingOutlook } from '@sscard/rules';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { PaymentFacts } from './student-guidance.js';

const unpaid = {
  feeYuan: 405,
  payment: null,
  benefitPeriod: null,
  benefitBeforePayment: benefitBeforePayment(2025),
};

describe('PaymentFacts', () => {
  it('S-2.2b: a reviewed, unpaid student sees the withholding date inside the window', () => {
    renderWithProviders(
      <PaymentFacts student={{ ...unpaid, withholding: withholdingOutlook('2025-10-13') }} />,
    );
    expect(screen.getByTestId('withholding')).toHaveTextContent(
      '已签订批扣协议的，银行将于2025-10-15扣款',
    );
    // S-2.3: costs before the payment, shown with the benefit period.
    expect(screen.getByText(/缴费成功前产生的费用.*手工报销/)).toBeInTheDocument();
  });

  it('S-2.2b: after the window it says the window is closed, in English too', () => {
    renderWithProviders(
      <PaymentFacts student={{ ...unpaid, withholding: withholdingOutlook('2025-10-21') }} />,
      { lang: 'en' },
    );
    expect(screen.getByTestId('withholding')).toHaveTextContent(
      'The payment window (2025-10-05 to 2025-10-20) is closed',
    );
  });

  it('S-2.2b: nothing about withholding when it is not relevant (not reviewed, or paid)', () => {
    renderWithProviders(
      <PaymentFacts
        student={{
          ...unpaid,
          payment: {
            amountYuan: 405,
            paidAt: '2025-10-13T10:00:00+08:00',
            channel: 'bank_app',
            channelLabel: { zh: '银行APP', en: 'Bank app' },
          },
          benefitPeriod: { from: '2025-09-01', to: '2025-12-31' },
          withholding: null,
        }}
      />,
    );
    expect(screen.queryByTestId('withholding')).toBeNull();
    expect(screen.queryByText('银行批量扣款日')).toBeNull();
    expect(screen.getByText('405 元，银行APP，2025-10-13 10:00:00')).toBeInTheDocument();
    expect(screen.getByText(/2025-09-01 至 2025-12-31/)).toBeInTheDocument();
  });
});

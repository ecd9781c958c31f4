import type { CardStatusQuery } from '@sscard/rules';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../i18n/i18n-context.js';
import { renderWithProviders } from '../../test/render.js';
import { LookupForm } from './lookup-form.js';

function Harness({ onSubmit }: { onSubmit: (v: CardStatusQuery) => void }) {
  const [form] = Form.useForm<CardStatusQuery>();
  return <LookupForm form={form} loading={false} onSubmit={onSubmit} />;
}

async function fillAndSubmit(lang: Lang, name: string, idNumber: string) {
  const onSubmit = vi.fn();
  renderWithProviders(<Harness onSubmit={onSubmit} />, { lang });
  const zh = lang === 'zh-CN';
  await userEvent.type(screen.getByLabelText(zh ? '姓名' : 'Name'), name);
  await userEvent.type(screen.getByLabelText(zh ? '证件号码' : 'ID number'), idNumber);
  await userEvent.click(screen.getByRole('button', { name: zh ? '查询' : 'Look up' }));
  return onSubmit;
}

describe('LookupForm', () => {
  it('S-1.3: refuses a wrong check digit with the rules’ message and does not submit', async () => {
    const onSubmit = await fillAndSubmit('zh-CN', '王明', '110105194912310020');
    expect(await screen.findByText('校验码错误（应为 X）')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('S-1.3: says the same in English', async () => {
    await fillAndSubmit('en', '王明', '110105194912310020');
    expect(await screen.findByText('Check digit mismatch (expected X)')).toBeInTheDocument();
  });

  it('S-1.3: submits a valid number normalised (full-width digits, lowercase x)', async () => {
    const onSubmit = await fillAndSubmit('zh-CN', '王明', '１１０１０５１９４９１２３１００２x');
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ name: '王明', idNumber: '11010519491231002X' }),
    );
  });
});

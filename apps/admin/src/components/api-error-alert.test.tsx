import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.js';
import { renderWithProviders } from '../test/render.js';
import { ApiErrorAlert } from './api-error-alert.js';

const refusal = new ApiError({
  statusCode: 409,
  error: 'rule_refused',
  clause: 'N-2.4c',
  message:
    '2011-01-21起才能退回未发出的社保卡 / Undistributed cards can be returned from 2011-01-21',
});

describe('ApiErrorAlert', () => {
  it('N-2.4c: shows the API’s refusal with its clause, in Chinese', () => {
    renderWithProviders(<ApiErrorAlert error={refusal} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('2011-01-21起才能退回未发出的社保卡');
    expect(alert).not.toHaveTextContent('Undistributed');
    expect(screen.getByTestId('error-clause')).toHaveTextContent('依据条款 N-2.4c');
  });

  it('N-2.4c: and in English', () => {
    renderWithProviders(<ApiErrorAlert error={refusal} />, { lang: 'en' });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Undistributed cards can be returned from 2011-01-21',
    );
    expect(screen.getByTestId('error-clause')).toHaveTextContent('Clause N-2.4c');
  });

  it('lists the field errors not already shown by a form', () => {
    const invalid = new ApiError({
      statusCode: 422,
      error: 'validation_failed',
      message: '输入有误，请检查标出的字段 / Invalid input: check the fields listed',
      fields: {
        name: '姓名不能为空 / Name is required',
        'cards.3.idNumber': '校验码错误（应为 X） / Check digit mismatch (expected X)',
      },
    });
    renderWithProviders(<ApiErrorAlert error={invalid} hideFields={['name']} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('输入有误，请检查标出的字段');
    expect(alert).toHaveTextContent('校验码错误（应为 X）');
    expect(alert).not.toHaveTextContent('姓名不能为空');
  });

  it('words a lost connection itself', () => {
    renderWithProviders(<ApiErrorAlert error={ApiError.network()} />);
    expect(screen.getByRole('alert')).toHaveTextContent('无法连接服务器，请检查网络后重试');
  });
});

describe('ApiErrorAlert for the client’s own failures', () => {
  it('words a proxy’s non-API answer in the interface language', () => {
    renderWithProviders(<ApiErrorAlert error={ApiError.http(502)} />, { lang: 'en' });
    expect(screen.getByRole('alert')).toHaveTextContent('Request failed (HTTP 502)');
  });

  it('puts a given title first and the reason after it', () => {
    renderWithProviders(<ApiErrorAlert error={ApiError.network()} title="业务日期读取失败" />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('业务日期读取失败');
    expect(alert).toHaveTextContent('无法连接服务器，请检查网络后重试');
  });
});

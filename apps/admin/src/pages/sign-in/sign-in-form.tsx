import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { type SignIn, signInSchema } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { LoginResult } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  onSignedIn: (result: LoginResult) => void;
}

export function SignInForm({ onSignedIn }: Props) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<SignIn>();
  const [placed, setPlaced] = useState<string[]>([]);
  const login = useMutation({
    mutationFn: (values: SignIn) => api.login(signInSchema.parse(values)),
    onSuccess: (result) => onSignedIn(result),
    onError: (error) => {
      if (error instanceof ApiError) setPlaced(showFieldErrors(form, error, pick));
    },
  });
  const error = login.error;
  return (
    <Form<SignIn>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ username: '', password: '' }}
      onFinish={(values) => login.mutate(values)}
      disabled={login.isPending}
    >
      {error ? (
        <div style={{ marginBottom: 16 }}>
          {error instanceof ApiError && error.status === 401 ? (
            <Alert type="error" showIcon title={t.auth.wrongCredentials} />
          ) : (
            <ApiErrorAlert error={error} hideFields={placed} />
          )}
        </div>
      ) : null}
      <Form.Item
        name="username"
        label={t.auth.username}
        rules={[zodRule(signInSchema, 'username', pick)]}
        validateTrigger="onBlur"
      >
        <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        name="password"
        label={t.auth.password}
        rules={[zodRule(signInSchema, 'password', pick)]}
        validateTrigger="onBlur"
      >
        <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {t.auth.submit}
      </Button>
    </Form>
  );
}

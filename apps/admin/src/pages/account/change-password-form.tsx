import { type ChangePassword, changePasswordSchema, passwordPolicyIssue } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/api-error.js';
import { usersApi } from '../../api/user-endpoints.js';
import { getSession, setSession } from '../../auth/session-store.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

type Values = ChangePassword & { confirmPassword: string };

/** One's own password: the current one, then the new one twice (the policy is the rules'). */
export function ChangePasswordForm({ username }: { username: string }) {
  const { t, pick } = useI18n();
  const texts = t.users.account;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const navigate = useNavigate();
  const change = useMutation({
    mutationFn: (values: Values) =>
      usersApi.changeOwnPassword(
        changePasswordSchema.parse({
          currentPassword: values.currentPassword,
          newPassword: values.newPassword,
        }),
      ),
    onSuccess: () => {
      form.resetFields();
      void message.success(texts.done);
      // The API has cleared the flag; the rest of the app opens up, starting at home.
      const session = getSession();
      if (session?.user.mustChangePassword) {
        setSession({ ...session, user: { ...session.user, mustChangePassword: false } });
        void navigate('/', { replace: true });
      }
    },
    onError: (error) => {
      if (error instanceof ApiError) setPlaced(showFieldErrors(form, error, pick));
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={change.isPending}
      style={{ maxWidth: 420 }}
      initialValues={{ currentPassword: '', newPassword: '', confirmPassword: '' }}
      onFinish={(values) => change.mutate(values)}
    >
      {change.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={change.error} hideFields={placed} />
        </div>
      ) : null}
      {/* The username, for password managers: they file the new password under it. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <Form.Item
        name="currentPassword"
        label={texts.currentPassword}
        rules={[zodRule(changePasswordSchema, 'currentPassword', pick)]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={texts.newPassword}
        rules={[
          zodRule(changePasswordSchema, 'newPassword', pick),
          {
            validator: async (_, value: string | undefined) => {
              const issue = value ? passwordPolicyIssue(value, username) : undefined;
              if (issue) throw new Error(pick(issue));
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={texts.confirmPassword}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: texts.confirmRequired },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(texts.mismatch);
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {texts.submit}
      </Button>
    </Form>
  );
}

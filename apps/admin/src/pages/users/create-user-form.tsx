import {
  ACCOUNT_UNIT_KINDS,
  type AccountRole,
  BEIJING_DISTRICTS,
  createAccountSchema,
  manageableRoles,
  PASSWORD_POLICY,
} from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { AccountCreated, Role } from '../../api/contract.js';
import { usersApi } from '../../api/user-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { UnitOptionSelect } from './unit-option-select.js';

interface Values {
  username: string;
  displayName: string;
  role?: AccountRole;
  districtId?: string;
  unitId?: string;
  passwordMode: 'generate' | 'choose';
  password?: string;
}

interface Props {
  /** The signed-in manager's role: which roles the form offers (the rules' matrix). */
  managerRole: Role;
  onCreated: (result: AccountCreated) => void;
  onCancel: () => void;
}

/** The body the API takes: only the scope field the role has, a password only when chosen. */
function bodyOf(values: Values) {
  const role = values.role;
  const unitRole = role !== undefined && ACCOUNT_UNIT_KINDS[role] !== null;
  return {
    username: values.username,
    displayName: values.displayName,
    role,
    ...(role === 'district_staff' ? { districtId: values.districtId } : {}),
    ...(unitRole ? { unitId: values.unitId } : {}),
    ...(values.passwordMode === 'choose' ? { password: values.password } : {}),
  };
}

/** A new account, validated on the page by the same schema the API uses (createAccountSchema). */
export function CreateUserForm({ managerRole, onCreated, onCancel }: Props) {
  const { t, pick, label } = useI18n();
  const texts = t.users.form;
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const roles = manageableRoles(managerRole);
  const role = Form.useWatch('role', form);
  const passwordMode = Form.useWatch('passwordMode', form);
  const create = useMutation({
    mutationFn: (values: Values) => usersApi.create(createAccountSchema.parse(bodyOf(values))),
    onSuccess: (result) => onCreated(result),
    onError: (error) => {
      if (error instanceof ApiError) setPlaced(showFieldErrors(form, error, pick));
    },
  });
  const rule = (field: string) => [zodRule(createAccountSchema, field, pick)];
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={create.isPending}
      initialValues={{
        username: '',
        displayName: '',
        role: roles.includes('unit_staff') ? 'unit_staff' : roles[0],
        passwordMode: 'generate',
      }}
      onValuesChange={(changed: Partial<Values>) => {
        // The scope belongs to the role, and a typed password to "set it myself".
        if ('role' in changed) form.setFieldsValue({ districtId: undefined, unitId: undefined });
        if (changed.passwordMode === 'generate') form.setFieldsValue({ password: undefined });
      }}
      onFinish={(values) => create.mutate(values)}
    >
      {create.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={create.error} hideFields={placed} />
        </div>
      ) : null}
      <Form.Item
        name="username"
        label={texts.username}
        extra={texts.usernameHelp}
        rules={rule('username')}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={texts.displayName} rules={rule('displayName')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={texts.role} rules={rule('role')}>
        <Select<AccountRole> options={roles.map((r) => ({ value: r, label: t.auth.roles[r] }))} />
      </Form.Item>
      {role === 'district_staff' ? (
        <Form.Item name="districtId" label={texts.district} rules={rule('districtId')}>
          <Select<string>
            placeholder={texts.districtPlaceholder}
            options={BEIJING_DISTRICTS.map((d) => ({ value: d.code, label: label(d) }))}
          />
        </Form.Item>
      ) : null}
      {role !== undefined && ACCOUNT_UNIT_KINDS[role] !== null ? (
        <Form.Item name="unitId" label={texts.unit} rules={rule('unitId')}>
          <UnitOptionSelect role={role} />
        </Form.Item>
      ) : null}
      <Form.Item name="passwordMode" label={texts.passwordMode}>
        <Radio.Group
          options={[
            { value: 'generate', label: texts.generate },
            { value: 'choose', label: texts.choose },
          ]}
        />
      </Form.Item>
      {passwordMode === 'choose' ? (
        <Form.Item
          name="password"
          label={texts.password}
          extra={texts.passwordHelp(PASSWORD_POLICY.minLength)}
          rules={[{ required: true, message: texts.passwordRequired }, ...rule('password')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {texts.submit}
        </Button>
        <Button onClick={onCancel}>{texts.cancel}</Button>
      </Space>
    </Form>
  );
}

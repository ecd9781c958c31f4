import {
  ACCOUNT_UNIT_KINDS,
  type AccountRole,
  BEIJING_DISTRICTS,
  manageableRoles,
  reassignAccountSchema,
} from '@sscard/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { AccountView, Role } from '../../api/contract.js';
import { usersApi } from '../../api/user-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { UnitOptionSelect } from './unit-option-select.js';

interface Values {
  role: AccountRole;
  districtId?: string | undefined;
  unitId?: string | undefined;
}

interface Props {
  account: AccountView;
  /** The signed-in manager's role: the roles offered (the rules' matrix). */
  managerRole: Role;
  onClose: () => void;
}

/** Only the scope field the role has (reassignAccountSchema wants exactly that). */
function bodyOf(values: Values) {
  return {
    role: values.role,
    ...(values.role === 'district_staff' ? { districtId: values.districtId } : {}),
    ...(ACCOUNT_UNIT_KINDS[values.role] !== null ? { unitId: values.unitId } : {}),
  };
}

/** A manager moves an account to another unit or district, or gives it another role. */
export function ReassignAccountModal({ account, managerRole, onClose }: Props) {
  const { t, pick, label } = useI18n();
  const texts = t.users.actions;
  const form = t.users.form;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [antForm] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const role = Form.useWatch('role', antForm) ?? account.role;
  const roles = manageableRoles(managerRole);
  const reassign = useMutation({
    mutationFn: (values: Values) =>
      usersApi.reassign(account.id, reassignAccountSchema.parse(bodyOf(values))),
    onSuccess: (result) => {
      const name = pick(result.account.displayName);
      void (result.endedSessions === 0 &&
      result.account.role === account.role &&
      result.account.unit?.id === account.unit?.id &&
      result.account.districtId === account.districtId
        ? message.info(texts.unchanged)
        : message.success(texts.reassigned(name, result.endedSessions)));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) setPlaced(showFieldErrors(antForm, error, pick));
    },
  });
  const rule = (field: string) => [zodRule(reassignAccountSchema, field, pick)];
  return (
    <Modal
      open
      title={texts.reassignTitle(account.username)}
      okText={texts.reassignOk}
      cancelText={texts.cancel}
      confirmLoading={reassign.isPending}
      onOk={() => antForm.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={texts.reassignHelp} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={antForm}
        layout="vertical"
        requiredMark={false}
        disabled={reassign.isPending}
        initialValues={{
          role: account.role,
          districtId: account.districtId ?? undefined,
          unitId: account.unit?.id,
        }}
        onValuesChange={(changed: Partial<Values>) => {
          // The scope belongs to the role: a new role starts without one.
          if ('role' in changed)
            antForm.setFieldsValue({ districtId: undefined, unitId: undefined });
        }}
        onFinish={(values) => reassign.mutate(values)}
      >
        {reassign.error ? (
          <div style={{ marginBottom: 16 }}>
            <ApiErrorAlert error={reassign.error} hideFields={placed} />
          </div>
        ) : null}
        <Form.Item name="role" label={form.role} rules={rule('role')}>
          <Select<AccountRole> options={roles.map((r) => ({ value: r, label: t.auth.roles[r] }))} />
        </Form.Item>
        {role === 'district_staff' ? (
          <Form.Item name="districtId" label={form.district} rules={rule('districtId')}>
            <Select<string>
              placeholder={form.districtPlaceholder}
              options={BEIJING_DISTRICTS.map((d) => ({ value: d.code, label: label(d) }))}
            />
          </Form.Item>
        ) : null}
        {ACCOUNT_UNIT_KINDS[role] !== null ? (
          <Form.Item name="unitId" label={form.unit} rules={rule('unitId')}>
            <UnitOptionSelect
              role={role}
              current={
                account.unit && role === account.role
                  ? { value: account.unit.id, label: account.unit.name }
                  : undefined
              }
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

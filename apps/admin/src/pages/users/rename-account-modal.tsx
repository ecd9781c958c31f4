import { type RenameAccount, renameAccountSchema } from '@sscard/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { AccountView } from '../../api/contract.js';
import { usersApi } from '../../api/user-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  account: AccountView;
  onClose: () => void;
}

/** A manager corrects the name an account is shown (and recorded) under. */
export function RenameAccountModal({ account, onClose }: Props) {
  const { t, pick } = useI18n();
  const texts = t.users.actions;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RenameAccount>();
  const [placed, setPlaced] = useState<string[]>([]);
  const rename = useMutation({
    mutationFn: (body: RenameAccount) => usersApi.rename(account.id, body),
    onSuccess: (renamed) => {
      void message.success(texts.renamed(pick(renamed.displayName)));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) setPlaced(showFieldErrors(form, error, pick));
    },
  });
  return (
    <Modal
      open
      title={texts.renameTitle(account.username)}
      okText={texts.renameOk}
      cancelText={texts.cancel}
      confirmLoading={rename.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<RenameAccount>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ displayName: account.displayName }}
        onFinish={(values) => rename.mutate(renameAccountSchema.parse(values))}
      >
        {rename.error ? (
          <div style={{ marginBottom: 16 }}>
            <ApiErrorAlert error={rename.error} hideFields={placed} />
          </div>
        ) : null}
        <Form.Item
          name="displayName"
          label={t.users.form.displayName}
          rules={[zodRule(renameAccountSchema, 'displayName', pick)]}
        >
          <Input maxLength={100} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

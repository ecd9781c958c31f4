import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import type { AccountView, Role } from '../../api/contract.js';
import { usersApi } from '../../api/user-endpoints.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ReassignAccountModal } from './reassign-account-modal.js';
import { RenameAccountModal } from './rename-account-modal.js';

interface Props {
  account: AccountView;
  /** The signed-in manager's role: the roles an account may be moved to. */
  managerRole: Role;
  /** The signed-in user's own row: no disabling or resetting oneself here. */
  self: boolean;
  onPassword: (account: AccountView, password: string) => void;
  onError: (error: unknown) => void;
}

/** Rename and move (dialogs); disable / enable and reset password, each behind a confirmation. */
export function UserActions({ account, managerRole, self, onPassword, onError }: Props) {
  const { t, pick } = useI18n();
  const texts = t.users.actions;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const [moving, setMoving] = useState(false);
  // Demo accounts carry "中文 / English" names: show the interface language's half.
  const name = pick(account.displayName);
  const done = () => void queryClient.invalidateQueries({ queryKey: ['users'] });
  const toggle = useMutation({
    mutationFn: () =>
      account.disabled
        ? usersApi.enable(account.id).then(() => texts.enabledDone(name))
        : usersApi.disable(account.id).then((r) => texts.disabledDone(name, r.endedSessions)),
    onMutate: () => onError(null),
    onSuccess: (text) => {
      void message.success(text);
      done();
    },
    onError,
  });
  const reset = useMutation({
    mutationFn: () => usersApi.resetPassword(account.id),
    onMutate: () => onError(null),
    onSuccess: (result) => {
      if (result.password) onPassword(result.account, result.password);
      done();
    },
    onError,
  });
  if (self) return <Tag>{t.users.self}</Tag>;
  return (
    <Space size={0} wrap>
      <Button size="small" type="link" onClick={() => setRenaming(true)}>
        {texts.rename}
      </Button>
      {renaming ? (
        <RenameAccountModal account={account} onClose={() => setRenaming(false)} />
      ) : null}
      <Button size="small" type="link" onClick={() => setMoving(true)}>
        {texts.reassign}
      </Button>
      {moving ? (
        <ReassignAccountModal
          account={account}
          managerRole={managerRole}
          onClose={() => setMoving(false)}
        />
      ) : null}
      <Popconfirm
        title={account.disabled ? texts.confirmEnable(name) : texts.confirmDisable(name)}
        okText={texts.ok}
        cancelText={texts.cancel}
        onConfirm={() => toggle.mutateAsync().catch(() => undefined)}
      >
        <Button size="small" type="link" danger={!account.disabled} loading={toggle.isPending}>
          {account.disabled ? texts.enable : texts.disable}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={texts.confirmReset(name)}
        okText={texts.ok}
        cancelText={texts.cancel}
        onConfirm={() => reset.mutateAsync().catch(() => undefined)}
      >
        <Button size="small" type="link" loading={reset.isPending}>
          {texts.resetPassword}
        </Button>
      </Popconfirm>
    </Space>
  );
}

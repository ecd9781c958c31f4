import { type AccountRole, BEIJING_DISTRICTS, manageableRoles } from '@sscard/rules';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Result, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AccountView } from '../../api/contract.js';
import { usersApi } from '../../api/user-endpoints.js';
import { useSession } from '../../auth/session-store.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { ListTable } from '../../components/list/list-table.js';
import { ListToolbar } from '../../components/list/list-toolbar.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { CreateUserForm } from './create-user-form.js';
import { PasswordOnceModal, type ShownPassword } from './password-once-modal.js';
import { UserActions } from './user-actions.js';

const LIST = {
  sortable: ['username', 'displayName', 'role', 'createdAt'],
  sort: 'username',
  filters: ['role', 'disabled'],
} as const;

const STATUSES = ['false', 'true'] as const;

/** The accounts the signed-in user may manage (the rules' matrix), paged and filtered by the API. */
export function UsersPage() {
  const { t, label, pick, dateTime } = useI18n();
  const texts = t.users;
  const session = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useListParams(LIST);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<ShownPassword | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const roles = session ? manageableRoles(session.user.role) : [];
  const role = roles.find((r) => r === list.state.filters.role);
  const status = STATUSES.find((s) => s === list.state.filters.disabled);
  const request = { ...list.query, role, disabled: status };
  const query = useQuery({
    queryKey: ['users', request],
    queryFn: ({ signal }) => usersApi.list(request, { signal }),
    placeholderData: keepPreviousData,
    enabled: roles.length > 0,
  });
  // Unit and college staff manage nobody (the API would answer 403): say so instead.
  if (roles.length === 0) return <Result status="403" title={texts.noAccess} />;
  const c = texts.columns;
  const scopeOf = (row: AccountView) => {
    if (row.unit) return row.unit.name;
    const district = BEIJING_DISTRICTS.find((d) => d.code === row.districtId);
    return district ? texts.districtStaffScope(label(district)) : t.common.none;
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div className="page-heading">
        <Typography.Title level={1} className="page-title">
          {texts.title}
        </Typography.Title>
        {roles.length > 0 ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {texts.create}
          </Button>
        ) : null}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {texts.intro(roles.map((r) => t.auth.roles[r]).join(texts.listSeparator))}
      </Typography.Paragraph>
      <ListToolbar
        search={list.state.search}
        searchLabel={texts.searchPlaceholder}
        onSearch={list.setSearch}
      >
        <Select<AccountRole>
          allowClear
          aria-label={texts.roleFilter}
          placeholder={texts.roleAll}
          value={role}
          onChange={(value) => list.setFilter('role', value)}
          style={{ width: 200 }}
          options={roles.map((r) => ({ value: r, label: t.auth.roles[r] }))}
        />
        <Select<(typeof STATUSES)[number]>
          allowClear
          aria-label={texts.statusFilter}
          placeholder={texts.statusAll}
          value={status}
          onChange={(value) => list.setFilter('disabled', value)}
          style={{ width: 160 }}
          options={[
            { value: 'false', label: texts.enabled },
            { value: 'true', label: texts.disabled },
          ]}
        />
      </ListToolbar>
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      {actionError ? <ApiErrorAlert error={actionError} /> : null}
      <ListTable<AccountView>
        list={list}
        query={query}
        rowKey="id"
        locale={{ emptyText: texts.empty }}
        columns={[
          {
            title: c.username,
            key: 'username',
            dataIndex: 'username',
            sorter: true,
            sortOrder: list.sortOrderOf('username'),
          },
          {
            title: c.displayName,
            key: 'displayName',
            sorter: true,
            render: (_, row) => pick(row.displayName),
            sortOrder: list.sortOrderOf('displayName'),
          },
          {
            title: c.role,
            key: 'role',
            sorter: true,
            sortOrder: list.sortOrderOf('role'),
            render: (_, row) => t.auth.roles[row.role],
          },
          { title: c.scope, render: (_, row) => scopeOf(row) },
          {
            title: c.status,
            render: (_, row) =>
              row.disabled ? (
                <Tag color="red">{texts.disabled}</Tag>
              ) : (
                // One above the other: the actions column keeps its room at 1280 px.
                <Space orientation="vertical" size={2}>
                  <Tag color="green">{texts.enabled}</Tag>
                  {row.mustChangePassword ? <Tag color="gold">{texts.initialPassword}</Tag> : null}
                </Space>
              ),
          },
          { title: c.sessions, dataIndex: 'activeSessions', align: 'right' },
          {
            title: c.createdAt,
            key: 'createdAt',
            sorter: true,
            sortOrder: list.sortOrderOf('createdAt'),
            render: (_, row) => dateTime(row.createdAt),
          },
          {
            title: c.actions,
            // Two lines of links (edit, then access) rather than a table wider than 1280 px.
            width: 168,
            render: (_, row) =>
              session ? (
                <UserActions
                  account={row}
                  managerRole={session.user.role}
                  self={row.id === session.user.userId}
                  onError={setActionError}
                  onPassword={(account, password) =>
                    setShown({
                      title: texts.passwordOnce.resetTitle,
                      username: account.username,
                      password,
                    })
                  }
                />
              ) : null,
          },
        ]}
      />
      <Drawer
        open={creating}
        title={texts.form.title}
        onClose={() => setCreating(false)}
        destroyOnHidden
        size={480}
      >
        {session ? (
          <CreateUserForm
            managerRole={session.user.role}
            onCancel={() => setCreating(false)}
            onCreated={(result) => {
              setCreating(false);
              void queryClient.invalidateQueries({ queryKey: ['users'] });
              if (result.password)
                setShown({
                  title: texts.passwordOnce.createdTitle,
                  username: result.account.username,
                  password: result.password,
                });
              else void message.success(texts.form.createdChosen(result.account.username));
            }}
          />
        ) : null}
      </Drawer>
      <PasswordOnceModal shown={shown} onClose={() => setShown(null)} />
    </Space>
  );
}

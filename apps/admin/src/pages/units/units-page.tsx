import { getDistributionPolicy, UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@sscard/rules';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { UnitView } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useSession } from '../../auth/session-store.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { ListToolbar } from '../../components/list/list-toolbar.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { RouteTag } from './route-tag.js';
import { ListTable } from '../../components/list/list-table.js';
import { UnitCreateForm } from './unit-create-form.js';

const LIST = {
  sortable: ['name', 'eligibleCount', 'registrationCode'],
  sort: 'name',
  filters: ['kind'],
} as const;

const kindLabel = (kind: string) => UNIT_KIND_LABELS[kind as UnitKind];

/** N-2.2a/b: the district's units with their card-eligible count and the route the API gives. */
export function UnitsPage() {
  const { t, label } = useI18n();
  const texts = t.distribution.units;
  const list = useListParams(LIST);
  const kind = UNIT_KINDS.find((k) => k === list.state.filters.kind);
  const query = useQuery({
    queryKey: ['units', list.query],
    queryFn: ({ signal }) => districtApi.units(list.query, { signal }),
    placeholderData: keepPreviousData,
  });
  const c = texts.columns;
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  // The API's @Roles on POST /api/units.
  const role = session?.user.role;
  const canCreate = role === 'district_staff' || role === 'system_admin';
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div className="page-heading">
        <Typography.Title level={1} className="page-title">
          {texts.title}
        </Typography.Title>
        {canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {texts.create.open}
          </Button>
        ) : null}
      </div>
      <Modal
        open={creating}
        title={texts.create.title}
        footer={null}
        onCancel={() => setCreating(false)}
        destroyOnHidden
        width={720}
      >
        <UnitCreateForm
          districtId={role === 'district_staff' ? (session?.user.districtId ?? null) : null}
          onCancel={() => setCreating(false)}
          onDone={(unit) => {
            setCreating(false);
            void message.success(texts.create.created(unit.name));
            void queryClient.invalidateQueries({ queryKey: ['units'] });
            navigate(`/units/${unit.id}`);
          }}
        />
      </Modal>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {texts.intro(getDistributionPolicy().directDeliveryThreshold)}
      </Typography.Paragraph>
      <ListToolbar
        search={list.state.search}
        searchLabel={texts.searchPlaceholder}
        onSearch={list.setSearch}
      >
        <Select<UnitKind>
          allowClear
          aria-label={texts.kindFilter}
          placeholder={texts.kindAll}
          value={kind}
          onChange={(value) => list.setFilter('kind', value)}
          style={{ width: 240 }}
          options={UNIT_KINDS.map((k) => ({ value: k, label: label(UNIT_KIND_LABELS[k]) }))}
        />
      </ListToolbar>
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <ListTable<UnitView>
        list={list}
        query={query}
        rowKey="id"
        columns={[
          {
            title: c.name,
            key: 'name',
            sorter: true,
            sortOrder: list.sortOrderOf('name'),
            render: (_, row) => <Link to={`/units/${row.id}`}>{row.name}</Link>,
          },
          {
            title: c.registrationCode,
            key: 'registrationCode',
            dataIndex: 'registrationCode',
            sorter: true,
            sortOrder: list.sortOrderOf('registrationCode'),
          },
          {
            title: c.kind,
            render: (_, row) => {
              const l = kindLabel(row.kind);
              return l ? label(l) : row.kind;
            },
          },
          {
            title: c.eligibleCount,
            key: 'eligibleCount',
            dataIndex: 'eligibleCount',
            align: 'right',
            sorter: true,
            sortOrder: list.sortOrderOf('eligibleCount'),
          },
          { title: c.route, render: (_, row) => <RouteTag route={row.route} /> },
          {
            title: c.designatedPerson,
            render: (_, row) =>
              row.designatedPerson
                ? `${row.designatedPerson.name} ${row.designatedPerson.phone}`
                : t.common.none,
          },
        ]}
      />
    </Space>
  );
}

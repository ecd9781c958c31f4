import { CATEGORIES, CATEGORY_LABELS, type Category } from '@sscard/rules';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { ResidentView } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { ListToolbar } from '../../components/list/list-toolbar.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { categoryLabel, subsidyFlagLabel } from './resident-labels.js';
import { ListTable } from '../../components/list/list-table.js';

const LIST = {
  sortable: ['name', 'createdAt'],
  sort: 'createdAt',
  order: 'desc',
  filters: ['category'],
} as const;

/** Residents in the caller's scope, ID numbers masked by the API; searched and paged there. */
export function ResidentsPage() {
  const { t, label, dateTime } = useI18n();
  const texts = t.residents.list;
  const c = texts.columns;
  const navigate = useNavigate();
  const list = useListParams(LIST);
  const category = CATEGORIES.find((k) => k === list.state.filters.category);
  const query = useQuery({
    queryKey: ['residents', list.query],
    queryFn: ({ signal }) => districtApi.residents(list.query, { signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div className="page-heading">
        <Typography.Title level={1} className="page-title">
          {texts.title}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/residents/new')}>
          {texts.create}
        </Button>
        <Link to="/missing-institution">{texts.missingLink}</Link>
      </div>
      <ListToolbar
        search={list.state.search}
        searchLabel={texts.searchPlaceholder}
        onSearch={list.setSearch}
      >
        <Select<Category>
          allowClear
          aria-label={texts.categoryFilter}
          placeholder={texts.categoryAll}
          value={category}
          onChange={(value) => list.setFilter('category', value)}
          style={{ width: 220 }}
          options={CATEGORIES.map((k) => ({ value: k, label: label(CATEGORY_LABELS[k]) }))}
        />
      </ListToolbar>
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <ListTable<ResidentView>
        list={list}
        query={query}
        rowKey="id"
        columns={[
          {
            title: c.name,
            key: 'name',
            sorter: true,
            sortOrder: list.sortOrderOf('name'),
            render: (_, row) => <Link to={`/residents/${row.id}`}>{row.name}</Link>,
          },
          { title: c.idNumber, dataIndex: 'idNumber' },
          { title: c.category, render: (_, row) => categoryLabel(row.category, label) },
          {
            title: c.subsidyFlags,
            render: (_, row) =>
              row.subsidyFlags.length === 0
                ? t.common.none
                : t.common.list(row.subsidyFlags.map((f) => subsidyFlagLabel(f, label))),
          },
          { title: c.unit, render: (_, row) => row.currentUnit?.name ?? t.common.none },
          {
            title: c.createdAt,
            key: 'createdAt',
            sorter: true,
            sortOrder: list.sortOrderOf('createdAt'),
            render: (_, row) => dateTime(row.createdAt),
          },
        ]}
      />
    </Space>
  );
}

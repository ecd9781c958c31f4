import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { MissingInstitutionItem } from '../../api/contract.js';
import { districtApi, districtExports } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { XlsxButton } from '../batches/xlsx-button.js';
import { ListToolbar } from '../../components/list/list-toolbar.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { categoryLabel, institutionKindLabel } from './resident-labels.js';
import { ListTable } from '../../components/list/list-table.js';

const LIST = { sortable: ['name', 'createdAt'], sort: 'name' } as const;

/** N-1.6: elderly and unemployed residents without a community health-service institution. */
export function MissingInstitutionPage() {
  const { t, label } = useI18n();
  const texts = t.residents.missing;
  const c = texts.columns;
  const list = useListParams(LIST);
  const query = useQuery({
    queryKey: ['missing-institution', list.query],
    queryFn: ({ signal }) => districtApi.missingInstitution(list.query, { signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div className="page-heading">
        <Typography.Title level={1} className="page-title">
          {texts.title}
        </Typography.Title>
        <XlsxButton load={districtExports.missingInstitution()} label={texts.export} />
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {texts.intro}
      </Typography.Paragraph>
      <ListToolbar
        search={list.state.search}
        searchLabel={texts.searchPlaceholder}
        onSearch={list.setSearch}
      />
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <ListTable<MissingInstitutionItem>
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
          { title: c.unit, render: (_, row) => row.currentUnit?.name ?? t.common.none },
          {
            title: c.institutions,
            render: (_, row) =>
              row.designatedInstitutions.length === 0
                ? t.common.none
                : t.common.list(
                    row.designatedInstitutions.map((d) =>
                      t.common.withDetail(d.code, institutionKindLabel(d.kind, label)),
                    ),
                  ),
          },
          { title: c.deadline, render: (_, row) => row.deadline ?? t.common.none },
          {
            title: c.status,
            render: (_, row) => (
              <Tag color={row.overdue ? 'red' : 'default'}>
                {row.overdue ? texts.overdue : texts.onTime}
              </Tag>
            ),
          },
        ]}
      />
    </Space>
  );
}

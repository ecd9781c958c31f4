import { IMPORT_KINDS, type ImportKind } from '@sscard/rules';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { ImportJobView, ImportState } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { ListToolbar } from '../../components/list/list-toolbar.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { IMPORT_STATES, RUNNING_STATES } from './import-kinds.js';
import { ImportStateTag, useKindTitle } from './import-state-tag.js';
import { ListTable } from '../../components/list/list-table.js';

const LIST = {
  sortable: ['createdAt'],
  sort: 'createdAt',
  order: 'desc',
  pageSize: 10,
  filters: ['kind', 'state'],
} as const;

/** The caller's recent jobs, newest first; paged, filtered and searched (file name) by the API. */
export function ImportJobsTable() {
  const { t, dateTime } = useI18n();
  const x = t.imports.list;
  const kindTitle = useKindTitle();
  const list = useListParams(LIST);
  const kind = IMPORT_KINDS.find((k) => k === list.state.filters.kind);
  const state = IMPORT_STATES.find((s) => s === list.state.filters.state);
  const query = useQuery({
    queryKey: ['imports', list.query],
    queryFn: ({ signal }) => api.imports.list(list.query, { signal }),
    placeholderData: keepPreviousData,
    // A job still running on this page moves on by itself.
    refetchInterval: (q) =>
      q.state.data?.items.some((job) => RUNNING_STATES.has(job.state)) ? 2000 : false,
  });
  const c = x.columns;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} className="import-heading">
        {x.heading}
      </Typography.Title>
      <ListToolbar
        search={list.state.search}
        searchLabel={x.searchPlaceholder}
        onSearch={list.setSearch}
      >
        <Select<ImportKind>
          allowClear
          aria-label={x.kindFilter}
          placeholder={x.kindAll}
          value={kind}
          onChange={(value) => list.setFilter('kind', value)}
          style={{ width: 240 }}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: kindTitle(k) }))}
        />
        <Select<ImportState>
          allowClear
          aria-label={x.stateFilter}
          placeholder={x.stateAll}
          value={state}
          onChange={(value) => list.setFilter('state', value)}
          style={{ width: 200 }}
          options={IMPORT_STATES.map((s) => ({ value: s, label: t.imports.states[s] }))}
        />
      </ListToolbar>
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <ListTable<ImportJobView>
        list={list}
        query={query}
        rowKey="id"
        loading={query.isPending}
        columns={[
          {
            title: c.fileName,
            key: 'fileName',
            render: (_, job) => <Link to={`/imports/${job.id}`}>{job.fileName}</Link>,
          },
          { title: c.kind, key: 'kind', render: (_, job) => kindTitle(job.kind) },
          {
            title: c.unit,
            key: 'unit',
            render: (_, job) => job.unit?.name ?? t.imports.job.district,
          },
          {
            title: c.state,
            key: 'state',
            render: (_, job) => <ImportStateTag state={job.state} />,
          },
          {
            title: c.rows,
            key: 'rows',
            className: 'numeric',
            render: (_, job) => `${job.rowsRead} / ${job.rowsValid} / ${job.rowsWritten}`,
          },
          { title: c.issues, dataIndex: 'issueCount', className: 'numeric' },
          {
            title: c.createdAt,
            key: 'createdAt',
            dataIndex: 'createdAt',
            sorter: true,
            sortOrder: list.sortOrderOf('createdAt'),
            render: (v: string) => dateTime(v),
          },
        ]}
      />
    </Space>
  );
}

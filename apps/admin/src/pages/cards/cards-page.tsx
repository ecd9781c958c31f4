import { CARD_STATE_LABELS, CARD_STATES, type CardState } from '@sscard/rules';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Tag, Typography } from 'antd';
import type { CardView } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { ListToolbar } from '../../components/list/list-toolbar.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ListTable } from '../../components/list/list-table.js';

const LIST = {
  sortable: ['holderName', 'state', 'updatedAt'],
  sort: 'updatedAt',
  order: 'desc',
  filters: ['state'],
} as const;

/** Every card in the caller's scope; paged, sorted, searched and filtered by the API. */
export function CardsPage() {
  const { t, label, dateTime } = useI18n();
  const list = useListParams(LIST);
  const state = CARD_STATES.find((s) => s === list.state.filters.state);
  const query = useQuery({
    queryKey: ['cards', list.query],
    queryFn: ({ signal }) => api.cards(list.query, { signal }),
    placeholderData: keepPreviousData,
  });
  const c = t.cards.columns;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {t.cards.title}
      </Typography.Title>
      <ListToolbar
        search={list.state.search}
        searchLabel={t.cards.searchPlaceholder}
        onSearch={list.setSearch}
      >
        <Select<CardState>
          allowClear
          aria-label={t.cards.stateFilter}
          placeholder={t.cards.stateAll}
          value={state}
          onChange={(value) => list.setFilter('state', value)}
          style={{ width: 240 }}
          options={CARD_STATES.map((s) => ({ value: s, label: label(CARD_STATE_LABELS[s]) }))}
        />
      </ListToolbar>
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <ListTable<CardView>
        list={list}
        query={query}
        rowKey="id"
        columns={[
          {
            title: c.cardNumber,
            dataIndex: 'cardNumber',
            render: (v: string | null) => v ?? t.common.none,
          },
          {
            title: c.holderName,
            key: 'holderName',
            dataIndex: 'holderName',
            sorter: true,
            sortOrder: list.sortOrderOf('holderName'),
          },
          { title: c.idNumber, dataIndex: 'idNumberMasked' },
          {
            title: c.state,
            key: 'state',
            sorter: true,
            sortOrder: list.sortOrderOf('state'),
            render: (_, row) => <Tag>{label(row.stateLabel)}</Tag>,
          },
          { title: c.madeForUnit, render: (_, row) => row.madeForUnit.name },
          { title: c.currentUnit, render: (_, row) => row.currentUnit?.name ?? t.common.none },
          {
            title: c.batch,
            dataIndex: 'batchNumber',
            render: (v: string | null) => v ?? t.common.none,
          },
          {
            title: c.updatedAt,
            key: 'updatedAt',
            dataIndex: 'updatedAt',
            sorter: true,
            sortOrder: list.sortOrderOf('updatedAt'),
            render: (v: string) => dateTime(v),
          },
        ]}
      />
    </Space>
  );
}

import { getDistributionPolicy } from '@sscard/rules';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Modal, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { BatchView, CardView, ReceiptView } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { districtApi } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { BusinessDateAlert, useBusinessDate } from '../../components/business-date.js';
import { ListToolbar } from '../../components/list/list-toolbar.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { BatchDocuments } from '../batches/batch-documents.js';
import { BulkSignForm } from './bulk-sign-form.js';
import { ClassFilter } from './class-filter.js';
import { DesignatedPersonModal } from './designated-person-modal.js';
import { SignCardForm } from './sign-card-form.js';
import { BatchPicker, useSelectedBatch, useUnitBatches } from './unit-batches.js';

const LIST = {
  sortable: ['holderName', 'updatedAt'],
  sort: 'holderName',
  order: 'asc',
  // N-2.3: the class (班级), to hand out a class's cards together.
  filters: ['className'],
} as const;

/** After a signature: the stock, the receipt, the reconciliation and the counts all changed. */
const AFTER_SIGNING = [
  ['cards'],
  ['card-classes'],
  ['receipt'],
  ['reconciliation'],
  ['dashboard'],
  ['unit-batches'],
];

/** N-2.3 / N-2.4b: the unit's cards not yet handed out, signed one by one or a class at once. */
export function UnitCardsPage() {
  const { t } = useI18n();
  const batches = useUnitBatches();
  const s = t.unitStaff.stock;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {s.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{s.intro}</Typography.Paragraph>
      <QueryState query={batches}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty description={t.unitStaff.batch.none} />
          ) : (
            <UnitStock batches={page.items} />
          )
        }
      </QueryState>
    </Space>
  );
}

function UnitStock({ batches }: { batches: readonly BatchView[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { selected, select } = useSelectedBatch(batches);
  const today = useBusinessDate();
  const list = useListParams(LIST);
  const [chosen, setChosen] = useState<CardView[]>([]);
  const [signing, setSigning] = useState<CardView | null>(null);
  const [bulk, setBulk] = useState(false);
  const [naming, setNaming] = useState(false);
  const batchId = selected?.id ?? '';
  const receipt = useQuery({
    queryKey: ['receipt', batchId],
    queryFn: ({ signal }) => districtApi.receipt(batchId, { signal }),
    enabled: batchId !== '',
  });
  const query = { ...list.query, state: 'at_unit' as const, batchId };
  const cards = useQuery({
    queryKey: ['cards', query],
    queryFn: ({ signal }) => api.cards(query, { signal }),
    placeholderData: keepPreviousData,
    enabled: batchId !== '',
  });
  const s = t.unitStaff.stock;
  const c = s.columns;
  const designated = receipt.data?.unit.designatedPersonName ?? null;
  const refresh = async () => {
    setChosen([]);
    await Promise.all(AFTER_SIGNING.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
  const deadline = getDistributionPolicy().collectionDeadline;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size="large" className="unit-stock-head">
        <BatchPicker batches={batches} selected={selected} onSelect={select} />
        {selected ? <Link to={`/unit/receipt?batch=${selected.id}`}>{s.toReceipt}</Link> : null}
      </Space>
      {selected ? (
        // N-2.2a/b: the batch's delivery manifest or pickup notice, and the receipt, as Excel.
        <div className="no-print">
          <BatchDocuments batch={selected} size="middle" />
        </div>
      ) : null}
      <BusinessDateAlert />
      {receipt.data ? <ReceiptTotals receipt={receipt.data} /> : null}
      <Alert type="info" showIcon title={s.movedGuidance(deadline)} />
      {receipt.data ? (
        designated ? (
          <Space>
            <Typography.Text>{s.designated(designated)}</Typography.Text>
            <Button size="small" onClick={() => setNaming(true)}>
              {t.distribution.units.designated.edit}
            </Button>
          </Space>
        ) : (
          <Alert
            type="warning"
            showIcon
            title={s.noDesignated}
            action={
              <Button size="small" onClick={() => setNaming(true)}>
                {t.distribution.units.designated.set}
              </Button>
            }
          />
        )
      ) : null}
      {naming && receipt.data ? (
        <DesignatedPersonModal unitId={receipt.data.unit.id} onClose={() => setNaming(false)} />
      ) : null}
      <ListToolbar
        search={list.state.search}
        searchLabel={s.searchPlaceholder}
        onSearch={list.setSearch}
      >
        <ClassFilter
          batchId={batchId}
          value={list.state.filters.className}
          onChange={(className) => list.setFilter('className', className)}
          onSelectClass={setChosen}
        />
        {chosen.length > 0 ? (
          <Space>
            <Typography.Text>{s.selected(chosen.length)}</Typography.Text>
            <Button type="primary" onClick={() => setBulk(true)} disabled={!today}>
              {s.signSelected}
            </Button>
            <Button onClick={() => setChosen([])}>{s.clearSelection}</Button>
          </Space>
        ) : null}
      </ListToolbar>
      <Typography.Text type="secondary">{s.searchHelp}</Typography.Text>
      {cards.error ? (
        <ApiErrorAlert error={cards.error} onRetry={() => void cards.refetch()} />
      ) : null}
      <Table<CardView>
        rowKey="id"
        size="middle"
        loading={cards.isFetching}
        dataSource={cards.data?.items ?? []}
        locale={{ emptyText: s.empty }}
        scroll={{ x: 'max-content' }}
        className="list-table"
        onChange={list.onTableChange}
        rowSelection={{
          selectedRowKeys: chosen.map((r) => r.id),
          preserveSelectedRowKeys: true,
          // Keys are the truth: a card selected with its class may sit on a page not yet shown.
          onChange: (keys, rows) =>
            setChosen((before) => {
              const known = new Map(
                [...before, ...rows.filter((r): r is CardView => Boolean(r))].map((r) => [r.id, r]),
              );
              return keys.flatMap((k) => known.get(String(k)) ?? []);
            }),
          getCheckboxProps: (row) => ({ 'aria-label': s.selectCard(row.holderName) }),
        }}
        pagination={{
          current: list.state.page,
          pageSize: list.state.pageSize,
          total: cards.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t.common.total(total),
        }}
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
            title: c.className,
            dataIndex: 'className',
            render: (v: string | null) => v ?? t.common.none,
          },
          {
            title: c.currentUnit,
            render: (_, row) => (
              <>
                {row.currentUnit?.name ?? t.common.none}{' '}
                {row.currentUnit && row.currentUnit.id !== row.madeForUnit.id ? (
                  <Tag color="orange">{s.moved}</Tag>
                ) : null}
              </>
            ),
          },
          {
            title: c.actions,
            key: 'actions',
            render: (_, row) => (
              <Button
                size="small"
                type="primary"
                ghost
                disabled={!today}
                onClick={() => setSigning(row)}
                aria-label={s.signCard(row.holderName)}
              >
                {s.sign}
              </Button>
            ),
          },
        ]}
      />
      {signing && today ? (
        <Modal
          open
          title={t.unitStaff.signing.title(signing.holderName, signing.cardNumber ?? '')}
          footer={null}
          onCancel={() => setSigning(null)}
          destroyOnHidden
        >
          <SignCardForm
            card={signing}
            designatedPersonName={designated}
            today={today}
            onCancel={() => setSigning(null)}
            onSigned={async (signature) => {
              setSigning(null);
              void message.success(s.signedOne(signature.holderName));
              await refresh();
            }}
          />
        </Modal>
      ) : null}
      {bulk && today && selected ? (
        <Modal
          open
          title={t.unitStaff.signing.bulkTitle(chosen.length)}
          footer={null}
          onCancel={() => setBulk(false)}
          destroyOnHidden
        >
          <BulkSignForm
            batchId={selected.id}
            cards={chosen}
            designatedPersonName={designated}
            today={today}
            onCancel={() => setBulk(false)}
            onSigned={async () => {
              const n = chosen.length;
              setBulk(false);
              void message.success(s.signedMany(n));
              await refresh();
            }}
          />
        </Modal>
      ) : null}
    </Space>
  );
}

/** The receipt's totals (N-2.3): how many of the batch are signed, by whom, and still open. */
export function ReceiptTotals({ receipt }: { receipt: ReceiptView }) {
  const { t } = useI18n();
  const x = t.unitStaff.totals;
  return (
    <Space size="large" wrap className="receipt-totals">
      <Statistic title={x.cards} value={receipt.totals.cards} />
      <Statistic title={x.signedSelf} value={receipt.totals.signedSelf} />
      <Statistic title={x.signedProxy} value={receipt.totals.signedProxy} />
      <Statistic title={x.unsigned} value={receipt.totals.unsigned} />
    </Space>
  );
}

import {
  CATEGORIES,
  CATEGORY_LABELS,
  type CategoryChangeRequest,
  categoryChangeRequestSchema,
  identitySyncedRequestSchema,
  loadedPolicyYears,
} from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { toApiError } from '../../api/api-error.js';
import type { CategoryChangeView, ResidentDetail } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useSession } from '../../auth/session-store.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DateInput } from '../../components/date-input.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { EventDateForm } from './event-date-form.js';
import { categoryLabel } from './resident-labels.js';

type Change = ResidentDetail['categoryChanges'][number];

interface Props {
  resident: ResidentDetail;
  today?: string | undefined;
  onChanged: () => void;
}

/**
 * N-2.5: a category change with age (paid at the new standard first, which the API checks), and
 * the card's identity sync at the district centre, recorded when the card comes back.
 */
export function CategoryChangeSection({ resident, today, onChanged }: Props) {
  const { t, label } = useI18n();
  const texts = t.residents.categoryChange;
  const c = texts.columns;
  const { message } = App.useApp();
  const role = useSession()?.user.role;
  const [adding, setAdding] = useState(false);
  const [syncing, setSyncing] = useState<Change | null>(null);
  // The API's @Roles: the sync is the district centre's (and the admin's).
  const canSync = role === 'district_staff' || role === 'system_admin';
  return (
    <Card
      title={<h2 className="card-heading">{texts.title}</h2>}
      extra={adding ? null : <Button onClick={() => setAdding(true)}>{texts.add}</Button>}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {texts.intro}
        </Typography.Paragraph>
        {adding ? (
          <CategoryChangeForm
            resident={resident}
            today={today}
            onCancel={() => setAdding(false)}
            onDone={(change) => {
              setAdding(false);
              void message.success(
                texts.done(categoryLabel(change.from, label), categoryLabel(change.to, label)),
              );
              onChanged();
            }}
          />
        ) : null}
        <Table<Change>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={resident.categoryChanges}
          locale={{ emptyText: texts.empty }}
          scroll={{ x: 'max-content' }}
          className="list-table"
          columns={[
            { title: c.from, render: (_, row) => categoryLabel(row.from, label) },
            { title: c.to, render: (_, row) => categoryLabel(row.to, label) },
            { title: c.changedOn, dataIndex: 'changedOn' },
            {
              title: c.sync,
              render: (_, row) =>
                row.cardId === null ? (
                  texts.noCard
                ) : row.syncedOn ? (
                  <Tag color="green">{texts.syncedOn(row.syncedOn)}</Tag>
                ) : (
                  <Tag color="orange">{texts.syncPending}</Tag>
                ),
            },
            {
              title: c.actions,
              render: (_, row) =>
                canSync && row.cardId !== null && row.syncedOn === null ? (
                  <Button size="small" onClick={() => setSyncing(row)}>
                    {texts.sync}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Space>
      <Modal
        open={syncing !== null}
        title={texts.syncTitle}
        footer={null}
        onCancel={() => setSyncing(null)}
        destroyOnHidden
      >
        {syncing ? (
          <EventDateForm
            schema={identitySyncedRequestSchema}
            field="syncedOn"
            label={texts.syncDate}
            submitLabel={texts.syncSubmit}
            cancelLabel={texts.cancel}
            today={today}
            send={(body) => districtApi.identitySynced(resident.id, syncing.id, body)}
            onCancel={() => setSyncing(null)}
            onDone={() => {
              setSyncing(null);
              void message.success(texts.synced);
              onChanged();
            }}
          />
        ) : null}
      </Modal>
    </Card>
  );
}

interface FormProps {
  resident: ResidentDetail;
  today?: string | undefined;
  onDone: (change: CategoryChangeView) => void;
  onCancel: () => void;
}

/** N-2.5: the new category and the year paid at its standard; the API refuses an unpaid change. */
export function CategoryChangeForm({ resident, today, onDone, onCancel }: FormProps) {
  const { t, pick, label } = useI18n();
  const texts = t.residents.categoryChange;
  const [form] = Form.useForm<CategoryChangeRequest>();
  const [placed, setPlaced] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: (body: CategoryChangeRequest) => districtApi.changeCategory(resident.id, body),
    onMutate: () => setPlaced([]),
    onSuccess: onDone,
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  const latest = resident.enrolments.at(-1)?.policyYear;
  const rule = (field: keyof CategoryChangeRequest) => [
    zodRule(categoryChangeRequestSchema, field, pick),
  ];
  return (
    <Form<CategoryChangeRequest>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ policyYear: latest, changedOn: today ?? '' }}
      onFinish={(values) => mutation.mutate(categoryChangeRequestSchema.parse(values))}
      disabled={mutation.isPending}
    >
      <Space wrap align="start">
        <Form.Item name="to" label={texts.to} rules={rule('to')}>
          <Select
            style={{ width: 220 }}
            options={CATEGORIES.filter((k) => k !== resident.category).map((k) => ({
              value: k,
              label: label(CATEGORY_LABELS[k]),
            }))}
          />
        </Form.Item>
        <Form.Item name="policyYear" label={texts.policyYear} rules={rule('policyYear')}>
          <Select
            style={{ width: 140 }}
            options={loadedPolicyYears().map((y) => ({ value: y, label: String(y) }))}
          />
        </Form.Item>
        <Form.Item
          name="changedOn"
          label={texts.changedOn}
          rules={rule('changedOn')}
          validateTrigger="onBlur"
        >
          <DateInput />
        </Form.Item>
      </Space>
      {mutation.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={mutation.error} hideFields={placed} />
        </div>
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {texts.submit}
        </Button>
        <Button onClick={onCancel}>{texts.cancel}</Button>
      </Space>
    </Form>
  );
}

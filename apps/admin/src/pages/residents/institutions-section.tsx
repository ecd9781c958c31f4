import { type InstitutionsRequest, institutionsRequestSchema } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Space, Table } from 'antd';
import { useState } from 'react';
import { toApiError } from '../../api/api-error.js';
import type { ResidentDetail } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { showFieldErrors } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { InstitutionFields } from './institution-fields.js';
import { institutionKindLabel } from './resident-labels.js';

interface Props {
  resident: ResidentDetail;
  onChanged: () => void;
}

/** N-1.6 / S-3.1: the designated institutions; the API checks the community one and the count. */
export function InstitutionsSection({ resident, onChanged }: Props) {
  const { t, pick, label } = useI18n();
  const texts = t.residents.institutions;
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<InstitutionsRequest>();
  const [placed, setPlaced] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: (body: InstitutionsRequest) => districtApi.setInstitutions(resident.id, body),
    onMutate: () => setPlaced([]),
    onSuccess: () => {
      setEditing(false);
      void message.success(texts.saved);
      onChanged();
    },
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  const rows = resident.designatedInstitutions.map((d, i) => ({ ...d, position: i + 1 }));
  return (
    <Card
      title={<h2 className="card-heading">{t.residents.detail.institutions}</h2>}
      extra={editing ? null : <Button onClick={() => setEditing(true)}>{texts.edit}</Button>}
    >
      {editing ? (
        <Form<InstitutionsRequest>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ designatedInstitutions: resident.designatedInstitutions }}
          onFinish={(values) => mutation.mutate(institutionsRequestSchema.parse(values))}
        >
          <InstitutionFields schema={institutionsRequestSchema} />
          {mutation.error ? (
            <div style={{ margin: '16px 0' }}>
              <ApiErrorAlert error={mutation.error} hideFields={placed} />
            </div>
          ) : null}
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={mutation.isPending}>
              {texts.save}
            </Button>
            <Button onClick={() => setEditing(false)}>{texts.cancel}</Button>
          </Space>
        </Form>
      ) : (
        <Table
          rowKey="position"
          size="small"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: texts.none }}
          className="list-table"
          columns={[
            { title: texts.columns.position, dataIndex: 'position' },
            { title: texts.columns.code, dataIndex: 'code' },
            {
              title: texts.columns.kind,
              render: (_, row) => institutionKindLabel(row.kind, label),
            },
          ]}
        />
      )}
    </Card>
  );
}

import {
  CATEGORIES,
  CATEGORY_LABELS,
  type CreateResidentRequest,
  type CreateResidentRequestInput,
  createResidentRequestSchema,
  ID_KIND_LABELS,
  ID_KINDS,
  SUBSIDY_FLAG_DEFINITIONS,
  SUBSIDY_FLAGS,
} from '@sscard/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { toApiError } from '../../api/api-error.js';
import { districtApi } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DateInput } from '../../components/date-input.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { InstitutionFields } from './institution-fields.js';
import { UnitSelect } from '../../components/unit-select.js';

const rule = (field: string, pick: (m: string) => string) => [
  zodRule(createResidentRequestSchema, field, pick),
];

/** Registering a resident with the shared person schema (ID number checked by its kind, S-1.3). */
export function ResidentCreatePage() {
  const { t, pick, label } = useI18n();
  const texts = t.residents.create;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateResidentRequestInput>();
  const [placed, setPlaced] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: (body: CreateResidentRequest) => districtApi.createResident(body),
    onMutate: () => setPlaced([]),
    onSuccess: (resident) => {
      void message.success(texts.created(resident.name));
      void queryClient.invalidateQueries({ queryKey: ['residents'] });
      navigate(`/residents/${resident.id}`);
    },
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/residents">{texts.back}</Link>
      <Typography.Title level={1} className="page-title">
        {texts.title}
      </Typography.Title>
      <Card>
        <Form<CreateResidentRequestInput>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{
            name: '',
            idKind: 'resident',
            idNumber: '',
            birthDate: '',
            subsidyFlags: [],
            designatedInstitutions: [],
          }}
          onFinish={(values) => mutation.mutate(createResidentRequestSchema.parse(values))}
          style={{ maxWidth: 720 }}
        >
          <Form.Item
            name="name"
            label={texts.name}
            rules={rule('name', pick)}
            validateTrigger="onBlur"
          >
            <Input autoComplete="off" maxLength={50} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="idKind" label={texts.idKind} rules={rule('idKind', pick)}>
              <Select
                style={{ width: 260 }}
                options={ID_KINDS.map((k) => ({ value: k, label: label(ID_KIND_LABELS[k]) }))}
              />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label={texts.idNumber}
              rules={rule('idNumber', pick)}
              validateTrigger="onBlur"
            >
              <Input autoComplete="off" spellCheck={false} maxLength={30} style={{ width: 260 }} />
            </Form.Item>
            <Form.Item
              name="birthDate"
              label={texts.birthDate}
              extra={texts.birthDateHelp}
              rules={rule('birthDate', pick)}
              validateTrigger="onBlur"
            >
              <DateInput />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="category" label={texts.category} rules={rule('category', pick)}>
              <Select
                style={{ width: 220 }}
                options={CATEGORIES.map((k) => ({ value: k, label: label(CATEGORY_LABELS[k]) }))}
              />
            </Form.Item>
            <Form.Item
              name="subsidyFlags"
              label={texts.subsidyFlags}
              rules={rule('subsidyFlags', pick)}
            >
              <Select
                mode="multiple"
                allowClear
                style={{ width: 380 }}
                options={SUBSIDY_FLAGS.map((f) => ({
                  value: f,
                  label: label(SUBSIDY_FLAG_DEFINITIONS[f]),
                }))}
              />
            </Form.Item>
          </Space>
          <Form.Item
            name="currentUnitId"
            label={texts.currentUnit}
            rules={rule('currentUnitId', pick)}
          >
            <UnitSelect placeholder={texts.unitPlaceholder} />
          </Form.Item>
          <Typography.Title level={2} className="section-title">
            {texts.institutions}
          </Typography.Title>
          <InstitutionFields schema={createResidentRequestSchema} />
          {mutation.error ? (
            <div style={{ margin: '16px 0' }}>
              <ApiErrorAlert error={mutation.error} hideFields={placed} />
            </div>
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            loading={mutation.isPending}
            style={{ marginTop: 16 }}
          >
            {texts.submit}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}

import { type CollegeInput, collegeSchema } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { CollegeView } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

/**
 * Adds a college (院（系）) under a university: its name and registration code, checked by the
 * shared collegeSchema before it is sent, as the API checks it (422 next to the field).
 */
export function CollegeForm({
  university,
  onAdded,
}: {
  university: { id: string; name: string };
  onAdded: (college: CollegeView) => void;
}) {
  const { t, pick } = useI18n();
  const x = t.students.colleges;
  const [form] = Form.useForm<CollegeInput>();
  const [placed, setPlaced] = useState<string[]>([]);
  const add = useMutation({
    mutationFn: (body: CollegeInput) => api.students.createCollege(university.id, body),
    onSuccess: (college) => {
      form.resetFields();
      onAdded(college);
    },
    onError: (error) => {
      if (error instanceof ApiError) setPlaced(showFieldErrors(form, error, pick));
    },
  });
  const rule = (field: string) => [zodRule(collegeSchema, field, pick)];
  return (
    <Form<CollegeInput>
      form={form}
      layout="inline"
      requiredMark={false}
      initialValues={{ name: '', registrationCode: '' }}
      onFinish={(values) => add.mutate(collegeSchema.parse(values))}
      disabled={add.isPending}
      aria-label={x.addTitle(university.name)}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {add.error ? <ApiErrorAlert error={add.error} hideFields={placed} /> : null}
        {add.isSuccess ? <Alert type="success" showIcon title={x.added(add.data.name)} /> : null}
        <Space wrap align="start">
          <Form.Item name="name" label={x.name} rules={rule('name')} validateTrigger="onBlur">
            <Input autoComplete="off" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            name="registrationCode"
            label={x.registrationCode}
            rules={rule('registrationCode')}
            validateTrigger="onBlur"
          >
            <Input autoComplete="off" style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {x.submit}
          </Button>
        </Space>
      </Space>
    </Form>
  );
}

import {
  CATEGORIES,
  CATEGORY_LABELS,
  type Category,
  checkEnrolmentDate,
  DEPOSIT_ACCOUNTS,
  type Enrolment,
  enrolmentSchema,
  loadedPolicyYears,
  PAYMENT_METHODS,
} from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error.js';
import type { EnrolmentCreated } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DateInput } from '../../components/date-input.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  residentId: string;
  category: Category;
  today?: string | undefined;
  onDone: (result: EnrolmentCreated) => void;
  onCancel: () => void;
}

/** The loaded policy year whose enrolment window (N-1.1a/b) holds the date, per the rules. */
function openPolicyYear(today: string | undefined): number | undefined {
  if (!today) return undefined;
  return loadedPolicyYears().find((year) => checkEnrolmentDate(year, today).ok);
}

const rule = (field: keyof Enrolment, pick: (m: string) => string) => [
  zodRule(enrolmentSchema, field, pick),
];

/**
 * N-1.1 / N-1.3: enrolling for a policy year. The form sends no fee: the API decides the fee,
 * the exemption (N-1.4a) and the 京卡 deposit (N-1.3d) from the rules and shows them after.
 */
export function EnrolmentForm({ residentId, category, today, onDone, onCancel }: Props) {
  const { t, pick, label } = useI18n();
  const texts = t.residents.enrolment;
  const [form] = Form.useForm<Enrolment>();
  const [placed, setPlaced] = useState<string[]>([]);
  const method = Form.useWatch('paymentMethod', form);
  useEffect(() => {
    if (!today) return;
    if (!form.isFieldTouched('enrolledOn')) form.setFieldValue('enrolledOn', today);
    const year = openPolicyYear(today);
    if (year && !form.isFieldTouched('policyYear')) form.setFieldValue('policyYear', year);
  }, [today, form]);
  const mutation = useMutation({
    mutationFn: (body: Enrolment) => districtApi.enrol(residentId, body),
    onMutate: () => setPlaced([]),
    onSuccess: onDone,
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  return (
    <Form<Enrolment>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{
        policyYear: openPolicyYear(today),
        category,
        enrolledOn: today ?? '',
        paymentMethod: 'cash',
      }}
      onFinish={(values) => mutation.mutate(enrolmentSchema.parse(values))}
    >
      <Space wrap align="start">
        <Form.Item name="policyYear" label={texts.policyYear} rules={rule('policyYear', pick)}>
          <Select
            style={{ width: 120 }}
            options={loadedPolicyYears().map((y) => ({ value: y, label: String(y) }))}
          />
        </Form.Item>
        <Form.Item name="category" label={texts.category} rules={rule('category', pick)}>
          <Select
            style={{ width: 220 }}
            options={CATEGORIES.map((k) => ({ value: k, label: label(CATEGORY_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item
          name="enrolledOn"
          label={texts.enrolledOn}
          rules={rule('enrolledOn', pick)}
          validateTrigger="onBlur"
        >
          <DateInput />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item
          name="paymentMethod"
          label={texts.paymentMethod}
          rules={rule('paymentMethod', pick)}
        >
          <Select
            style={{ width: 200 }}
            options={PAYMENT_METHODS.map((m) => ({ value: m, label: texts.methods[m] }))}
          />
        </Form.Item>
        {method === 'bank_withholding' ? (
          <Form.Item
            name="depositAccount"
            label={texts.depositAccount}
            rules={rule('depositAccount', pick)}
          >
            <Select
              style={{ width: 260 }}
              options={DEPOSIT_ACCOUNTS.map((a) => ({ value: a, label: texts.accounts[a] }))}
            />
          </Form.Item>
        ) : null}
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

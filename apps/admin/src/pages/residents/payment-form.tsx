import { type Payment, paymentSchema } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { toApiError } from '../../api/api-error.js';
import type { EnrolmentView, ResidentDetail } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DateInput } from '../../components/date-input.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

type EnrolmentLine = ResidentDetail['enrolments'][number];

interface Props {
  enrolment: EnrolmentLine;
  today?: string | undefined;
  onDone: (result: EnrolmentView) => void;
  onCancel: () => void;
}

const rule = (field: keyof Payment, pick: (m: string) => string) => [
  zodRule(paymentSchema, field, pick),
];

/**
 * N-1.3a–c: recording the payment of an enrolment. The amount proposed is the fee the API
 * decided; the API checks it, the method and the window or withholding round again.
 */
export function PaymentForm({ enrolment, today, onDone, onCancel }: Props) {
  const { t, pick } = useI18n();
  const texts = t.residents.payment;
  const methods = t.residents.enrolment.methods;
  const [form] = Form.useForm<Payment>();
  const [placed, setPlaced] = useState<string[]>([]);
  const idempotency = useIdempotencyKey();
  const mutation = useMutation({
    mutationFn: (body: Payment) => districtApi.pay(enrolment.id, body, idempotency.keyFor(body)),
    onMutate: () => setPlaced([]),
    onSuccess: (result) => {
      idempotency.done();
      onDone(result);
    },
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  return (
    <Form<Payment>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{
        policyYear: enrolment.policyYear,
        amountYuan: enrolment.feeYuan,
        paidOn: today ?? '',
        method: enrolment.paymentMethod as Payment['method'],
      }}
      onFinish={(values) => mutation.mutate(paymentSchema.parse(values))}
    >
      <Space wrap align="start">
        <Form.Item name="policyYear" label={texts.policyYear} rules={rule('policyYear', pick)}>
          <InputNumber precision={0} style={{ width: 120 }} disabled />
        </Form.Item>
        <Form.Item name="amountYuan" label={texts.amountYuan} rules={rule('amountYuan', pick)}>
          <InputNumber min={0} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="paidOn"
          label={texts.paidOn}
          rules={rule('paidOn', pick)}
          validateTrigger="onBlur"
        >
          <DateInput />
        </Form.Item>
        <Form.Item name="method" label={texts.method} rules={rule('method', pick)}>
          <Select
            style={{ width: 160 }}
            options={(['cash', 'bank_withholding'] as const).map((m) => ({
              value: m,
              label: methods[m],
            }))}
          />
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

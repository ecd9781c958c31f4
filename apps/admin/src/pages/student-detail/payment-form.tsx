import {
  PAYMENT_CHANNEL_LABELS,
  PAYMENT_CHANNELS,
  paymentWindowText,
  type StudentPaymentInput,
} from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { StudentDetail } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import {
  type PaymentForm as PaymentValues,
  paymentBody,
  paymentFormSchema,
} from '../../forms/student-schemas.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

/**
 * S-2.1 / S-2.2a / S-2.4: recording a reviewed student's payment with its channel. The window
 * is stated from the rules' policy data and is the API's to enforce: a refusal shows its clause.
 */
export function PaymentForm({
  studentId,
  feeYuan,
  policyYear,
  onPaid,
}: {
  studentId: string;
  feeYuan: number;
  policyYear: number;
  onPaid: (student: StudentDetail) => void;
}) {
  const { t, pick, label } = useI18n();
  const p = t.students.payment;
  const [form] = Form.useForm<PaymentValues>();
  const [placed, setPlaced] = useState<string[]>([]);
  const idempotency = useIdempotencyKey();
  const pay = useMutation({
    mutationFn: (body: StudentPaymentInput) =>
      api.students.pay(studentId, body, idempotency.keyFor(body)),
    onSuccess: (student) => {
      idempotency.done();
      onPaid(student);
    },
    onError: (error) => {
      if (error instanceof ApiError) setPlaced(showFieldErrors(form, error, pick));
    },
  });
  const rule = (field: string) => [zodRule(paymentFormSchema, field, pick)];
  return (
    <Form<PaymentValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ channel: 'jingtong_mini_program', paidDate: '', paidTime: '' }}
      onFinish={(values) => pay.mutate(paymentBody(paymentFormSchema.parse(values)))}
      disabled={pay.isPending}
      aria-label={p.title}
    >
      {pay.error ? (
        <div style={{ marginBottom: 16 }} data-testid="payment-error">
          <ApiErrorAlert error={pay.error} hideFields={placed} />
        </div>
      ) : null}
      <Typography.Paragraph>
        {p.fee(feeYuan, label(paymentWindowText(policyYear)))}
      </Typography.Paragraph>
      <Form.Item name="channel" label={p.channel} rules={rule('channel')}>
        <Select
          options={PAYMENT_CHANNELS.map((c) => ({
            value: c,
            label: label(PAYMENT_CHANNEL_LABELS[c]),
          }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="paidDate" label={p.paidDate} rules={rule('paidDate')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="paidTime" label={p.paidTime} rules={rule('paidTime')}>
            <Input type="time" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{p.paidAtHelp}</Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={pay.isPending}>
        {p.submit}
      </Button>
    </Form>
  );
}

import {
  type DeliveryRequest,
  deliveryRequestSchema,
  type ReceiverRequest,
  receiverRequestSchema,
} from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Radio, Space } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error.js';
import type { HandoverResult } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { DateInput } from '../../components/date-input.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** N-2.2a: the receiver the unit names (the API's request schema). */
const receiverSchema = receiverRequestSchema;

/** N-2.2a: where the vendor delivered — the API's request schema; the form always sends a date. */
const deliveryFormSchema = deliveryRequestSchema.required({ deliveredOn: true });

interface Props {
  batchId: string;
  onDone: () => void;
}

export function ReceiverForm({ batchId, onDone }: Props) {
  const { t, pick } = useI18n();
  const texts = t.distribution.handover;
  const [form] = Form.useForm<ReceiverRequest>();
  const [placed, setPlaced] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: (body: ReceiverRequest) => districtApi.nameReceiver(batchId, body),
    onMutate: () => setPlaced([]),
    onSuccess: onDone,
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ name: '', phone: '' }}
      onFinish={(values) => mutation.mutate(receiverSchema.parse(values))}
      style={{ maxWidth: 420 }}
    >
      <Form.Item
        name="name"
        label={texts.receiverName}
        rules={[zodRule(receiverSchema, 'name', pick)]}
        validateTrigger="onBlur"
      >
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={texts.receiverPhone}
        rules={[zodRule(receiverSchema, 'phone', pick)]}
        validateTrigger="onBlur"
      >
        <Input autoComplete="off" inputMode="tel" maxLength={20} />
      </Form.Item>
      {mutation.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={mutation.error} hideFields={placed} />
        </div>
      ) : null}
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {texts.receiverSubmit}
      </Button>
    </Form>
  );
}

interface DeliveryProps {
  batchId: string;
  today?: string | undefined;
  receiverNamed: boolean;
  onDone: (result: HandoverResult) => void;
}

export function DeliveryForm({ batchId, today, receiverNamed, onDone }: DeliveryProps) {
  const { t, pick } = useI18n();
  const texts = t.distribution.handover;
  const [form] = Form.useForm<Required<DeliveryRequest>>();
  const [placed, setPlaced] = useState<string[]>([]);
  useEffect(() => {
    if (today && !form.isFieldTouched('deliveredOn')) form.setFieldValue('deliveredOn', today);
  }, [today, form]);
  const mutation = useMutation({
    mutationFn: (body: DeliveryRequest) => districtApi.deliver(batchId, body),
    onMutate: () => setPlaced([]),
    onSuccess: onDone,
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{
        // Before a receiver is named only the district centre can take the delivery (N-2.2a).
        destination: receiverNamed ? 'unit' : 'district_centre',
        deliveredOn: today ?? '',
      }}
      onFinish={(values) => mutation.mutate(deliveryFormSchema.parse(values))}
      style={{ maxWidth: 420 }}
    >
      <Form.Item
        name="destination"
        label={texts.destination}
        rules={[zodRule(deliveryFormSchema, 'destination', pick)]}
      >
        <Radio.Group>
          <Space orientation="vertical">
            <Radio value="unit">{texts.destinations.unit}</Radio>
            <Radio value="district_centre">{texts.destinations.district_centre}</Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="deliveredOn"
        label={texts.deliveredOn}
        rules={[zodRule(deliveryFormSchema, 'deliveredOn', pick)]}
        validateTrigger="onBlur"
      >
        <DateInput style={{ width: 200 }} />
      </Form.Item>
      {mutation.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={mutation.error} hideFields={placed} />
        </div>
      ) : null}
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {texts.deliverySubmit}
      </Button>
    </Form>
  );
}

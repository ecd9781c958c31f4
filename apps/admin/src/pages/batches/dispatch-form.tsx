import { type DispatchRequest, dispatchRequestSchema } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { toApiError } from '../../api/api-error.js';
import type { DispatchResult } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DateInput } from '../../components/date-input.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DistrictSelect } from '../units/district-select.js';

interface Props {
  onDispatched: (result: DispatchResult) => void;
  onCancel?: () => void;
  /** The system admin names the district (the API's rule); district staff dispatch their own. */
  chooseDistrict?: boolean;
}

/** The admin's dispatch: the same request schema, with the district required. */
const withDistrict = dispatchRequestSchema.required({ districtId: true });

/**
 * N-2.2a/b: dispatch every made card of the district. The API routes each unit's batch by the
 * threshold and writes the notices; the form only names the pickup place and deadline.
 */
export function DispatchForm({ onDispatched, onCancel, chooseDistrict = false }: Props) {
  const { t, pick } = useI18n();
  const texts = t.distribution.dispatch;
  const [form] = Form.useForm<DispatchRequest>();
  const [placed, setPlaced] = useState<string[]>([]);
  const idempotency = useIdempotencyKey();
  const schema = chooseDistrict ? withDistrict : dispatchRequestSchema;
  const mutation = useMutation({
    // The same body again (a retry after a lost answer) reuses the key: dispatched once.
    mutationFn: (body: DispatchRequest) => districtApi.dispatch(body, idempotency.keyFor(body)),
    onMutate: () => setPlaced([]),
    onSuccess: (result) => {
      idempotency.done();
      onDispatched(result);
    },
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  return (
    <Form<DispatchRequest>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ pickupPlace: '', pickupDeadline: '' }}
      onFinish={(values) => mutation.mutate(schema.parse(values))}
      style={{ maxWidth: 560 }}
    >
      {chooseDistrict ? (
        <Form.Item
          name="districtId"
          label={texts.district}
          extra={texts.districtHelp}
          rules={[zodRule(schema, 'districtId', pick)]}
        >
          <DistrictSelect />
        </Form.Item>
      ) : null}
      <Form.Item
        name="pickupPlace"
        label={texts.pickupPlace}
        extra={texts.pickupPlaceHelp}
        rules={[zodRule(schema, 'pickupPlace', pick)]}
        validateTrigger="onBlur"
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="pickupDeadline"
        label={texts.pickupDeadline}
        extra={texts.pickupDeadlineHelp}
        rules={[zodRule(schema, 'pickupDeadline', pick)]}
        validateTrigger="onBlur"
      >
        <DateInput style={{ width: 200 }} />
      </Form.Item>
      {mutation.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={mutation.error} hideFields={placed} />
        </div>
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {texts.submit}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{texts.cancel}</Button> : null}
      </Space>
    </Form>
  );
}

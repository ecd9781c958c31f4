import {
  PICKUP_CREDENTIAL_KINDS,
  PICKUP_CREDENTIAL_LABELS,
  type PickupCredentialKind,
  pickupRequestSchema,
} from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Radio, Space } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error.js';
import type { HandoverResult } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DateInput } from '../../components/date-input.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** N-2.2b: the API's request schema; the form always sends the pickup date. */
const pickupFormSchema = pickupRequestSchema.required({ pickedUpOn: true });

interface Values {
  credentialKind: PickupCredentialKind;
  credentialCode: string;
  collectorName: string;
  pickedUpOn: string;
}

interface Props {
  batchId: string;
  /** The business date, proposed as the pickup date. */
  today?: string | undefined;
  onDone: (result: HandoverResult) => void;
  onCancel?: () => void;
}

/**
 * N-2.2b: the unit collects its batch with its 社会保险登记证 or an introduction letter. The
 * code is typed from the credential as presented — the form never shows the unit's code — and
 * the API refuses one that does not match, with the clause.
 */
export function PickupForm({ batchId, today, onDone, onCancel }: Props) {
  const { t, pick, label } = useI18n();
  const texts = t.distribution.pickup;
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const idempotency = useIdempotencyKey();
  useEffect(() => {
    if (today && !form.isFieldTouched('pickedUpOn')) form.setFieldValue('pickedUpOn', today);
  }, [today, form]);
  const mutation = useMutation({
    mutationFn: (body: Values) => districtApi.pickup(batchId, body, idempotency.keyFor(body)),
    onMutate: () => setPlaced([]),
    onSuccess: (result) => {
      idempotency.done();
      onDone(result);
    },
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{
        credentialKind: 'registration_certificate',
        credentialCode: '',
        collectorName: '',
        pickedUpOn: today ?? '',
      }}
      onFinish={(values) => mutation.mutate(pickupFormSchema.parse(values))}
    >
      <Form.Item
        name="credentialKind"
        label={texts.credentialKind}
        rules={[zodRule(pickupFormSchema, 'credentialKind', pick)]}
      >
        <Radio.Group>
          <Space orientation="vertical">
            {PICKUP_CREDENTIAL_KINDS.map((k) => (
              <Radio key={k} value={k}>
                {label(PICKUP_CREDENTIAL_LABELS[k])}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="credentialCode"
        label={texts.credentialCode}
        rules={[zodRule(pickupFormSchema, 'credentialCode', pick)]}
        validateTrigger="onBlur"
      >
        <Input autoComplete="off" spellCheck={false} maxLength={40} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item
        name="collectorName"
        label={texts.collectorName}
        rules={[zodRule(pickupFormSchema, 'collectorName', pick)]}
        validateTrigger="onBlur"
      >
        <Input autoComplete="off" maxLength={50} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item
        name="pickedUpOn"
        label={texts.pickedUpOn}
        rules={[zodRule(pickupFormSchema, 'pickedUpOn', pick)]}
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
        {onCancel ? <Button onClick={onCancel}>{t.distribution.dispatch.cancel}</Button> : null}
      </Space>
    </Form>
  );
}

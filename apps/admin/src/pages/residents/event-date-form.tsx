import { useMutation } from '@tanstack/react-query';
import { Button, Form, Space } from 'antd';
import { useState } from 'react';
import type { ZodType } from 'zod';
import { toApiError } from '../../api/api-error.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DateInput } from '../../components/date-input.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props<B extends Record<string, string | undefined>, R> {
  /** The API's request schema: one optional event date (the API's business date by default). */
  schema: ZodType<B>;
  field: keyof B & string;
  label: string;
  submitLabel: string;
  cancelLabel: string;
  today?: string | undefined;
  send: (body: B) => Promise<R>;
  onDone: (result: R) => void;
  onCancel: () => void;
}

/**
 * An action whose only input is the date it happened on (closing a certificate N-1.5, finishing
 * an identity sync N-2.5): proposed as the business date, checked by the request schema.
 */
export function EventDateForm<B extends Record<string, string | undefined>, R>(props: Props<B, R>) {
  const { schema, field, label, submitLabel, cancelLabel, today, send, onDone, onCancel } = props;
  const { pick } = useI18n();
  const [form] = Form.useForm<Record<string, string>>();
  const [placed, setPlaced] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: send,
    onMutate: () => setPlaced([]),
    onSuccess: onDone,
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ [field]: today ?? '' }}
      onFinish={(values) => mutation.mutate(schema.parse(values))}
      disabled={mutation.isPending}
    >
      <Form.Item
        name={String(field)}
        label={label}
        rules={[zodRule(schema, field, pick)]}
        validateTrigger="onBlur"
      >
        <DateInput />
      </Form.Item>
      {mutation.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={mutation.error} hideFields={placed} />
        </div>
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{cancelLabel}</Button>
      </Space>
    </Form>
  );
}

import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { ReturnView } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { type ReturnBody, returnFormSchema } from '../../forms/unit-staff-schemas.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Values {
  returnedOn: string;
  firstCopyReturned: boolean;
}

/** N-2.4c: every unsigned card goes back with the receipt's first copy, all in one request. */
export function ReturnForm({
  batchId,
  cardIds,
  today,
  onReturned,
}: {
  batchId: string;
  cardIds: readonly string[];
  today: string;
  onReturned: (result: ReturnView) => void;
}) {
  const { t, pick } = useI18n();
  const x = t.unitStaff.returns;
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const idempotency = useIdempotencyKey();
  const send = useMutation({
    mutationFn: (body: ReturnBody) =>
      api.unitStaff.returnCards(batchId, body, idempotency.keyFor(body)),
    onSuccess: (result) => {
      idempotency.done();
      onReturned(result);
    },
    onError: (error) => {
      if (error instanceof ApiError) setPlaced(showFieldErrors(form, error, pick));
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ returnedOn: today, firstCopyReturned: false }}
      onFinish={(values) => {
        const v = returnFormSchema.parse(values);
        send.mutate({ ...v, cardIds: [...cardIds] });
      }}
      disabled={send.isPending}
      className="return-form"
    >
      {send.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={send.error} hideFields={placed} />
        </div>
      ) : null}
      <Form.Item
        name="firstCopyReturned"
        valuePropName="checked"
        rules={[zodRule(returnFormSchema, 'firstCopyReturned', pick)]}
      >
        <Checkbox>{x.firstCopy}</Checkbox>
      </Form.Item>
      <Form.Item
        name="returnedOn"
        label={x.returnedOn}
        rules={[zodRule(returnFormSchema, 'returnedOn', pick)]}
        validateTrigger="onBlur"
      >
        <Input type="date" max={today} style={{ width: 200 }} />
      </Form.Item>
      <Button type="primary" danger htmlType="submit" loading={send.isPending}>
        {x.submit(cardIds.length)}
      </Button>
    </Form>
  );
}

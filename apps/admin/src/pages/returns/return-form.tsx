import { type ReturnRequest, returnRequestSchema } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, Form, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error.js';
import type { ReturnView } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DateInput } from '../../components/date-input.js';
import { returnFormSchema } from '../../forms/unit-staff-schemas.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Values {
  returnedOn: string;
  firstCopyReturned: boolean;
}

interface Props {
  batchId: string;
  /** The undistributed cards still at the unit: every one goes back (N-2.4c). */
  cardIds: readonly string[];
  today?: string | undefined;
  onDone: (result: ReturnView) => void;
}

/**
 * N-2.4c, for the district centre and the unit alike: the unit's undistributed cards come back
 * with the receipt's first copy, all in one request. The date and the first copy are checked by
 * the API's request schema; the API refuses a return before the opening date, or a card list
 * that does not reconcile, with the clause.
 */
export function ReturnForm({ batchId, cardIds, today, onDone }: Props) {
  const { t, pick } = useI18n();
  const texts = t.distribution.returns;
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const idempotency = useIdempotencyKey();
  useEffect(() => {
    if (today && !form.isFieldTouched('returnedOn')) form.setFieldValue('returnedOn', today);
  }, [today, form]);
  const mutation = useMutation({
    mutationFn: (body: ReturnRequest) =>
      districtApi.returnCards(batchId, body, idempotency.keyFor(body)),
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
      initialValues={{ returnedOn: today ?? '', firstCopyReturned: false }}
      onFinish={(values) =>
        mutation.mutate(returnRequestSchema.parse({ ...values, cardIds: [...cardIds] }))
      }
      disabled={mutation.isPending}
      style={{ maxWidth: 480 }}
    >
      <Typography.Paragraph strong>{texts.toReturn(cardIds.length)}</Typography.Paragraph>
      <Form.Item
        name="returnedOn"
        label={texts.returnedOn}
        rules={[zodRule(returnFormSchema, 'returnedOn', pick)]}
        validateTrigger="onBlur"
      >
        <DateInput style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="firstCopyReturned"
        valuePropName="checked"
        rules={[zodRule(returnFormSchema, 'firstCopyReturned', pick)]}
      >
        <Checkbox>{texts.firstCopyReturned}</Checkbox>
      </Form.Item>
      {mutation.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={mutation.error} hideFields={placed} />
        </div>
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        loading={mutation.isPending}
        disabled={cardIds.length === 0}
      >
        {texts.submit}
      </Button>
    </Form>
  );
}

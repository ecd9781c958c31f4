import { type BulkSignRequest, bulkSignRequestSchema, SIGNER_KIND_LABELS } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { CardView, ReceiptView } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import {
  type BulkSignForm as BulkSignValues,
  bulkSignFormSchema,
} from '../../forms/unit-staff-schemas.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  batchId: string;
  cards: readonly Pick<CardView, 'id' | 'holderName'>[];
  designatedPersonName: string | null;
  today: string;
  onSigned: (receipt: ReceiptView) => void;
  onCancel: () => void;
}

/**
 * N-2.3 for a whole class at once: each holder signs their own line, or the designated person
 * signs every line. All the cards are signed, or none (the API checks them together).
 */
export function BulkSignForm({
  batchId,
  cards,
  designatedPersonName,
  today,
  onSigned,
  onCancel,
}: Props) {
  const { t, pick, label } = useI18n();
  const s = t.unitStaff.signing;
  const [form] = Form.useForm<BulkSignValues>();
  const [placed, setPlaced] = useState<string[]>([]);
  // A body the API's schema refuses (a card listed twice, too many cards): said, not sent.
  const [invalid, setInvalid] = useState<string | null>(null);
  const idempotency = useIdempotencyKey();
  const signer = Form.useWatch('signer', form) ?? 'self';
  const sign = useMutation({
    mutationFn: (body: BulkSignRequest) =>
      districtApi.signMany(batchId, body, idempotency.keyFor(body)),
    onSuccess: (receipt) => {
      idempotency.done();
      onSigned(receipt);
    },
    onError: (error) => {
      if (error instanceof ApiError) setPlaced(showFieldErrors(form, error, pick));
    },
  });
  const submit = (values: BulkSignValues) => {
    const v = bulkSignFormSchema.parse(values);
    setInvalid(null);
    // The body the API receives, checked by the API's own schema before it is sent.
    const body = bulkSignRequestSchema.safeParse({
      signatures: cards.map((c) => ({
        cardId: c.id,
        signer: v.signer,
        signerName: v.signer === 'self' ? c.holderName : (v.signerName ?? ''),
      })),
      signedOn: v.signedOn,
    });
    if (body.success) sign.mutate(body.data);
    else setInvalid(pick(body.error.issues[0]?.message ?? ''));
  };
  return (
    <Form<BulkSignValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ signer: 'self', signerName: designatedPersonName ?? '', signedOn: today }}
      onFinish={submit}
      disabled={sign.isPending}
    >
      {sign.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={sign.error} hideFields={placed} />
        </div>
      ) : null}
      {invalid ? (
        <Alert type="error" showIcon title={invalid} style={{ marginBottom: 16 }} />
      ) : null}
      <Typography.Paragraph>
        {t.unitStaff.signing.bulkCards(t.common.list(cards.map((c) => c.holderName)))}
      </Typography.Paragraph>
      <Form.Item
        name="signer"
        label={s.signer}
        rules={[zodRule(bulkSignFormSchema, 'signer', pick)]}
      >
        <Radio.Group>
          <Radio value="self">{label(SIGNER_KIND_LABELS.self)}</Radio>
          <Radio value="proxy" disabled={!designatedPersonName}>
            {label(SIGNER_KIND_LABELS.proxy)}
          </Radio>
        </Radio.Group>
      </Form.Item>
      {designatedPersonName ? null : (
        <Alert
          type="info"
          showIcon
          title={t.unitStaff.stock.noDesignated}
          style={{ marginBottom: 16 }}
        />
      )}
      {signer === 'proxy' ? (
        <Form.Item
          name="signerName"
          label={s.signerName}
          extra={designatedPersonName ? s.proxyHelp(designatedPersonName) : undefined}
          rules={[zodRule(bulkSignFormSchema, 'signerName', pick)]}
          validateTrigger="onBlur"
        >
          <Input autoComplete="off" />
        </Form.Item>
      ) : (
        <Typography.Paragraph type="secondary">{s.bulkSelfHelp}</Typography.Paragraph>
      )}
      <Form.Item
        name="signedOn"
        label={s.signedOn}
        rules={[zodRule(bulkSignFormSchema, 'signedOn', pick)]}
        validateTrigger="onBlur"
      >
        <Input type="date" max={today} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={sign.isPending}>
          {s.submitMany(cards.length)}
        </Button>
        <Button onClick={onCancel}>{s.cancel}</Button>
      </Space>
    </Form>
  );
}

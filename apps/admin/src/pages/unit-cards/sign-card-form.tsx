import { SIGNER_KIND_LABELS, type SignerKind } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { SignatureView } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { type SignForm, signFormSchema } from '../../forms/unit-staff-schemas.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

export interface SignableCard {
  id: string;
  holderName: string;
  cardNumber: string | null;
}

interface Props {
  card: SignableCard;
  /** N-2.3: only this person may sign on a holder's behalf; null when the unit named nobody. */
  designatedPersonName: string | null;
  /** The business date, the default signing date. */
  today: string;
  onSigned: (signature: SignatureView) => void;
  onCancel?: () => void;
}

/**
 * N-2.3: one card signed for on the receipt, by the holder (本人) or by the unit's designated
 * person (代签). The signer's name follows the choice; the API has the last word on the rule.
 */
export function SignCardForm({ card, designatedPersonName, today, onSigned, onCancel }: Props) {
  const { t, pick, label } = useI18n();
  const s = t.unitStaff.signing;
  const [form] = Form.useForm<SignForm>();
  const [placed, setPlaced] = useState<string[]>([]);
  const idempotency = useIdempotencyKey();
  const signer = Form.useWatch('signer', form) ?? 'self';
  const sign = useMutation({
    mutationFn: (body: SignForm) => districtApi.sign(card.id, body, idempotency.keyFor(body)),
    onSuccess: (signature) => {
      idempotency.done();
      onSigned(signature);
    },
    onError: (error) => {
      if (error instanceof ApiError) setPlaced(showFieldErrors(form, error, pick));
    },
  });
  const nameFor = (kind: SignerKind) =>
    kind === 'self' ? card.holderName : (designatedPersonName ?? '');
  return (
    <Form<SignForm>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ signer: 'self', signerName: card.holderName, signedOn: today }}
      onValuesChange={(changed: Partial<SignForm>) => {
        if (changed.signer) form.setFieldValue('signerName', nameFor(changed.signer));
      }}
      onFinish={(values) => sign.mutate(signFormSchema.parse(values))}
      disabled={sign.isPending}
    >
      {sign.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={sign.error} hideFields={placed} />
        </div>
      ) : null}
      <Form.Item name="signer" label={s.signer} rules={[zodRule(signFormSchema, 'signer', pick)]}>
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
      <Form.Item
        name="signerName"
        label={s.signerName}
        extra={
          signer === 'proxy' && designatedPersonName
            ? s.proxyHelp(designatedPersonName)
            : s.selfHelp
        }
        rules={[zodRule(signFormSchema, 'signerName', pick)]}
        validateTrigger="onBlur"
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="signedOn"
        label={s.signedOn}
        rules={[zodRule(signFormSchema, 'signedOn', pick)]}
        validateTrigger="onBlur"
      >
        <Input type="date" max={today} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={sign.isPending}>
          {s.submit}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{s.cancel}</Button> : null}
      </Space>
    </Form>
  );
}

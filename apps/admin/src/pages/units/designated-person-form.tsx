import { type DesignatedPerson, designatedPersonSchema } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { toApiError } from '../../api/api-error.js';
import type { UnitView } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  unitId: string;
  current: DesignatedPerson | null;
  onDone: (unit: UnitView) => void;
  onCancel?: () => void;
}

/**
 * N-2.2a / N-2.3: the unit's designated person — who receives delivered cards and may sign the
 * receipt on a holder's behalf. District staff set it for a unit of their district, unit staff
 * for their own unit; the API checks the scope and audits the change.
 */
export function DesignatedPersonForm({ unitId, current, onDone, onCancel }: Props) {
  const { t, pick } = useI18n();
  const texts = t.distribution.units.designated;
  const [form] = Form.useForm<DesignatedPerson>();
  const [placed, setPlaced] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: (body: DesignatedPerson) => districtApi.setDesignatedPerson(unitId, body),
    onMutate: () => setPlaced([]),
    onSuccess: onDone,
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  return (
    <Form<DesignatedPerson>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={current ?? { name: '', phone: '' }}
      onFinish={(values) => mutation.mutate(designatedPersonSchema.parse(values))}
      disabled={mutation.isPending}
      style={{ maxWidth: 420 }}
    >
      <Form.Item
        name="name"
        label={texts.name}
        rules={[zodRule(designatedPersonSchema, 'name', pick)]}
        validateTrigger="onBlur"
      >
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={texts.phone}
        rules={[zodRule(designatedPersonSchema, 'phone', pick)]}
        validateTrigger="onBlur"
      >
        <Input autoComplete="off" inputMode="tel" maxLength={20} />
      </Form.Item>
      {mutation.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={mutation.error} hideFields={placed} />
        </div>
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {texts.save}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{texts.cancel}</Button> : null}
      </Space>
    </Form>
  );
}

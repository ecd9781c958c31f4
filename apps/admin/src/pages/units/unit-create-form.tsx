import { type Unit, type UnitInput, UNIT_KIND_LABELS, UNIT_KINDS, unitSchema } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { toApiError } from '../../api/api-error.js';
import type { UnitView } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DistrictSelect } from './district-select.js';

type Values = Omit<UnitInput, 'designatedPerson'> & {
  designatedPerson: { name: string; phone: string };
};

const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

/**
 * The API's unit schema; the form's empty designated person (both fields blank) means "none yet",
 * which the schema expresses by leaving it out.
 */
export const unitFormSchema = z.preprocess((value) => {
  if (typeof value !== 'object' || value === null) return value;
  const { designatedPerson, ...rest } = value as Record<string, unknown>;
  const person = designatedPerson as { name?: unknown; phone?: unknown } | undefined;
  return person && !(blank(person.name) && blank(person.phone))
    ? { ...rest, designatedPerson: person }
    : rest;
}, unitSchema);

interface Props {
  /** District staff create units in their own district: it is set and fixed. */
  districtId: string | null;
  onDone: (unit: UnitView) => void;
  onCancel: () => void;
}

/** A new insured unit (school, kindergarten, street office…) with its registration code. */
export function UnitCreateForm({ districtId, onDone, onCancel }: Props) {
  const { t, pick, label } = useI18n();
  const texts = t.distribution.units.create;
  const person = t.distribution.units.designated;
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: (body: Unit) => districtApi.createUnit(body),
    onMutate: () => setPlaced([]),
    onSuccess: onDone,
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  const rule = (field: string) => [zodRule(unitFormSchema, field, pick)];
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{
        name: '',
        registrationCode: '',
        ...(districtId ? { districtCode: districtId as Values['districtCode'] } : {}),
        designatedPerson: { name: '', phone: '' },
      }}
      onFinish={(values) => mutation.mutate(unitFormSchema.parse(values))}
      disabled={mutation.isPending}
    >
      <Form.Item name="name" label={texts.name} rules={rule('name')} validateTrigger="onBlur">
        <Input autoComplete="off" maxLength={100} style={{ maxWidth: 420 }} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="kind" label={texts.kind} rules={rule('kind')}>
          <Select
            style={{ width: 260 }}
            options={UNIT_KINDS.map((k) => ({ value: k, label: label(UNIT_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item
          name="registrationCode"
          label={texts.registrationCode}
          rules={rule('registrationCode')}
          validateTrigger="onBlur"
        >
          <Input autoComplete="off" spellCheck={false} maxLength={30} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="districtCode" label={texts.district} rules={rule('districtCode')}>
          <DistrictSelect disabled={districtId !== null} />
        </Form.Item>
      </Space>
      <Typography.Text strong>{texts.designatedOptional}</Typography.Text>
      <Space wrap align="start" style={{ marginTop: 8 }}>
        <Form.Item
          name={['designatedPerson', 'name']}
          label={person.name}
          rules={rule('designatedPerson.name')}
          validateTrigger="onBlur"
        >
          <Input autoComplete="off" maxLength={50} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name={['designatedPerson', 'phone']}
          label={person.phone}
          rules={rule('designatedPerson.phone')}
          validateTrigger="onBlur"
        >
          <Input autoComplete="off" inputMode="tel" maxLength={20} style={{ width: 200 }} />
        </Form.Item>
      </Space>
      {mutation.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={mutation.error} hideFields={placed} />
        </div>
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {texts.submit}
        </Button>
        <Button onClick={onCancel}>{texts.cancel}</Button>
      </Space>
    </Form>
  );
}

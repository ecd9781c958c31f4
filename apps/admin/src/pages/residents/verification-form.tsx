import {
  type Category,
  SUBSIDY_FLAG_DEFINITIONS,
  SUBSIDY_FLAGS,
  type SubsidyVerification,
  subsidyVerificationSchema,
} from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { toApiError } from '../../api/api-error.js';
import { districtApi, type SubsidyVerificationRecorded } from '../../api/district-endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DateInput } from '../../components/date-input.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  residentId: string;
  category: Category;
  flags: readonly string[];
  policyYear?: number | undefined;
  today?: string | undefined;
  onDone: (result: SubsidyVerificationRecorded) => void;
  onCancel: () => void;
}

const ACTORS = ['self', 'guardian', 'civil_affairs'] as const;

const rule = (field: keyof SubsidyVerification, pick: (m: string) => string) => [
  zodRule(subsidyVerificationSchema, field, pick),
];

/**
 * N-1.4a/b: the yearly subsidy-eligibility verification, and who acted; the API refuses a flag
 * that does not fit the person's category in that year, with the clause.
 */
export function VerificationForm(props: Props) {
  const { residentId, flags, policyYear, today, onDone, onCancel } = props;
  const { t, pick, label } = useI18n();
  const texts = t.residents.verification;
  const [form] = Form.useForm<SubsidyVerification>();
  const [placed, setPlaced] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: (body: SubsidyVerification) => districtApi.addVerification(residentId, body),
    onMutate: () => setPlaced([]),
    onSuccess: onDone,
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  const firstFlag = SUBSIDY_FLAGS.find((f) => flags.includes(f));
  return (
    <Form<SubsidyVerification>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{
        policyYear,
        flag: firstFlag,
        passed: true,
        actedBy: props.category === 'student_child' ? 'guardian' : 'self',
        evidence: '',
        verifiedOn: today ?? '',
      }}
      onFinish={(values) => mutation.mutate(subsidyVerificationSchema.parse(values))}
    >
      <Space wrap align="start">
        <Form.Item name="policyYear" label={texts.policyYear} rules={rule('policyYear', pick)}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="flag" label={texts.flag} rules={rule('flag', pick)}>
          <Select
            style={{ width: 320 }}
            options={SUBSIDY_FLAGS.map((f) => ({
              value: f,
              label: label(SUBSIDY_FLAG_DEFINITIONS[f]),
            }))}
          />
        </Form.Item>
        <Form.Item name="passed" label={texts.passed} rules={rule('passed', pick)}>
          <Radio.Group
            options={[
              { value: true, label: texts.passedYes },
              { value: false, label: texts.passedNo },
            ]}
          />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="actedBy" label={texts.actedBy} rules={rule('actedBy', pick)}>
          <Select
            style={{ width: 160 }}
            options={ACTORS.map((a) => ({ value: a, label: texts.actors[a] }))}
          />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={texts.evidence}
          rules={rule('evidence', pick)}
          validateTrigger="onBlur"
        >
          <Input maxLength={200} style={{ width: 320 }} />
        </Form.Item>
        <Form.Item
          name="verifiedOn"
          label={texts.verifiedOn}
          rules={rule('verifiedOn', pick)}
          validateTrigger="onBlur"
        >
          <DateInput />
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

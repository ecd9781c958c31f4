import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  COMMON_INSTITUTION_KINDS,
  INSTITUTION_KIND_LABELS,
  INSTITUTION_KINDS,
  type InstitutionChoice,
  type InstitutionKind,
  personalChoices,
  type StudentInstitutionsInput,
} from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { StudentDetail } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import {
  type InstitutionsForm as Values,
  institutionsBody,
  institutionsFormSchema,
} from '../../forms/student-schemas.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

const COMMON_KINDS = INSTITUTION_KINDS.filter((k) => COMMON_INSTITUTION_KINDS.includes(k));
const PERSONAL_KINDS = INSTITUTION_KINDS.filter((k) => !COMMON_INSTITUTION_KINDS.includes(k));

/** The saved choices split the way the rules count them: personal (3) and common (any). */
function initialValues(saved: readonly InstitutionChoice[], slots: number): Values {
  const personal = personalChoices(saved);
  const blank: InstitutionChoice = { code: '', kind: 'general' };
  return {
    personal: [
      ...personal,
      ...Array.from({ length: Math.max(0, slots - personal.length) }, () => blank),
    ],
    common: saved.filter((c) => COMMON_INSTITUTION_KINDS.includes(c.kind)),
  };
}

/**
 * S-3.1: the 3 personal designated institutions, and — apart from them, as they are not
 * counted — any common ones (TCM, specialist, A-class). Both lists are saved together, so a
 * common institution saved before is shown and kept, never dropped by the next save.
 */
export function InstitutionsForm({
  student,
  personalCount,
  onSaved,
}: {
  student: Pick<StudentDetail, 'id' | 'designatedInstitutions'>;
  /** The policy's number of personal choices (S-3.1: 3). */
  personalCount: number;
  onSaved: (student: StudentDetail) => void;
}) {
  const { t, pick, label } = useI18n();
  const x = t.students.institutions;
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: (body: StudentInstitutionsInput) => api.students.institutions(student.id, body),
    onSuccess: (student) => onSaved(student),
    onError: (error) => {
      if (error instanceof ApiError) setPlaced(showFieldErrors(form, error, pick));
    },
  });
  const rule = (field: string) => [zodRule(institutionsFormSchema, field, pick)];
  const kindOptions = (kinds: readonly InstitutionKind[]) =>
    kinds.map((k) => ({ value: k, label: label(INSTITUTION_KIND_LABELS[k]) }));
  const initial = initialValues(student.designatedInstitutions, personalCount);
  // The personal slots are fixed positions (1st, 2nd, 3rd choice), named by their number.
  const slots = initial.personal.map((_, position) => position);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={initial}
      onFinish={(values) => save.mutate(institutionsBody(institutionsFormSchema.parse(values)))}
      disabled={save.isPending}
    >
      {save.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={save.error} hideFields={placed} />
        </div>
      ) : null}
      {save.isSuccess ? (
        <Alert type="success" showIcon title={x.saved} style={{ marginBottom: 16 }} />
      ) : null}
      <Typography.Title level={3} className="section-subtitle">
        {x.personal}
      </Typography.Title>
      {slots.map((i) => (
        <Row gutter={16} key={i}>
          <Col xs={24} sm={12}>
            <Form.Item
              name={['personal', i, 'code']}
              label={x.code(i + 1)}
              rules={rule(`personal.${i}.code`)}
              validateTrigger="onBlur"
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name={['personal', i, 'kind']}
              label={x.kind(i + 1)}
              rules={rule(`personal.${i}.kind`)}
            >
              <Select options={kindOptions(PERSONAL_KINDS)} />
            </Form.Item>
          </Col>
        </Row>
      ))}
      <Typography.Title level={3} className="section-subtitle">
        {x.common}
      </Typography.Title>
      <Form.List name="common">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 ? (
              <Typography.Paragraph type="secondary">{x.commonNone}</Typography.Paragraph>
            ) : null}
            {fields.map((field, i) => (
              <Row gutter={16} key={field.key} align="bottom">
                <Col xs={24} sm={11}>
                  <Form.Item
                    name={[field.name, 'code']}
                    label={x.commonCode(i + 1)}
                    rules={rule(`common.${field.name}.code`)}
                    validateTrigger="onBlur"
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={20} sm={11}>
                  <Form.Item
                    name={[field.name, 'kind']}
                    label={x.commonKind(i + 1)}
                    rules={rule(`common.${field.name}.kind`)}
                  >
                    <Select options={kindOptions(COMMON_KINDS)} />
                  </Form.Item>
                </Col>
                <Col xs={4} sm={2}>
                  <Form.Item>
                    <Button
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={x.removeCommon(i + 1)}
                      onClick={() => remove(field.name)}
                    />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ code: '', kind: COMMON_KINDS[0] })}
              >
                {x.addCommon}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {x.submit}
      </Button>
    </Form>
  );
}

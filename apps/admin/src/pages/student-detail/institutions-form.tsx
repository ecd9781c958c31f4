import { INSTITUTION_KIND_LABELS, INSTITUTION_KINDS, type InstitutionChoice } from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { StudentDetail } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { type InstitutionsBody, institutionsFormSchema } from '../../forms/student-schemas.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

const SLOTS = [0, 1, 2] as const;

/** S-3.1: the 3 personal designated institutions (common TCM/specialist/A-class ones not counted). */
export function InstitutionsForm({
  student,
  onSaved,
}: {
  student: Pick<StudentDetail, 'id' | 'designatedInstitutions'>;
  onSaved: (student: StudentDetail) => void;
}) {
  const { t, pick, label } = useI18n();
  const x = t.students.institutions;
  const [form] = Form.useForm<InstitutionsBody>();
  const [placed, setPlaced] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: (body: InstitutionsBody) => api.students.institutions(student.id, body),
    onSuccess: (student) => onSaved(student),
    onError: (error) => {
      if (error instanceof ApiError) setPlaced(showFieldErrors(form, error, pick));
    },
  });
  const current: InstitutionChoice[] = SLOTS.map(
    (i) => student.designatedInstitutions[i] ?? { code: '', kind: 'general' },
  );
  return (
    <Form<InstitutionsBody>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ designatedInstitutions: current }}
      onFinish={(values) => save.mutate(institutionsFormSchema.parse(values))}
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
      {SLOTS.map((i) => (
        <Row gutter={16} key={i}>
          <Col xs={24} sm={12}>
            <Form.Item
              name={['designatedInstitutions', i, 'code']}
              label={x.code(i + 1)}
              rules={[zodRule(institutionsFormSchema, `designatedInstitutions.${i}.code`, pick)]}
              validateTrigger="onBlur"
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name={['designatedInstitutions', i, 'kind']}
              label={x.kind(i + 1)}
              rules={[zodRule(institutionsFormSchema, `designatedInstitutions.${i}.kind`, pick)]}
            >
              <Select
                options={INSTITUTION_KINDS.map((k) => ({
                  value: k,
                  label: label(INSTITUTION_KIND_LABELS[k]),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      ))}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {x.submit}
      </Button>
    </Form>
  );
}

import {
  GENDER_LABELS,
  GENDERS,
  ID_KIND_LABELS,
  ID_KINDS,
  OTHER_COVER_KINDS,
  OTHER_COVER_LABELS,
  STUDY_STATUS_LABELS,
  STUDY_STATUSES,
  type StudentRegistrationInput,
  studentRegistrationSchema,
} from '@sscard/rules';
import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { StudentDetail } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

type Values = StudentRegistrationInput & { collegeId: string };

interface Props {
  colleges: readonly { id: string; name: string }[];
  onCreated: (student: StudentDetail) => void;
}

/**
 * S-1.2: attachment 1's data (个人参加城乡居民基本医疗保险信息登记表), checked field by field with
 * the shared studentRegistrationSchema, so the form says what the API would; the API decides
 * eligibility (S-1.1) and stores it with its reason.
 */
export function StudentForm({ colleges, onCreated }: Props) {
  const { t, pick, label } = useI18n();
  const f = t.students.form;
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const first = colleges.length === 1 ? colleges[0] : undefined;
  const create = useMutation({
    mutationFn: ({ collegeId, ...values }: Values) =>
      api.students.create(collegeId, studentRegistrationSchema.parse(values)),
    onSuccess: (student) => onCreated(student),
    onError: (error) => {
      if (error instanceof ApiError) setPlaced(showFieldErrors(form, error, pick));
    },
  });
  const rule = (field: string) => [zodRule(studentRegistrationSchema, field, pick)];
  const item = (name: keyof StudentRegistrationInput, text: string) => ({
    name,
    label: text,
    rules: rule(name),
    validateTrigger: 'onBlur' as const,
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={create.isPending}
      initialValues={{
        collegeId: first?.id,
        college: first?.name ?? '',
        name: '',
        idKind: 'resident',
        idNumber: '',
        birthDate: '',
        nationalityOrRegion: '中国',
        phone: '',
        className: '',
        studentNumber: '',
        studyStatus: 'enrolled',
        fullTimeStudent: true,
        otherCover: 'none',
        declaresNoOtherCover: false,
      }}
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.collegeId) {
          const college = colleges.find((c) => c.id === changed.collegeId);
          form.setFieldValue('college', college?.name ?? '');
        }
      }}
      onFinish={(values) => create.mutate(values)}
    >
      {create.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={create.error} hideFields={placed} />
        </div>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="collegeId"
            label={f.college}
            rules={[{ required: true, message: f.collegeRequired }]}
          >
            <Select
              disabled={colleges.length === 1}
              options={colleges.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item name="college" hidden rules={rule('college')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item {...item('className', f.className)}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item {...item('studentNumber', f.studentNumber)}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('name', f.name)}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('idKind', f.idKind)}>
            <Select
              options={ID_KINDS.map((k) => ({ value: k, label: label(ID_KIND_LABELS[k]) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('idNumber', f.idNumber)}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('gender', f.gender)}>
            <Radio.Group>
              {GENDERS.map((g) => (
                <Radio key={g} value={g}>
                  {label(GENDER_LABELS[g])}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('birthDate', f.birthDate)}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('nationalityOrRegion', f.nationalityOrRegion)}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('phone', f.phone)}>
            <Input type="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('studyStatus', f.studyStatus)}>
            <Radio.Group>
              {STUDY_STATUSES.map((s) => (
                <Radio key={s} value={s}>
                  {label(STUDY_STATUS_LABELS[s])}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('fullTimeStudent', f.fullTimeStudent)}>
            <Radio.Group>
              <Radio value={true}>{t.common.yes}</Radio>
              <Radio value={false}>{t.common.no}</Radio>
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item {...item('otherCover', f.otherCover)} extra={f.otherCoverHelp}>
            <Select
              options={OTHER_COVER_KINDS.map((k) => ({
                value: k,
                label: label(OTHER_COVER_LABELS[k]),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="declaresNoOtherCover"
            label={f.declaration}
            valuePropName="checked"
            rules={rule('declaresNoOtherCover')}
          >
            <Checkbox>{f.declaresNoOtherCover}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {f.submit}
      </Button>
    </Form>
  );
}

import { type CardStatusQuery, cardStatusQuerySchema } from '@sscard/rules';
import { Button, Form, Input } from 'antd';
import { useI18n } from '../../i18n/i18n-context.js';
import { zodRule } from '../../forms/zod-form.js';
import type { FormInstance } from 'antd';

interface Props {
  form: FormInstance<CardStatusQuery>;
  loading: boolean;
  /** Called with the normalised values (full-width digits, spaces and a lowercase x fixed). */
  onSubmit: (values: CardStatusQuery) => void;
}

/** Name and ID number, checked by the same schema the API uses (check digit included). */
export function LookupForm({ form, loading, onSubmit }: Props) {
  const { t, pick } = useI18n();
  return (
    <Form<CardStatusQuery>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ name: '', idNumber: '' }}
      onFinish={(values) => onSubmit(cardStatusQuerySchema.parse(values))}
    >
      <Form.Item
        name="name"
        label={t.lookup.name}
        rules={[zodRule(cardStatusQuerySchema, 'name', pick)]}
        validateTrigger="onBlur"
      >
        <Input autoComplete="name" size="large" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t.lookup.idNumber}
        extra={t.lookup.idNumberHelp}
        rules={[zodRule(cardStatusQuerySchema, 'idNumber', pick)]}
        validateTrigger="onBlur"
      >
        <Input autoComplete="off" spellCheck={false} size="large" maxLength={30} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={loading}>
        {t.lookup.submit}
      </Button>
    </Form>
  );
}

import { auditFilterSchema } from '@sscard/rules';
import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { z } from 'zod';
import { DateInput } from '../../components/date-input.js';
import { zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

export const AUDIT_FILTERS = ['entity', 'action', 'entityId', 'from', 'to'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTERS)[number];
type Values = Partial<Record<AuditFilterKey, string>>;

interface Props {
  /** The filters in the URL, shown in the form. */
  value: Values;
  onApply: (filters: Values) => void;
}

/** Every filter, a blank input as "no filter" (undefined: the URL drops it). */
function allFilters(values: Values): Values {
  return Object.fromEntries(AUDIT_FILTERS.map((k) => [k, values[k]?.trim() || undefined]));
}

/** What the API gets: the filters that are set, as its schema expects. */
function withoutBlanks(values: Values): Values {
  return Object.fromEntries(Object.entries(allFilters(values)).filter(([, v]) => v));
}

/** The API's filter schema, reading the form's values as the API will get them. */
const filterFormSchema = z.preprocess((v) => withoutBlanks(v as Values), auditFilterSchema);

/**
 * The audit log's filters — record kind, action, record id and a day range in Beijing time —
 * checked by the API's own filter schema (a reversed range is refused here with its words).
 */
export function AuditFilters({ value, onApply }: Props) {
  const { t, pick } = useI18n();
  const texts = t.audit.filters;
  const [form] = Form.useForm<Values>();
  // The URL is the truth: a back/forward or a shared link shows its filters in the form.
  const shown = JSON.stringify(value);
  useEffect(() => {
    const current = JSON.parse(shown) as Values;
    form.setFieldsValue(Object.fromEntries(AUDIT_FILTERS.map((k) => [k, current[k]])));
  }, [form, shown]);
  const rule = (field: AuditFilterKey) => zodRule(filterFormSchema, field, pick);
  return (
    <Form<Values>
      form={form}
      layout="inline"
      className="audit-filters"
      onFinish={(values) => onApply(allFilters(values))}
    >
      <Space wrap size="middle" align="start">
        <Form.Item name="entity" label={texts.entity}>
          <Select<string>
            allowClear
            virtual={false}
            placeholder={texts.entityAll}
            style={{ width: 180 }}
            options={Object.entries(t.audit.entities).map(([code, name]) => ({
              value: code,
              label: name,
            }))}
          />
        </Form.Item>
        <Form.Item name="action" label={texts.action}>
          <Select<string>
            allowClear
            virtual={false}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={texts.actionAll}
            style={{ width: 200 }}
            options={Object.entries(t.audit.actions).map(([code, name]) => ({
              value: code,
              label: name,
            }))}
          />
        </Form.Item>
        <Form.Item name="entityId" label={texts.entityId} rules={[rule('entityId')]}>
          <Input allowClear autoComplete="off" spellCheck={false} style={{ width: 300 }} />
        </Form.Item>
        <Form.Item name="from" label={texts.from} rules={[rule('from')]} validateTrigger="onBlur">
          <DateInput />
        </Form.Item>
        <Form.Item
          name="to"
          label={texts.to}
          rules={[rule('to')]}
          validateTrigger="onBlur"
          dependencies={['from']}
        >
          <DateInput />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {texts.apply}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onApply(allFilters({}));
            }}
          >
            {texts.reset}
          </Button>
        </Space>
      </Space>
    </Form>
  );
}

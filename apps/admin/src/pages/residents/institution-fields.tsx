import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { INSTITUTION_KIND_LABELS, INSTITUTION_KINDS } from '@sscard/rules';
import { Button, Form, Input, Select, Space } from 'antd';
import type { ZodType } from 'zod';
import { zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** The designated institutions as a list of code + kind, each checked by the shared schema. */
export function InstitutionFields({ schema }: { schema: ZodType }) {
  const { t, pick, label } = useI18n();
  const texts = t.residents.create;
  return (
    <Form.List name="designatedInstitutions">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field, index) => (
            <Space key={field.key} wrap align="start">
              <Form.Item
                name={[field.name, 'code']}
                label={`${texts.institutionCode} ${index + 1}`}
                rules={[zodRule(schema, `designatedInstitutions.${field.name}.code`, pick)]}
                validateTrigger="onBlur"
              >
                <Input maxLength={20} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'kind']}
                label={`${texts.institutionKind} ${index + 1}`}
                rules={[zodRule(schema, `designatedInstitutions.${field.name}.kind`, pick)]}
              >
                <Select
                  style={{ width: 220 }}
                  options={INSTITUTION_KINDS.map((k) => ({
                    value: k,
                    label: label(INSTITUTION_KIND_LABELS[k]),
                  }))}
                />
              </Form.Item>
              <Button
                icon={<MinusCircleOutlined />}
                aria-label={`${texts.removeInstitution} ${index + 1}`}
                onClick={() => remove(field.name)}
                style={{ marginTop: 30 }}
              >
                {texts.removeInstitution}
              </Button>
            </Space>
          ))}
          {fields.length < 10 ? (
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ code: '', kind: 'community_health' })}
            >
              {texts.addInstitution}
            </Button>
          ) : null}
        </Space>
      )}
    </Form.List>
  );
}

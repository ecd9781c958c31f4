import {
  ID_KIND_LABELS,
  ID_KINDS,
  REISSUE_DOCUMENT_KINDS,
  type ReissueApplication,
  reissueApplicationSchema,
} from '@sscard/rules';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error.js';
import type { ReissueView } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useIdempotencyKey } from '../../api/idempotency-key.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DateInput } from '../../components/date-input.js';
import { showFieldErrors, zodRule } from '../../forms/zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  /** The pool card's holder, when the application starts from the pool list. */
  holderName?: string;
  today?: string | undefined;
  onDone: (result: ReissueView) => void;
  onCancel: () => void;
}

const rule = (field: keyof ReissueApplication, pick: (m: string) => string) => [
  zodRule(reissueApplicationSchema, field, pick),
];

/**
 * N-2.4d: a parent's application at a street office's card service point, with the child's and
 * their own documents. The holder's full ID number is typed from the document (lists show it
 * masked); the API finds the card in the district's reissue pool by it.
 */
export function ReissueForm({ holderName = '', today, onDone, onCancel }: Props) {
  const { t, pick, label } = useI18n();
  const texts = t.distribution.reissues;
  const [form] = Form.useForm<ReissueApplication>();
  const [placed, setPlaced] = useState<string[]>([]);
  const idempotency = useIdempotencyKey();
  const points = useQuery({
    queryKey: ['service-points'],
    queryFn: ({ signal }) => districtApi.servicePoints({ pageSize: 200, sort: 'name' }, { signal }),
    staleTime: 5 * 60_000,
  });
  useEffect(() => {
    if (today && !form.isFieldTouched('appliedOn')) form.setFieldValue('appliedOn', today);
  }, [today, form]);
  const mutation = useMutation({
    mutationFn: (body: ReissueApplication) => districtApi.reissue(body, idempotency.keyFor(body)),
    onMutate: () => setPlaced([]),
    onSuccess: (result) => {
      idempotency.done();
      onDone(result);
    },
    onError: (error) => setPlaced(showFieldErrors(form, toApiError(error), pick)),
  });
  const documents = REISSUE_DOCUMENT_KINDS.map((d) => ({ value: d, label: texts.documents[d] }));
  return (
    <Form<ReissueApplication>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{
        holderName,
        idKind: 'resident',
        idNumber: '',
        applicantName: '',
        holderDocument: 'resident_id_card',
        applicantDocument: 'resident_id_card',
        appliedOn: today ?? '',
      }}
      onFinish={(values) => mutation.mutate(reissueApplicationSchema.parse(values))}
    >
      {points.error ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={points.error} onRetry={() => void points.refetch()} />
        </div>
      ) : null}
      <Form.Item
        name="servicePointId"
        label={texts.servicePoint}
        rules={rule('servicePointId', pick)}
      >
        <Select
          loading={points.isPending}
          options={(points.data?.items ?? []).map((p) => ({
            value: p.id,
            label: t.distribution.common.withDetail(p.name, p.address),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="holderName"
        label={texts.holderName}
        rules={rule('holderName', pick)}
        validateTrigger="onBlur"
      >
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="idKind" label={texts.idKind} rules={rule('idKind', pick)}>
          <Select
            style={{ width: 260 }}
            options={ID_KINDS.map((k) => ({ value: k, label: label(ID_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={texts.idNumber}
          extra={texts.idNumberHelp}
          rules={rule('idNumber', pick)}
          validateTrigger="onBlur"
        >
          <Input autoComplete="off" spellCheck={false} maxLength={30} style={{ width: 260 }} />
        </Form.Item>
      </Space>
      <Form.Item
        name="applicantName"
        label={texts.applicantName}
        rules={rule('applicantName', pick)}
        validateTrigger="onBlur"
      >
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item
          name="holderDocument"
          label={texts.holderDocument}
          rules={rule('holderDocument', pick)}
        >
          <Select style={{ width: 200 }} options={documents} />
        </Form.Item>
        <Form.Item
          name="applicantDocument"
          label={texts.applicantDocument}
          rules={rule('applicantDocument', pick)}
        >
          <Select style={{ width: 200 }} options={documents} />
        </Form.Item>
        <Form.Item
          name="appliedOn"
          label={texts.appliedOn}
          rules={rule('appliedOn', pick)}
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

import { InboxOutlined } from '@ant-design/icons';
import { IMPORT_SHEETS, type ImportKind } from '@sscard/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Checkbox, Form, Select, Space, Tag, Typography, Upload } from 'antd';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ImportJobView, Role } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DownloadButton } from '../../components/download-button.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ImportColumns } from './import-columns.js';
import {
  ACCEPTED_EXTENSIONS,
  choosesUnit,
  IMPORT_CLAUSES,
  isAccepted,
  isUnitTargeted,
  kindsFor,
  MAX_FILE_MB_HINT,
} from './import-kinds.js';
import { UnitSelect } from '../../components/unit-select.js';

/**
 * Kind (what the role may import), target unit (district staff and the admin), one step or
 * two (commitWhenValid: imported as soon as the file passes), the template and the expected
 * columns, then the file. The upload answers at once with the job, whose dry
 * run continues in the background: the job page follows it.
 */
export function ImportUploadForm({ userRole: role }: { userRole: Role }) {
  const { t, label } = useI18n();
  const x = t.imports.upload;
  const kinds = kindsFor(role);
  const [kind, setKind] = useState<ImportKind | undefined>(
    kinds.length === 1 ? kinds[0] : undefined,
  );
  const [unitId, setUnitId] = useState<string | undefined>();
  const [oneStep, setOneStep] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const ids = { kind: useId(), unit: useId() };
  const needsUnit = kind !== undefined && choosesUnit(role, kind);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => {
      if (!kind) throw new Error(x.chooseFirst);
      return api.imports.upload(kind, needsUnit ? unitId : undefined, file, oneStep);
    },
    onSuccess: (job: ImportJobView) => {
      queryClient.setQueryData(['import', job.id], job);
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      navigate(`/imports/${job.id}`);
    },
  });

  if (kinds.length === 0) return <Alert type="info" showIcon title={x.noKinds} />;
  const ready = kind !== undefined && (!needsUnit || unitId !== undefined) && !upload.isPending;
  const sheet = kind ? IMPORT_SHEETS[kind] : undefined;

  const choose = (file: File): typeof Upload.LIST_IGNORE => {
    upload.reset();
    if (!isAccepted(file.name)) setRefused(x.wrongType(file.name));
    else {
      setRefused(null);
      upload.mutate(file);
    }
    // The file goes up through the mutation, not antd's own request.
    return Upload.LIST_IGNORE;
  };

  return (
    <Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={2} className="import-heading">
          {x.heading}
        </Typography.Title>
        <Form layout="vertical" component="div" requiredMark={false}>
          <Form.Item label={x.kind} htmlFor={ids.kind} style={{ marginBottom: 12 }}>
            <Select<ImportKind>
              id={ids.kind}
              value={kind}
              placeholder={x.kindPlaceholder}
              onChange={(value) => {
                setKind(value);
                setRefused(null);
                upload.reset();
              }}
              options={kinds.map((k) => ({
                value: k,
                label: label({ zh: IMPORT_SHEETS[k].titleZh, en: IMPORT_SHEETS[k].titleEn }),
              }))}
              style={{ width: '100%', maxWidth: 480 }}
            />
          </Form.Item>
          {kind ? (
            <Typography.Paragraph style={{ marginBottom: 12 }}>
              <Tag color="orange">{x.clause(t.common.list(IMPORT_CLAUSES[kind]))}</Tag>
              {t.imports.kinds[kind]}
            </Typography.Paragraph>
          ) : null}
          {needsUnit ? (
            <Form.Item
              label={x.unit}
              htmlFor={ids.unit}
              extra={x.unitHelp}
              style={{ marginBottom: 12 }}
            >
              <UnitSelect
                id={ids.unit}
                value={unitId}
                onChange={setUnitId}
                placeholder={x.unitPlaceholder}
                allowClear
              />
            </Form.Item>
          ) : kind && isUnitTargeted(kind) ? (
            <Typography.Paragraph type="secondary">{x.ownUnit}</Typography.Paragraph>
          ) : null}
          <Form.Item extra={x.commitWhenValidHelp} style={{ marginBottom: 0 }}>
            <Checkbox checked={oneStep} onChange={(e) => setOneStep(e.target.checked)}>
              {x.commitWhenValid}
            </Checkbox>
          </Form.Item>
        </Form>
        {kind && sheet ? (
          <>
            <DownloadButton
              type="link"
              style={{ paddingInline: 0 }}
              load={() => api.imports.template(kind)}
              fallbackName={x.templateFile(sheet.titleZh)}
            >
              {t.common.withDetail(x.template, label({ zh: sheet.titleZh, en: sheet.titleEn }))}
            </DownloadButton>
            <ImportColumns kind={kind} />
          </>
        ) : null}
        <div>
          <Upload.Dragger
            name="file"
            multiple={false}
            showUploadList={false}
            // The dialog offers .xlsx/.csv; a dropped file of another type is refused with a reason.
            accept={{ format: ACCEPTED_EXTENSIONS.join(','), filter: 'native' }}
            disabled={!ready}
            beforeUpload={choose}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">
              {upload.isPending && upload.variables
                ? x.uploading(upload.variables.name)
                : kind && (!needsUnit || unitId)
                  ? x.drop
                  : x.chooseFirst}
            </p>
            <p className="ant-upload-hint">{x.dropHint(MAX_FILE_MB_HINT)}</p>
          </Upload.Dragger>
        </div>
        {refused ? <Alert type="error" showIcon title={refused} role="alert" /> : null}
        {upload.error ? <ApiErrorAlert error={upload.error} /> : null}
      </Space>
    </Card>
  );
}

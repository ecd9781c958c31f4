import { type ColumnSpec, IMPORT_SHEETS, type ImportKind } from '@sscard/rules';
import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context.js';

/** The columns a kind's file should have, as the API's header matcher knows them. */
export function ImportColumns({ kind }: { kind: ImportKind }) {
  const { t, lang } = useI18n();
  const x = t.imports.upload;
  const sheet = IMPORT_SHEETS[kind];
  return (
    <section aria-labelledby="import-columns-heading">
      <Typography.Title level={3} id="import-columns-heading" className="import-subheading">
        {x.columns}
      </Typography.Title>
      <Table<ColumnSpec>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={[...sheet.columns]}
        className="import-columns"
        columns={[
          {
            title: x.columnName,
            key: 'name',
            render: (_, c) => (
              <>
                <Typography.Text strong>{c.zh}</Typography.Text>
                {lang === 'en' ? (
                  <Typography.Text type="secondary"> ({c.en})</Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            title: x.required,
            key: 'required',
            render: (_, c) =>
              c.required ? <Tag color="red">{x.requiredYes}</Tag> : <Tag>{x.requiredNo}</Tag>,
          },
          {
            title: x.aliases,
            key: 'aliases',
            render: (_, c) => (c.aliases.length > 0 ? t.common.list(c.aliases) : t.common.none),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {x.headerHint}
      </Typography.Paragraph>
    </section>
  );
}

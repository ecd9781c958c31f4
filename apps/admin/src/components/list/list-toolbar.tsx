import { Input, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  search: string;
  searchLabel: string;
  onSearch: (value: string) => void;
  children?: ReactNode;
}

/** Search box (sent to the server) and the page's filters, each with a visible label. */
export function ListToolbar({ search, searchLabel, onSearch, children }: Props) {
  const { t } = useI18n();
  return (
    <Space wrap size="middle" className="list-toolbar">
      <Input.Search
        key={search}
        defaultValue={search}
        placeholder={searchLabel}
        aria-label={searchLabel}
        enterButton={t.common.search}
        allowClear
        onSearch={onSearch}
        style={{ width: 320 }}
      />
      {children}
    </Space>
  );
}

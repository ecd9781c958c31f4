import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useEffect, useState } from 'react';
import { districtApi } from '../api/district-endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Props {
  id?: string;
  value?: string | undefined;
  onChange?: (unitId: string | undefined) => void;
  placeholder?: string;
  'aria-label'?: string;
  allowClear?: boolean;
  style?: CSSProperties;
}

/**
 * A unit of the caller's scope, searched by name or registration code on the server as the
 * user types (one request per pause, not per key). A failed search says so in the list.
 */
export function UnitSelect(props: Props) {
  const { id, value, onChange, placeholder, allowClear = false, style } = props;
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const query = {
    pageSize: 50,
    sort: 'name' as const,
    order: 'asc' as const,
    ...(search ? { search } : {}),
  };
  const units = useQuery({
    queryKey: ['units', 'select', query],
    queryFn: ({ signal }) => districtApi.units(query, { signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(unitId) => onChange?.(unitId ?? undefined)}
      placeholder={placeholder}
      aria-label={props['aria-label']}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={units.isFetching}
      status={units.error ? 'error' : undefined}
      notFoundContent={units.error ? t.distribution.common.unitsFailed : t.common.empty}
      style={style ?? { width: '100%', maxWidth: 480 }}
      options={(units.data?.items ?? []).map((u) => ({
        value: u.id,
        label: t.distribution.common.withDetail(u.name, u.registrationCode),
      }))}
    />
  );
}

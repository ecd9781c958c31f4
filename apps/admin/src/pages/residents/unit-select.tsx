import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { districtApi } from '../../api/district-endpoints.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  'aria-label'?: string;
}

/** A unit of the caller's scope, searched by name or code on the server as the user types. */
export function UnitSelect({ id, value, onChange, placeholder, 'aria-label': ariaLabel }: Props) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const query = useQuery({
    queryKey: ['units', 'select', search],
    queryFn: ({ signal }) =>
      districtApi.units({ pageSize: 50, sort: 'name', ...(search ? { search } : {}) }, { signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={query.isFetching}
      options={(query.data?.items ?? []).map((u) => ({
        value: u.id,
        label: t.distribution.common.withDetail(u.name, u.registrationCode),
      }))}
    />
  );
}

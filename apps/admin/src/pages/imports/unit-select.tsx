import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { districtApi } from '../../api/district-endpoints.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  id: string;
  value: string | undefined;
  onChange: (unitId: string | undefined) => void;
}

/** The units in the caller's scope, searched by the API as the name is typed. */
export function UnitSelect({ id, value, onChange }: Props) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    // One request per pause in typing, not per key.
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const query = { pageSize: 50, sort: 'name' as const, order: 'asc' as const, search };
  const units = useQuery({
    queryKey: ['units', query],
    queryFn: ({ signal }) => districtApi.units(query, { signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={value}
      onChange={(unitId) => onChange(unitId ?? undefined)}
      placeholder={t.imports.upload.unitPlaceholder}
      loading={units.isFetching}
      status={units.error ? 'error' : undefined}
      notFoundContent={units.error ? t.imports.upload.unitsFailed : t.common.empty}
      options={(units.data?.items ?? []).map((u) => ({
        value: u.id,
        label: `${u.name}（${u.registrationCode}）`,
      }))}
      style={{ width: '100%', maxWidth: 480 }}
    />
  );
}

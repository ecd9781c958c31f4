import type { AccountRole } from '@sscard/rules';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { usersApi } from '../../api/user-endpoints.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** The account's role: the API offers only the units that role may belong to. */
  role: AccountRole;
  /** The unit chosen already (an account being moved), labelled even when not in the list. */
  current?: { value: string; label: string } | undefined;
}

/** The units the caller may attach an account of `role` to, searched on the server. */
export function UnitOptionSelect({ id, value, onChange, role, current }: Props) {
  const { t } = useI18n();
  const texts = t.users.form;
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const query = useQuery({
    queryKey: ['users', 'unit-options', role, search],
    queryFn: ({ signal }) =>
      usersApi.unitOptions({ role, ...(search ? { search } : {}) }, { signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={texts.unitPlaceholder}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={query.isFetching}
      notFoundContent={query.isFetching ? t.common.loading : t.common.empty}
      options={[
        ...(current && !query.data?.some((u) => u.id === current.value) ? [current] : []),
        ...(query.data ?? []).map((u) => ({
          value: u.id,
          label: texts.unitOption(u.name, u.registrationCode, u.parentName),
        })),
      ]}
    />
  );
}

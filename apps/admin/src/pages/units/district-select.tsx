import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { districtApi } from '../../api/district-endpoints.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  id?: string;
  value?: string | undefined;
  onChange?: (districtId: string) => void;
  disabled?: boolean;
}

/** A district in the caller's scope (district staff: their own), by name in the interface language. */
export function DistrictSelect({ id, value, onChange, disabled }: Props) {
  const { t, label } = useI18n();
  const districts = useQuery({
    queryKey: ['districts'],
    queryFn: ({ signal }) => districtApi.districts({ signal }),
    staleTime: 10 * 60_000,
  });
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      disabled={disabled}
      loading={districts.isFetching}
      status={districts.error ? 'error' : undefined}
      notFoundContent={districts.error ? t.distribution.common.districtsFailed : t.common.empty}
      style={{ width: 280 }}
      options={(districts.data ?? []).map((d) => ({
        value: d.id,
        label: label({ zh: d.nameZh, en: d.nameEn }),
      }))}
    />
  );
}

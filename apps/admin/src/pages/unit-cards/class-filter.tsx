import { BULK_SIGN_MAX } from '@sscard/rules';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Select } from 'antd';
import type { CardView } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** The API's largest page: a class is fetched in pages of this size. */
const PAGE = 200;

/**
 * N-2.3: every card of the class still at the unit, for one bulk signing — at most the bulk
 * limit of the signing endpoint (BULK_SIGN_MAX). The list pages, so a class of any size is read
 * page by page; `total` tells whether the class had more.
 */
export async function wholeClass(
  batchId: string,
  className: string,
): Promise<{ cards: CardView[]; total: number }> {
  const cards: CardView[] = [];
  let total = 0;
  for (let page = 1; cards.length < BULK_SIGN_MAX; page += 1) {
    const res = await api.cards({
      batchId,
      className,
      state: 'at_unit',
      page,
      pageSize: PAGE,
      sort: 'holderName',
      order: 'asc',
    });
    total = res.total;
    cards.push(...res.items);
    if (res.items.length < PAGE || cards.length >= total) break;
  }
  return { cards: cards.slice(0, BULK_SIGN_MAX), total };
}

interface Props {
  batchId: string;
  value: string | undefined;
  onChange: (className: string | undefined) => void;
  /** The class's unsigned cards, to become the selection for the bulk signing. */
  onSelectClass: (cards: CardView[]) => void;
}

/** N-2.3: the class filter of the stock (the batch's classes) and "select the whole class". */
export function ClassFilter({ batchId, value, onChange, onSelectClass }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const s = t.unitStaff.stock;
  const classes = useQuery({
    queryKey: ['card-classes', batchId],
    queryFn: ({ signal }) => districtApi.cardClasses({ batchId, state: 'at_unit' }, { signal }),
    enabled: batchId !== '',
  });
  const select = useMutation({
    mutationFn: (className: string) => wholeClass(batchId, className),
    onSuccess: ({ cards, total }, className) => {
      onSelectClass(cards);
      if (total > cards.length) {
        void message.warning(s.classTooMany(className, total, BULK_SIGN_MAX));
      } else {
        void message.info(s.classSelected(className, cards.length));
      }
    },
  });
  return (
    <>
      <Select<string>
        allowClear
        aria-label={s.classFilter}
        placeholder={s.classAll}
        value={value}
        onChange={(v) => onChange(v)}
        loading={classes.isFetching}
        status={classes.error ? 'error' : undefined}
        notFoundContent={classes.error ? s.classesFailed : t.common.empty}
        style={{ width: 220 }}
        options={(classes.data?.items ?? []).map((c) => ({
          value: c.className,
          label: s.classOption(c.className, c.cards),
        }))}
      />
      {value ? (
        <Button loading={select.isPending} onClick={() => select.mutate(value)}>
          {s.selectClass}
        </Button>
      ) : null}
      {classes.error ? (
        <ApiErrorAlert
          error={classes.error}
          title={s.classesFailed}
          onRetry={() => void classes.refetch()}
        />
      ) : null}
      {select.error ? (
        <ApiErrorAlert
          error={select.error}
          title={s.classSelectFailed}
          onRetry={value ? () => select.mutate(value) : undefined}
        />
      ) : null}
    </>
  );
}

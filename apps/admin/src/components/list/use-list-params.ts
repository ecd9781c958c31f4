import type { SorterResult, TablePaginationConfig } from 'antd/es/table/interface';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type SortOrder = 'asc' | 'desc';

export interface ListDefaults<S extends string> {
  sortable: readonly S[];
  sort: S;
  order?: SortOrder;
  pageSize?: number;
  /** Extra filters the endpoint takes (e.g. 'state'); read from and written to the URL. */
  filters?: readonly string[];
}

export interface ListState<S extends string> {
  page: number;
  pageSize: number;
  sort: S;
  order: SortOrder;
  search: string;
  filters: Record<string, string | undefined>;
}

const positive = (value: string | null, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * A list's page, sort, search and filters, kept in the URL (a reload or a shared link shows the
 * same page) and sent to the API as its list query: the server pages, sorts and filters.
 */
export function useListParams<S extends string>(defaults: ListDefaults<S>) {
  const [params, setParams] = useSearchParams();
  const { sortable, filters: filterKeys = [] } = defaults;
  const state = useMemo<ListState<S>>(() => {
    const sort = params.get('sort');
    const order = params.get('order');
    return {
      page: positive(params.get('page'), 1),
      pageSize: Math.min(200, positive(params.get('pageSize'), defaults.pageSize ?? 20)),
      sort: sortable.find((s) => s === sort) ?? defaults.sort,
      order: order === 'asc' || order === 'desc' ? order : (defaults.order ?? 'asc'),
      search: params.get('search') ?? '',
      filters: Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined])),
    };
  }, [params, sortable, filterKeys, defaults.sort, defaults.order, defaults.pageSize]);

  const update = useCallback(
    (patch: Record<string, string | number | undefined>, keepPage = false) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          // A new filter or sort starts again from the first page.
          if (!keepPage) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  /** The query object for the API call (and the TanStack Query key). */
  const query = useMemo(
    () => ({
      page: state.page,
      pageSize: state.pageSize,
      sort: state.sort,
      order: state.order,
      ...(state.search ? { search: state.search } : {}),
      ...Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v !== undefined)),
    }),
    [state],
  );

  /** antd Table's onChange: pagination and the sorted column. */
  const onTableChange = useCallback(
    <T>(
      pagination: TablePaginationConfig,
      _filters: unknown,
      sorter: SorterResult<T> | SorterResult<T>[],
    ) => {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = String(one?.columnKey ?? one?.field ?? '');
      const sortChanged = one?.order
        ? key !== state.sort || (one.order === 'ascend' ? 'asc' : 'desc') !== state.order
        : state.sort !== defaults.sort || state.order !== (defaults.order ?? 'asc');
      if (sortChanged) {
        const known = one?.order ? sortable.find((s) => s === key) : undefined;
        update({
          sort: known,
          order: known ? (one?.order === 'ascend' ? 'asc' : 'desc') : undefined,
        });
        return;
      }
      update({ page: pagination.current, pageSize: pagination.pageSize }, true);
    },
    [update, state.sort, state.order, sortable, defaults.sort, defaults.order],
  );

  /** antd's sortOrder for a column, so the header shows the URL's sort. */
  const sortOrderOf = useCallback(
    (key: S): 'ascend' | 'descend' | null =>
      state.sort === key ? (state.order === 'asc' ? 'ascend' : 'descend') : null,
    [state.sort, state.order],
  );

  return {
    state,
    query,
    setSearch: (search: string) => update({ search: search.trim() || undefined }),
    setFilter: (key: string, value: string | undefined) => update({ [key]: value }),
    /** Several filters at once (a filter form's submit), back to the first page. */
    setFilters: (patch: Record<string, string | undefined>) => update(patch),
    onTableChange,
    sortOrderOf,
  };
}

'use client';
// A server-side list's state kept in the page URL (filters, ?ordering=-field, ?offset=): shareable, survives a
// reload, and the back button walks through it. Every list page reads and writes its state through this.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

export type SortState<F extends string> = { field: F; direction: 'asc' | 'desc' };

export function useListUrlState<F extends string>(opts: { sortable: readonly F[]; defaultSort: SortState<F>; filterKeys: readonly string[]; pageSize: number }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const filters = useMemo(() => {
    const out: Record<string, string> = {};
    for (const k of opts.filterKeys) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
  }, [params, opts.filterKeys]);

  const sort = useMemo((): SortState<F> => {
    const raw = params.get('ordering');
    const field = raw?.replace(/^-/, '') as F | undefined;
    if (!raw || !field || !opts.sortable.includes(field)) return opts.defaultSort;
    return { field, direction: raw.startsWith('-') ? 'desc' : 'asc' };
  }, [params, opts.sortable, opts.defaultSort]);

  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);

  const update = useCallback(
    (changes: Record<string, string | null>, resetOffset = true) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(changes)) {
        if (v === null || v === '') next.delete(k);
        else next.set(k, v);
      }
      if (resetOffset && !('offset' in changes)) next.delete('offset');
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );

  return {
    filters,
    sort,
    offset,
    page: { limit: opts.pageSize, offset },
    setFilter: (key: string, value: string | null) => update({ [key]: value }),
    setFilters: (changes: Record<string, string | null>) => update(changes),
    clearFilters: () => update(Object.fromEntries(opts.filterKeys.map((k) => [k, null]))),
    setSort: (s: SortState<F>) => update({ ordering: `${s.direction === 'desc' ? '-' : ''}${s.field}` }),
    setOffset: (o: number) => update({ offset: o > 0 ? String(o) : null }, false),
    /** The filters as a query string, for an export link of the same list. */
    filterQuery: new URLSearchParams(filters).toString(),
  };
}

'use client';
// A list's sorting, page and filters kept in the page's URL, so a reload, the back button or a shared link shows the
// same rows. Two lists on one page keep apart with a prefix (`inv.offset`). Every server-side list reads and writes its
// state through this, and DataTable drives its headers and pages from it.
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';

/** An ordering as the tRPC list procedures take it. */
export type SortState<F extends string> = { field: F; direction: 'asc' | 'desc' };

export type TableUrlState<F extends string = string> = {
  /** `field` or `-field`, as the server takes it. */
  ordering: string;
  /** The same ordering as a field and a direction. */
  sort: SortState<F>;
  offset: number;
  limit: number;
  filters: Record<string, string>;
  setOrdering: (ordering: string) => void;
  setOffset: (offset: number) => void;
  /** Sets (or with null clears) filters; the page goes back to the first. */
  setFilters: (changes: Record<string, string | null>) => void;
  /** Clears every filter named in `filterNames`. */
  clearFilters: () => void;
};

const toSort = <F extends string>(ordering: string): SortState<F> => ({ field: ordering.replace(/^-/, '') as F, direction: ordering.startsWith('-') ? 'desc' : 'asc' });

export function useTableUrlState<F extends string = string>(opts: {
  prefix?: string;
  defaultOrdering: string;
  limit?: number;
  filterNames?: readonly string[];
  /** The fields the server sorts by; an ordering in the URL on any other field (a stale link) falls back to the default. */
  sortable?: readonly F[];
}): TableUrlState<F> {
  const pathname = usePathname();
  const prefix = opts.prefix ? `${opts.prefix}.` : '';
  const limit = opts.limit ?? 25;
  const filterNames = opts.filterNames ?? [];

  // The query the last change asked for, until the router has read it back from the URL (a moment, longer on a busy
  // machine). Read and built on in the meantime: a second change made before the first has landed (two quick clicks
  // on filter chips) builds on the first instead of on the stale URL and undoing it.
  const urlQuery = useSearchParams().toString();
  const [pending, setPending] = useState<string | null>(null);
  useEffect(() => {
    if (pending === urlQuery) setPending(null);
  }, [pending, urlQuery]);
  const current = pending ?? urlQuery;
  const params = useMemo(() => new URLSearchParams(current), [current]);

  const replace = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(current);
      for (const [name, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(`${prefix}${name}`);
        else next.set(`${prefix}${name}`, value);
      }
      const query = next.toString();
      if (query === current) return;
      setPending(query === urlQuery ? null : query);
      // The browser's own history, which Next's router follows (useSearchParams): the URL changes at once and no
      // server round trip is made (the lists fetch their own rows). A router navigation would be pending for that
      // round trip, and one the person starts meanwhile (a click on another page) would drop it, losing the filter.
      window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
    },
    [current, pathname, prefix, urlQuery],
  );

  const offset = Math.max(0, Number.parseInt(params.get(`${prefix}offset`) ?? '0', 10) || 0);
  const requested = params.get(`${prefix}ordering`);
  const ordering = requested && (!opts.sortable || opts.sortable.includes(requested.replace(/^-/, '') as F)) ? requested : opts.defaultOrdering;
  const sort = useMemo(() => toSort<F>(ordering), [ordering]);
  const filterKey = filterNames.map((n) => `${n}=${encodeURIComponent(params.get(`${prefix}${n}`) ?? '')}`).join('&');
  const filters = useMemo(
    () =>
      Object.fromEntries(
        filterKey
          .split('&')
          .map((pair) => pair.split('=') as [string, string])
          .filter(([, v]) => v)
          .map(([n, v]) => [n, decodeURIComponent(v)]),
      ),
    [filterKey],
  );

  return {
    ordering,
    sort,
    offset,
    limit,
    filters,
    setOrdering: (o) => replace({ ordering: o === opts.defaultOrdering ? null : o, offset: null }),
    setOffset: (o) => replace({ offset: o > 0 ? String(o) : null }),
    setFilters: (changes) => replace({ ...changes, offset: null }),
    clearFilters: () => replace({ ...Object.fromEntries(filterNames.map((n) => [n, null])), offset: null }),
  };
}

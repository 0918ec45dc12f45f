'use client';
// A list's sorting, page and filters kept in the page's URL, so a reload, the back button or a shared link shows the
// same rows. Two lists on one page keep apart with a prefix (`inv.offset`). Every server-side list reads and writes its
// state through this, and DataTable drives its headers and pages from it.
//
// With a `check` (the server's filter schema, see filter-problems.ts) only acceptable filters ever reach the query:
// a value typed into a filter that the server would refuse is not written to the URL but reported beside its field
// (`problems`), so the list keeps its last good rows; a link holding such values is read without them (`ignored`).
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FilterCheck, FilterProblems } from './filter-problems';

/** An ordering as the tRPC list procedures take it. */
export type SortState<F extends string> = { field: F; direction: 'asc' | 'desc' };

/** What a filter control needs: its value (the one applied), where to send a change, and why a change was refused. */
export type FilterBinding = { value: string | undefined; onCommit: (value: string | null) => void; error?: string };

export type TableUrlState<F extends string = string> = {
  /** `field` or `-field`, as the server takes it. */
  ordering: string;
  /** The same ordering as a field and a direction. */
  sort: SortState<F>;
  offset: number;
  limit: number;
  /** The filters applied: only acceptable ones. */
  filters: Record<string, string>;
  /** Values typed into a filter and refused, by filter name: shown beside the field, never applied. */
  problems: FilterProblems;
  /** Filters the URL held that were not acceptable (a stale or hand-edited link): left out, and said so. */
  ignored: Array<{ name: string; value: string; message: string }>;
  setOrdering: (ordering: string) => void;
  setOffset: (offset: number) => void;
  /** Sets (or with null clears) filters; the page goes back to the first. A refused value is kept out, with a problem. */
  setFilters: (changes: Record<string, string | null>) => void;
  /** Clears every filter named in `filterNames` (and any problem). */
  clearFilters: () => void;
  /** The props of one filter's control. */
  filter: (name: string) => FilterBinding;
};

const toSort = <F extends string>(ordering: string): SortState<F> => ({ field: ordering.replace(/^-/, '') as F, direction: ordering.startsWith('-') ? 'desc' : 'asc' });

export function useTableUrlState<F extends string = string>(opts: {
  prefix?: string;
  defaultOrdering: string;
  limit?: number;
  filterNames?: readonly string[];
  /** The fields the server sorts by; an ordering in the URL on any other field (a stale link) falls back to the default. */
  sortable?: readonly F[];
  /** Checks filters as the server would (filterCheck of the list's filter schema). */
  check?: FilterCheck;
}): TableUrlState<F> {
  const pathname = usePathname();
  const prefix = opts.prefix ? `${opts.prefix}.` : '';
  const limit = opts.limit ?? 25;
  const filterNames = opts.filterNames ?? [];
  const check = opts.check;

  // The query the last change asked for, until the router has read it back from the URL (a moment, longer on a busy
  // machine). Read and built on in the meantime: a second change made before the first has landed (two quick clicks
  // on filter chips) builds on the first instead of on the stale URL and undoing it.
  const urlQuery = useSearchParams().toString();
  const [pending, setPending] = useState<string | null>(null);
  const [problems, setProblems] = useState<FilterProblems>({});
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
  // What the URL holds, then only what passes the check (the rest is ignored, and listed so the page can say so).
  const { filters, ignored } = useMemo(() => {
    const held: Record<string, string> = Object.fromEntries(
      filterKey
        .split('&')
        .map((pair) => pair.split('=') as [string, string])
        .filter(([, v]) => v)
        .map(([n, v]) => [n, decodeURIComponent(v)]),
    );
    const refused = check ? check(held) : {};
    return {
      filters: Object.fromEntries(Object.entries(held).filter(([n]) => !refused[n])),
      ignored: Object.entries(refused).map(([name, message]) => ({ name, value: held[name] ?? '', message })),
    };
  }, [filterKey, check]);

  const setFilters = useCallback(
    (changes: Record<string, string | null>) => {
      const refused: FilterProblems = {};
      if (check) {
        const candidate = { ...filters };
        for (const [name, value] of Object.entries(changes)) {
          if (value === null || value === '') delete candidate[name];
          else candidate[name] = value;
        }
        const found = check(candidate);
        for (const name of Object.keys(changes)) if (found[name]) refused[name] = found[name];
        // A range is refused where it was changed: a From after To is the From just set.
        for (const [a, b] of [['from', 'to'], ['to', 'from']] as const) {
          if (!(a in changes) || b in changes || !candidate[a] || !found[b] || refused[a]) continue;
          const without = { ...candidate };
          delete without[a];
          if (!check(without)[b]) refused[a] = a === 'from' ? 'Choose a start that is not after the end' : 'Choose an end that is not before the start';
        }
      }
      setProblems((p) => {
        const next = { ...p };
        for (const name of Object.keys(changes)) delete next[name];
        return { ...next, ...refused };
      });
      const accepted = Object.fromEntries(Object.entries(changes).filter(([name]) => !refused[name]));
      // Anything the URL held that was ignored goes once the person sets filters themselves.
      for (const { name } of ignored) if (!(name in accepted)) accepted[name] = null;
      if (Object.keys(accepted).length) replace({ ...accepted, offset: null });
    },
    [check, filters, ignored, replace],
  );

  return {
    ordering,
    sort,
    offset,
    limit,
    filters,
    problems,
    ignored,
    setOrdering: (o) => replace({ ordering: o === opts.defaultOrdering ? null : o, offset: null }),
    setOffset: (o) => replace({ offset: o > 0 ? String(o) : null }),
    setFilters,
    clearFilters: () => {
      setProblems({});
      replace({ ...Object.fromEntries(filterNames.map((n) => [n, null])), offset: null });
    },
    filter: (name) => ({ value: filters[name], onCommit: (value) => setFilters({ [name]: value }), error: problems[name] }),
  };
}

'use client';
// A list's sorting, page and filters kept in the page's URL, so a reload, the back button or a shared link shows the
// same rows. Two lists on one page keep apart with a prefix (`inv.offset`).
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

export type TableUrlState = {
  /** `field` or `-field`, as the server takes it. */
  ordering: string;
  offset: number;
  limit: number;
  filters: Record<string, string>;
  setOrdering: (ordering: string) => void;
  setOffset: (offset: number) => void;
  /** Sets (or with null clears) filters; the page goes back to the first. */
  setFilters: (changes: Record<string, string | null>) => void;
};

export function useTableUrlState(opts: { prefix?: string; defaultOrdering: string; limit?: number; filterNames?: readonly string[] }): TableUrlState {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const prefix = opts.prefix ? `${opts.prefix}.` : '';
  const limit = opts.limit ?? 25;
  const filterNames = opts.filterNames ?? [];

  const replace = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(params.toString());
      for (const [name, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(`${prefix}${name}`);
        else next.set(`${prefix}${name}`, value);
      }
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, pathname, prefix, router],
  );

  const offset = Math.max(0, Number.parseInt(params.get(`${prefix}offset`) ?? '0', 10) || 0);
  const ordering = params.get(`${prefix}ordering`) ?? opts.defaultOrdering;
  const filterKey = filterNames.map((n) => `${n}=${params.get(`${prefix}${n}`) ?? ''}`).join('&');
  const filters = useMemo(
    () => Object.fromEntries(filterKey.split('&').map((pair) => pair.split('=') as [string, string]).filter(([, v]) => v)),
    [filterKey],
  );

  return {
    ordering,
    offset,
    limit,
    filters,
    setOrdering: (o) => replace({ ordering: o === opts.defaultOrdering ? null : o, offset: null }),
    setOffset: (o) => replace({ offset: o > 0 ? String(o) : null }),
    setFilters: (changes) => replace({ ...changes, offset: null }),
  };
}

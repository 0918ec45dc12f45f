'use client';
// The one table of the app, on TanStack Table: server-side sorting and paging driven by the URL state of
// useTableUrlState, loading and error states from the query, an empty state, and accessible sortable headers. It sits
// in the shared TableScroller, so on a phone it scrolls sideways inside its card, never the page; while a new page or
// ordering loads, the previous rows stay, dimmed.
import type { UseQueryResult } from '@tanstack/react-query';
import { rowPaginationFeature, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type RowData, type SortingState } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { cx } from '@/components/ui/cx';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { SkeletonRows } from '@/components/ui/skeleton';
import { TableScroller } from '@/components/ui/table-scroller';
import type { TableUrlState } from './use-table-url-state';

/** `priority: 'low'` hides a column on phones, where the table would otherwise need sideways scrolling to read. */
export type ColumnMeta = { align?: 'right' | 'center'; className?: string; headerClassName?: string; priority?: 'low' };

export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnMeta: {} as ColumnMeta });
export type DataTableColumn<T extends RowData> = ColumnDef<typeof dataTableFeatures, T, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const toSorting = (ordering: string): SortingState => (ordering ? [{ id: ordering.replace(/^-/, ''), desc: ordering.startsWith('-') }] : []);
const fromSorting = (sorting: SortingState) => (sorting[0] ? `${sorting[0].desc ? '-' : ''}${sorting[0].id}` : '');

type Props<T extends RowData> = {
  /** The table's accessible name. */
  label: string;
  columns: DataTableColumn<T>[];
  query: UseQueryResult<unknown, unknown>;
  rows: T[] | undefined;
  count?: number;
  getRowId: (row: T) => string;
  /** Server-driven sorting and paging; without it the rows are shown as given. */
  url?: TableUrlState;
  empty: ReactNode;
  loadingLabel: string;
  /** How many skeleton rows stand in for the table while it first loads. */
  loadingRows?: number;
  /** Extra classes per row, e.g. to highlight one. */
  rowClassName?: (row: T) => string | undefined;
  /** 'top' for rows whose cells hold several lines, so each line starts level. */
  rowAlign?: 'top' | 'middle';
};

const NO_ROWS: never[] = [];

export function DataTable<T extends RowData>(props: Props<T>) {
  const { url } = props;
  const sorting = useMemo(() => toSorting(url?.ordering ?? ''), [url?.ordering]);
  const pagination = useMemo(() => ({ pageIndex: url ? Math.floor(url.offset / url.limit) : 0, pageSize: url?.limit ?? 1000 }), [url]);
  // Sorting is the server's; a column only needs a value to be sortable, so each gets its id's field of the row.
  const columns = useMemo(
    () => props.columns.map((c) => ('accessorFn' in c || 'accessorKey' in c || !c.id ? c : { ...c, accessorFn: (row: T) => (row as Record<string, unknown>)[c.id!] })) as DataTableColumn<T>[],
    [props.columns],
  );
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: props.rows ?? (NO_ROWS as T[]),
    getRowId: props.getRowId,
    manualSorting: true,
    manualPagination: true,
    enableSorting: !!url,
    enableSortingRemoval: false,
    rowCount: props.count,
    state: { sorting, pagination },
    onSortingChange: (updater) => url?.setOrdering(fromSorting(typeof updater === 'function' ? updater(sorting) : updater)),
    onPaginationChange: (updater) => {
      const next = typeof updater === 'function' ? updater(pagination) : updater;
      url?.setOffset(next.pageIndex * next.pageSize);
    },
  });

  if (props.query.isError) return <div className="px-6 py-5"><QueryError error={props.query.error} onRetry={() => void props.query.refetch()} /></div>;
  if (props.rows === undefined) return <div className="px-6 py-5"><SkeletonRows rows={props.loadingRows ?? 5} label={props.loadingLabel} /></div>;
  if (props.rows.length === 0 && (!url || url.offset === 0)) return <>{props.empty}</>;

  const refreshing = props.query.isPlaceholderData === true;
  return (
    <>
      <TableScroller label={props.label} className={cx('transition-opacity', refreshing && 'opacity-60')}>
        <table className="w-full text-left text-sm" aria-label={props.label} aria-busy={refreshing || undefined}>
          <thead className="border-b border-zinc-100 text-xs text-zinc-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header, i) => {
                  const meta = header.column.columnDef.meta;
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  const align = meta?.align === 'right' ? 'text-right' : meta?.align === 'center' ? 'text-center' : '';
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : canSort ? 'none' : undefined}
                      className={cx('py-3 font-medium whitespace-nowrap', i === 0 ? 'pl-6 pr-4' : 'px-4', i === group.headers.length - 1 && 'pr-6', align, meta?.priority === 'low' && 'hidden md:table-cell', meta?.headerClassName)}
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className={cx('inline-flex items-center gap-1 rounded hover:text-zinc-900', sorted && 'text-zinc-900')}>
                          <table.FlexRender header={header} />
                          <SortIcon direction={sorted} />
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={cx(props.rowAlign === 'top' ? 'align-top' : 'align-middle', props.rowClassName?.(row.original))}>
                {row.getAllCells().map((cell, i, all) => {
                  const meta = cell.column.columnDef.meta;
                  const align = meta?.align === 'right' ? 'text-right tabular-nums' : meta?.align === 'center' ? 'text-center' : '';
                  return (
                    <td key={cell.id} className={cx('py-3', i === 0 ? 'pl-6 pr-4' : 'px-4', i === all.length - 1 && 'pr-6', align, meta?.priority === 'low' && 'hidden md:table-cell', meta?.className)}>
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      {url && props.count !== undefined && <Pagination offset={url.offset} limit={url.limit} count={props.count} onChange={url.setOffset} label={`${props.label} pages`} />}
    </>
  );
}

function SortIcon({ direction }: { direction: false | 'asc' | 'desc' }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className={cx('size-3.5', !direction && 'text-zinc-300')}>
      {direction === 'asc' ? (
        <path fillRule="evenodd" clipRule="evenodd" d="M10 5a.75.75 0 0 1 .53.22l4 4a.75.75 0 1 1-1.06 1.06L10 6.81l-3.47 3.47a.75.75 0 0 1-1.06-1.06l4-4A.75.75 0 0 1 10 5Z" />
      ) : direction === 'desc' ? (
        <path fillRule="evenodd" clipRule="evenodd" d="M10 15a.75.75 0 0 1-.53-.22l-4-4a.75.75 0 1 1 1.06-1.06L10 13.19l3.47-3.47a.75.75 0 1 1 1.06 1.06l-4 4A.75.75 0 0 1 10 15Z" />
      ) : (
        <path fillRule="evenodd" clipRule="evenodd" d="M10 3a.75.75 0 0 1 .53.22l3 3a.75.75 0 0 1-1.06 1.06L10 4.81 7.53 7.28a.75.75 0 0 1-1.06-1.06l3-3A.75.75 0 0 1 10 3Zm-3.53 9.72a.75.75 0 0 1 1.06 0L10 15.19l2.47-2.47a.75.75 0 1 1 1.06 1.06l-3 3a.75.75 0 0 1-1.06 0l-3-3a.75.75 0 0 1 0-1.06Z" />
      )}
    </svg>
  );
}

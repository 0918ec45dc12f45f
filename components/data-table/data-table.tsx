'use client';
// The one table of the app, on TanStack Table: server-side sorting and paging driven by the URL state of
// useTableUrlState, loading and error states from the query, an empty state, and accessible sortable headers. From
// sm up it is a table in the shared TableScroller; on a phone each row is a stacked card of the columns the list marks
// `primary` (labelled, nothing cut off or scrolled sideways) with a "Sort by" choice in place of the headers. While a
// new page or ordering loads, the previous rows stay, dimmed; when a refresh fails they stay too, under the error.
import type { UseQueryResult } from '@tanstack/react-query';
import { rowPaginationFeature, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type RowData, type SortingState } from '@tanstack/react-table';
import { useId, useMemo, useRef, type ReactNode } from 'react';
import { cx } from '@/components/ui/cx';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { Select } from '@/components/ui/select';
import { SkeletonRows } from '@/components/ui/skeleton';
import { TableScroller } from '@/components/ui/table-scroller';
import { PHONE_QUERY, useMediaQuery } from '@/components/ui/use-media-query';
import type { TableUrlState } from './use-table-url-state';

/**
 * `primary` columns make a row's card on a phone (the first as its heading, the others labelled beneath; with none
 * marked, every column but the low-priority ones); `cardLabel` names a column there when its header is not text;
 * `priority: 'low'` hides a column of the table under md.
 */
export type ColumnMeta = {
  align?: 'right' | 'center';
  className?: string;
  headerClassName?: string;
  priority?: 'low';
  primary?: boolean;
  cardLabel?: string;
  /** How its order reads in the phone's "Sort by": dates newest/oldest first, numbers highest/lowest, text A–Z. */
  sortKind?: 'date' | 'number' | 'text';
};

/** The words of the two orders of a column, guessed from its id and alignment unless the column says. */
function orderWords(id: string, meta: ColumnMeta | undefined): { asc: string; desc: string } {
  const kind = meta?.sortKind ?? (/(At|date|Activity)$/i.test(id) ? 'date' : meta?.align === 'right' ? 'number' : 'text');
  if (kind === 'date') return { asc: 'oldest first', desc: 'newest first' };
  if (kind === 'number') return { asc: 'lowest first', desc: 'highest first' };
  return { asc: 'A to Z', desc: 'Z to A' };
}

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
  const phone = useMediaQuery(PHONE_QUERY);
  const sortId = useId();
  // The last rows the list had, shown (dimmed, under the error) when a newer request fails.
  const keptRows = useRef<T[] | undefined>(undefined);
  if (props.rows !== undefined) keptRows.current = props.rows;
  const rows = props.rows ?? (props.query.isError ? keptRows.current : undefined);
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
    data: rows ?? (NO_ROWS as T[]),
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

  const failure = props.query.isError ? (
    <div className="px-6 py-5">
      <QueryError error={props.query.error} onRetry={() => void props.query.refetch()} title={rows ? 'Could not refresh this list' : undefined} />
    </div>
  ) : null;
  if (props.query.isError && !rows) return failure;
  if (rows === undefined) return <div className="px-6 py-5"><SkeletonRows rows={props.loadingRows ?? 5} label={props.loadingLabel} /></div>;
  if (rows.length === 0 && !props.query.isError && (!url || url.offset === 0)) return <>{props.empty}</>;

  const refreshing = props.query.isPlaceholderData === true || props.query.isError;
  const pager = url && props.count !== undefined && <Pagination offset={url.offset} limit={url.limit} count={props.count} onChange={url.setOffset} label={`${props.label} pages`} />;

  if (phone) {
    const all = table.getAllLeafColumns();
    const marked = all.filter((c) => c.columnDef.meta?.primary);
    const shown = marked.length ? marked : all.filter((c) => c.columnDef.meta?.priority !== 'low');
    const sortable = all.filter((c) => c.getCanSort());
    const labelOf = (c: (typeof all)[number]) => c.columnDef.meta?.cardLabel ?? (typeof c.columnDef.header === 'string' ? c.columnDef.header : '');
    return (
      <>
        {failure}
        {url && sortable.length > 0 && (
          <div className="flex items-center gap-2 border-b border-zinc-100 px-6 py-2.5">
            <label htmlFor={sortId} className="shrink-0 text-xs font-medium text-zinc-600">
              Sort by
            </label>
            <Select id={sortId} value={url.ordering} onChange={(e) => url.setOrdering(e.target.value)} className="h-9 min-w-0 flex-1">
              {sortable.flatMap((c) => {
                const first = c.columnDef.sortDescFirst ? 'desc' : 'asc';
                return (first === 'desc' ? ['desc', 'asc'] : ['asc', 'desc']).map((dir) => (
                  <option key={`${c.id}-${dir}`} value={`${dir === 'desc' ? '-' : ''}${c.id}`}>
                    {labelOf(c)}, {orderWords(c.id, c.columnDef.meta)[dir as 'asc' | 'desc']}
                  </option>
                ));
              })}
            </Select>
          </div>
        )}
        <ul aria-label={props.label} aria-busy={refreshing || undefined} className={cx('divide-y divide-zinc-100 transition-opacity', refreshing && 'opacity-60')}>
          {table.getRowModel().rows.map((row) => {
            const cells = row.getAllCells().filter((cell) => shown.some((c) => c.id === cell.column.id));
            const [head, ...rest] = cells;
            return (
              <li key={row.id} className={cx('min-w-0 space-y-2 px-6 py-3 text-sm', props.rowClassName?.(row.original))}>
                {head && (
                  <div className="min-w-0 wrap-anywhere">
                    <table.FlexRender cell={head} />
                  </div>
                )}
                {rest.some((cell) => labelOf(cell.column)) && (
                  <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-start gap-x-3 gap-y-1.5">
                    {rest
                      .filter((cell) => labelOf(cell.column))
                      .map((cell) => (
                        <div key={cell.id} className="contents">
                          <dt className="pt-0.5 text-xs text-zinc-500">{labelOf(cell.column)}</dt>
                          <dd className="min-w-0 wrap-anywhere text-zinc-700">
                            <table.FlexRender cell={cell} />
                          </dd>
                        </div>
                      ))}
                  </dl>
                )}
                {rest
                  .filter((cell) => !labelOf(cell.column))
                  .map((cell) => (
                    <div key={cell.id} className="min-w-0">
                      <table.FlexRender cell={cell} />
                    </div>
                  ))}
              </li>
            );
          })}
        </ul>
        {pager}
      </>
    );
  }

  return (
    <>
      {failure}
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
      {pager}
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

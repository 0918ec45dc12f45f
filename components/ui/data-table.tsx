'use client';
// The one table for server-side lists (TanStack Table): sortable column headers, the page window and an empty
// state; sorting, filtering and paging happen on the server, with their state in the URL (useListUrlState). It sits
// in the shared TableScroller, so on a phone it scrolls sideways inside its card, never the page.
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { cx } from './cx';
import { Pagination } from './pagination';
import { TableScroller } from './table-scroller';
import type { SortState } from './use-list-url-state';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** The server's ordering field for this column; absent means not sortable. */
    sortField?: string;
    className?: string;
    headerClassName?: string;
  }
}

export type DataTableProps<T, F extends string> = {
  label: string;
  columns: ColumnDef<T, unknown>[];
  rows: T[];
  count: number;
  page: { limit: number; offset: number };
  sort: SortState<F>;
  onSortChange: (sort: SortState<F>) => void;
  onPageChange: (offset: number) => void;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  /** True while a new page or sort loads over the previous rows. */
  stale?: boolean;
  rowId: (row: T) => string;
};

export function DataTable<T, F extends string>(props: DataTableProps<T, F>) {
  const sorting: SortingState = [{ id: props.sort.field, desc: props.sort.direction === 'desc' }];
  const table = useReactTable({
    data: props.rows,
    columns: props.columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: props.rowId,
    manualSorting: true,
    manualPagination: true,
    rowCount: props.count,
    state: { sorting },
  });

  if (props.count === 0) return <>{props.empty}</>;

  return (
    <>
      <TableScroller label={props.label} className={cx('transition-opacity', props.stale && 'opacity-60')}>
        <table className="w-full text-left text-sm" aria-label={props.label} aria-busy={props.stale || undefined}>
          <thead className="border-b border-zinc-100 text-xs text-zinc-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const field = meta?.sortField as F | undefined;
                  const active = field !== undefined && props.sort.field === field;
                  const label = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={active ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                      className={cx('px-4 py-3 font-medium whitespace-nowrap first:pl-6 last:pr-6', meta?.headerClassName)}
                    >
                      {field ? (
                        <button
                          type="button"
                          className="group inline-flex items-center gap-1 rounded hover:text-zinc-900"
                          onClick={() => props.onSortChange({ field, direction: active && props.sort.direction === 'asc' ? 'desc' : active ? 'asc' : 'asc' })}
                        >
                          {label}
                          <SortIcon direction={active ? props.sort.direction : null} />
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="align-top hover:bg-zinc-50/60">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cx('px-4 py-3 first:pl-6 last:pr-6', cell.column.columnDef.meta?.className)}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      <Pagination offset={props.page.offset} limit={props.page.limit} count={props.count} onChange={props.onPageChange} label={`${props.label} pages`} />
    </>
  );
}

function SortIcon({ direction }: { direction: 'asc' | 'desc' | null }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className={cx('size-3.5', direction ? 'text-zinc-700' : 'text-zinc-300 group-hover:text-zinc-400')}>
      {direction !== 'desc' && <path d="M10 4 6 9h8l-4-5Z" opacity={direction === 'asc' ? 1 : 0.6} />}
      {direction !== 'asc' && <path d="m10 16 4-5H6l4 5Z" opacity={direction === 'desc' ? 1 : 0.6} />}
    </svg>
  );
}

'use client';
// The one table for server-side lists (TanStack Table): sortable column headers, the page window and an empty
// state; sorting, filtering and paging happen on the server, with their state in the URL (useListUrlState). It sits
// in the shared TableScroller, so on a phone it scrolls sideways inside its card, never the page.
import { tableFeatures, useTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { cx } from './cx';
import { Pagination } from './pagination';
import { TableScroller } from './table-scroller';
import type { SortState } from './use-list-url-state';

type ListColumnMeta = {
  /** The server's ordering field for this column; absent means not sortable. */
  sortField?: string;
  className?: string;
  headerClassName?: string;
};

// Sorting and paging are the server's, so the table needs no row-model features of its own: only the column meta.
const listTableFeatures = tableFeatures({ columnMeta: {} as ListColumnMeta });
export type ListColumn<T extends RowData> = ColumnDef<typeof listTableFeatures, T, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type DataTableProps<T extends RowData, F extends string> = {
  label: string;
  columns: ListColumn<T>[];
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

export function DataTable<T extends RowData, F extends string>(props: DataTableProps<T, F>) {
  const table = useTable({
    features: listTableFeatures,
    data: props.rows,
    columns: props.columns,
    getRowId: props.rowId,
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
                  const label = header.isPlaceholder ? null : <table.FlexRender header={header} />;
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
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cx('px-4 py-3 first:pl-6 last:pr-6', cell.column.columnDef.meta?.className)}>
                    <table.FlexRender cell={cell} />
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

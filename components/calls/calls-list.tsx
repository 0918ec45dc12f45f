'use client';
// /{org}/calls: every live call with filters in the URL, sortable columns, pages, counts and a CSV export.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { filterCheck } from '@/components/data-table/filter-problems';
import { useKeptData } from '@/components/data-table/use-kept-data';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { CALL_FILTER_LABELS, DateFilters, VehicleFilters } from '@/components/calls/vehicle-filters';
import { FilterChips, FilterPanel, FilterText } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { callFiltersInput } from '@/server/domain/calls/call-filters';
import { CALL_ORDERING, CALL_STATUSES, type CallDto, type CallOrderingField } from '@/server/domain/calls/call.schema';
import { CALL_STATUS_LABELS, CallStatusBadge } from './call-status-badge';
import { ExportButton } from './export-button';
import { browserTimeZone, dateTime, duration, personName, vehicleName } from './format';
import { PhoneIcon } from './icons';
import { CallPageShortcut } from '@/components/organization/call-page-card';

const PAGE = 25;
export const CALL_FILTER_KEYS = ['name', 'phone', 'status', 'carMake', 'carModel', 'carType', 'vin', 'dealerId', 'from', 'to'] as const;
/** The server's own filter rules, checked before a filter is applied (calls and leads share them). */
export const checkCallFilters = filterCheck(callFiltersInput);

export function CallsList({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const { can } = useOrganizationAccess();
  const list = useTableUrlState<CallOrderingField>({ defaultOrdering: '-requestedAt', sortable: CALL_ORDERING, filterNames: CALL_FILTER_KEYS, limit: PAGE, check: checkCallFilters });
  // Dates typed as days mean days where the user is.
  const filters = useMemo(() => (list.filters.from || list.filters.to ? { ...list.filters, tz: browserTimeZone() } : list.filters), [list.filters]);
  const calls = useQuery(trpc.calls.list.queryOptions({ limit: list.limit, offset: list.offset, filters, ordering: list.sort }, { placeholderData: keepPreviousData }));
  const data = useKeptData(calls);
  const dealers = useQuery(trpc.dealers.list.queryOptions({ limit: 200, offset: 0 }, { enabled: can('members:read') }));
  const filtered = Object.keys(list.filters).length > 0;
  const exportHref = `/${organizationId}/calls/export.csv?${new URLSearchParams({ ...filters, tz: browserTimeZone(), ordering: '-requestedAt' }).toString()}`;

  // A sortable column's id is the server's ordering field; its first click sorts ascending (sortDescFirst: false), whatever the
  // row holds under that id, and every other column says enableSorting: false.
  const columns = useMemo<DataTableColumn<CallDto>[]>(
    () => [
      {
        id: 'requestedAt',
        header: 'Requested',
        sortDescFirst: false,
        meta: { className: 'whitespace-nowrap', primary: true },
        cell: ({ row }) => (
          <Link href={`/${organizationId}/calls/${row.original.id}`} className="font-medium text-accent-700 hover:underline">
            {dateTime(row.original.requestedAt)}
          </Link>
        ),
      },
      { id: 'status', header: 'Status', sortDescFirst: false, meta: { primary: true }, cell: ({ row }) => <CallStatusBadge status={row.original.status} /> },
      {
        id: 'name',
        header: 'Customer',
        sortDescFirst: false,
        meta: { primary: true },
        cell: ({ row }) => (
          <div className="min-w-36 max-sm:min-w-0">
            <p className="wrap-anywhere text-zinc-900">{personName(row.original.customer.firstName, row.original.customer.lastName)}</p>
            {row.original.customer.phone && <p className="text-xs text-zinc-500 tabular-nums">{row.original.customer.phone}</p>}
          </div>
        ),
      },
      {
        id: 'carMake',
        header: 'Vehicle',
        sortDescFirst: false,
        meta: { primary: true },
        cell: ({ row }) => (
          <div className="min-w-40 max-sm:min-w-0">
            <p className="wrap-anywhere text-zinc-900">{vehicleName(row.original.vehicle)}</p>
            <p className="text-xs text-zinc-500">
              {/* The type rides with the vehicle (one column less, so the table fits a laptop screen). */}
              {row.original.vehicle.type && <span>{row.original.vehicle.type} · </span>}
              <span className="font-mono">{row.original.vin}</span>
            </p>
          </div>
        ),
      },
      {
        id: 'dealer',
        enableSorting: false,
        header: 'Dealer',
        meta: { className: 'whitespace-nowrap text-zinc-600', primary: true },
        cell: ({ row }) => (row.original.dealer ? personName(row.original.dealer.firstName, row.original.dealer.lastName) : <span className="text-zinc-500">—</span>),
      },
      { id: 'duration', enableSorting: false, header: 'Duration', meta: { className: 'whitespace-nowrap tabular-nums text-zinc-600', primary: true }, cell: ({ row }) => duration(row.original.durationSeconds) },
    ],
    [organizationId],
  );

  return (
    <>
      <PageHeader
        eyebrow="Live calls"
        title="Calls"
        description="Every call customers asked for from a vehicle, and how it went."
        action={can('calls:read') && data ? <ExportButton href={exportHref} total={data.count} noun="calls" /> : undefined}
      />
      <Card>
        <CardHeader
          title={data ? `${data.count.toLocaleString('en')} ${data.count === 1 ? 'call' : 'calls'}` : 'Calls'}
          description={can('calls:read') ? (filtered ? 'Matching the filters below.' : 'All calls of the organization, newest first.') : 'The calls you answered.'}
          action={
            filtered ? (
              <Button variant="ghost" size="sm" onClick={list.clearFilters}>
                Clear filters
              </Button>
            ) : undefined
          }
        />
        <FilterPanel active={Object.keys(list.filters).length} columns="sm:grid-cols-2 lg:grid-cols-3" ignored={list.ignored} labels={CALL_FILTER_LABELS}>
          <FilterText label="Customer name" {...list.filter('name')} />
          <FilterText label="Phone" inputMode="tel" {...list.filter('phone')} />
          <FilterText label="VIN" {...list.filter('vin')} placeholder="Whole VIN or its start" />
          <div className="min-w-0">
            <label htmlFor="calls-dealer" className="mb-1 block text-xs font-medium text-zinc-600">
              Dealer
            </label>
            <Select id="calls-dealer" value={list.filters.dealerId ?? ''} onChange={(e) => list.setFilters({ dealerId: e.target.value || null })}>
              <option value="">Any dealer</option>
              {dealers.data?.results.map((d) => (
                <option key={d.id} value={d.id}>
                  {personName(d.firstName, d.lastName)}
                </option>
              ))}
            </Select>
          </div>
          <VehicleFilters list={list} />
          <DateFilters list={list} />
          <div className="sm:col-span-2 lg:col-span-3">
            <FilterChips label="Status" options={CALL_STATUSES.map((s) => ({ value: s, label: CALL_STATUS_LABELS[s] }))} value={list.filters.status} onCommit={(v) => list.setFilters({ status: v })} />
          </div>
        </FilterPanel>
        <DataTable
          label="Calls"
          columns={columns}
          query={calls}
          rows={calls.data?.results}
          count={data?.count}
          url={list}
          loadingLabel="Loading calls"
          loadingRows={8}
          rowAlign="top"
          rowClassName={() => 'hover:bg-zinc-50/60'}
          getRowId={(c) => c.id}
          empty={
            <EmptyState
              icon={<PhoneIcon />}
              title={filtered ? 'No calls match these filters' : 'No calls yet'}
              description={
                filtered
                  ? 'Loosen a filter, or clear them all to see every call.'
                  : 'Customers ask for a call from the call page: its link and QR code are below.'
              }
              action={
                filtered ? (
                  <Button variant="secondary" onClick={list.clearFilters}>
                    Clear filters
                  </Button>
                ) : undefined
              }
            />
          }
        />
      </Card>
      <div className="mt-8">
        <CallPageShortcut />
      </div>
    </>
  );
}

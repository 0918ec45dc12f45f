'use client';
// /{org}/leads: the leads customers left, with the same filters as calls in the URL, sorting, pages and an export.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { CallStatusBadge, CALL_STATUS_LABELS } from '@/components/calls/call-status-badge';
import { ExportButton } from '@/components/calls/export-button';
import { browserTimeZone, dateTime, personName, vehicleName } from '@/components/calls/format';
import { InboxIcon } from '@/components/calls/icons';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { checkCallFilters } from '@/components/calls/calls-list';
import { useKeptData } from '@/components/data-table/use-kept-data';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { CALL_FILTER_LABELS, DateFilters, VehicleFilters } from '@/components/calls/vehicle-filters';
import { FilterChips, FilterPanel, FilterText } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { CALL_STATUSES } from '@/server/domain/calls/call.schema';
import { LEAD_ORDERING, type LeadDto, type LeadOrderingField } from '@/server/domain/leads/lead.schema';

const PAGE = 25;
const FILTER_KEYS = ['name', 'phone', 'status', 'carMake', 'carModel', 'carType', 'vin', 'from', 'to'] as const;

export function LeadsList({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const { can, organization } = useOrganizationAccess();
  const allowed = can('leads:read');
  const list = useTableUrlState<LeadOrderingField>({ defaultOrdering: '-createdAt', sortable: LEAD_ORDERING, filterNames: FILTER_KEYS, limit: PAGE, check: checkCallFilters });
  const filters = useMemo(() => (list.filters.from || list.filters.to ? { ...list.filters, tz: browserTimeZone() } : list.filters), [list.filters]);
  const leads = useQuery(trpc.leads.list.queryOptions({ limit: list.limit, offset: list.offset, filters, ordering: list.sort }, { placeholderData: keepPreviousData, enabled: allowed }));
  const data = useKeptData(leads);
  const filtered = Object.keys(list.filters).length > 0;
  const exportHref = `/${organizationId}/leads/export.csv?${new URLSearchParams({ ...filters, tz: browserTimeZone() }).toString()}`;

  // A sortable column's id is the server's ordering field; its first click sorts ascending (sortDescFirst: false), whatever the
  // row holds under that id, and every other column says enableSorting: false.
  const columns = useMemo<DataTableColumn<LeadDto>[]>(
    () => [
      { id: 'createdAt', header: 'Received', sortDescFirst: false, meta: { className: 'whitespace-nowrap text-zinc-600', primary: true }, cell: ({ row }) => dateTime(row.original.createdAt) },
      {
        id: 'name',
        header: 'Customer',
        sortDescFirst: false,
        meta: { primary: true },
        cell: ({ row }) => (
          <div className="min-w-40 max-sm:min-w-0">
            <p className="wrap-anywhere font-medium text-zinc-900">{personName(row.original.firstName, row.original.lastName)}</p>
            <p className="wrap-anywhere text-xs text-zinc-500">{[row.original.email, row.original.phone].filter(Boolean).join(' · ')}</p>
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
            <p className="font-mono text-xs text-zinc-500">{row.original.vin}</p>
          </div>
        ),
      },
      { id: 'comment', enableSorting: false, header: 'Comment', meta: { className: 'max-w-64 text-zinc-600', primary: true }, cell: ({ row }) => <p className="line-clamp-2 wrap-anywhere">{row.original.comment ?? '—'}</p> },
      {
        id: 'call',
        enableSorting: false,
        header: 'Call',
        meta: { className: 'whitespace-nowrap', primary: true },
        cell: ({ row }) =>
          row.original.callId && row.original.callStatus ? (
            <Link href={`/${organizationId}/calls/${row.original.callId}`} className="inline-flex items-center gap-2 hover:underline" aria-label={`Call: ${CALL_STATUS_LABELS[row.original.callStatus]}`}>
              <CallStatusBadge status={row.original.callStatus} />
            </Link>
          ) : (
            <span className="text-zinc-500">No call</span>
          ),
      },
      { id: 'dealer', enableSorting: false, header: 'Dealer', meta: { className: 'whitespace-nowrap text-zinc-600' }, cell: ({ row }) => (row.original.dealer ? personName(row.original.dealer.firstName, row.original.dealer.lastName) : '—') },
    ],
    [organizationId],
  );

  return (
    <>
      <PageHeader
        eyebrow="Live calls"
        title="Leads"
        description="Customers who asked to be contacted, after a call or straight from a vehicle."
        action={allowed && data ? <ExportButton href={exportHref} total={data.count} noun="leads" /> : undefined}
      />
      {organization.data && !allowed ? (
        <Alert tone="info">Your role cannot see leads. Ask an owner, admin or manager.</Alert>
      ) : (
        <Card>
          <CardHeader
            title={data ? `${data.count.toLocaleString('en')} ${data.count === 1 ? 'lead' : 'leads'}` : 'Leads'}
            description={filtered ? 'Matching the filters below.' : 'Newest first.'}
            action={
              filtered ? (
                <Button variant="ghost" size="sm" onClick={list.clearFilters}>
                  Clear filters
                </Button>
              ) : undefined
            }
          />
          <FilterPanel active={Object.keys(list.filters).length} columns="sm:grid-cols-2 lg:grid-cols-4" ignored={list.ignored} labels={{ ...CALL_FILTER_LABELS, name: 'Name' }}>
            <FilterText label="Name" {...list.filter('name')} />
            <FilterText label="Phone" inputMode="tel" {...list.filter('phone')} />
            <FilterText label="VIN" {...list.filter('vin')} placeholder="Whole VIN or its start" />
            <VehicleFilters list={list} />
            <DateFilters list={list} className="sm:col-span-2" />
            <div className="sm:col-span-2 lg:col-span-4">
              <FilterChips label="Call status" options={CALL_STATUSES.map((s) => ({ value: s, label: CALL_STATUS_LABELS[s] }))} value={list.filters.status} onCommit={(v) => list.setFilters({ status: v })} />
            </div>
          </FilterPanel>
          <DataTable
            label="Leads"
            columns={columns}
            query={leads}
            rows={leads.data?.results}
            count={data?.count}
            url={list}
            loadingLabel="Loading leads"
            loadingRows={8}
            rowAlign="top"
            rowClassName={() => 'hover:bg-zinc-50/60'}
            getRowId={(l) => l.id}
            empty={
              <EmptyState
                icon={<InboxIcon />}
                title={filtered ? 'No leads match these filters' : 'No leads yet'}
                description={filtered ? 'Loosen a filter, or clear them all.' : 'After a call, customers can leave their details for a follow-up; they appear here.'}
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
      )}
    </>
  );
}

'use client';
// /{org}/dealers: members who take live calls, with presence, filters in the URL, sorting, pages, and the managers'
// switch that pauses someone's calls.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { dateTime, personName } from '@/components/calls/format';
import { HeadsetIcon } from '@/components/calls/icons';
import { readServerError } from '@/components/forms/server-error';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { filterCheck } from '@/components/data-table/filter-problems';
import { useKeptData } from '@/components/data-table/use-kept-data';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterChips, FilterDateRange, FilterPanel, FilterText } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { useToast } from '@/components/ui/toast';
import { DEALER_ORDERING, dealerFiltersInput, type DealerDto, type DealerOrderingField } from '@/server/domain/dealers/dealer.schema';

const PAGE = 25;
const FILTER_KEYS = ['name', 'email', 'phone', 'status', 'accountStatus', 'from', 'to'] as const;
const checkFilters = filterCheck(dealerFiltersInput);
const FILTER_LABELS: Record<string, string> = { name: 'Name', email: 'Email', phone: 'Phone', status: 'Calls', accountStatus: 'Presence', from: 'Joined from', to: 'Joined to' };

export function DealersList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { can } = useOrganizationAccess();
  const list = useTableUrlState<DealerOrderingField>({ defaultOrdering: 'name', sortable: DEALER_ORDERING, filterNames: FILTER_KEYS, limit: PAGE, check: checkFilters });
  const dealers = useQuery(trpc.dealers.list.queryOptions({ limit: list.limit, offset: list.offset, filters: list.filters, ordering: list.sort }, { placeholderData: keepPreviousData }));
  const update = useMutation(
    trpc.dealers.update.mutationOptions({
      onSuccess: async (d) => {
        toast(d.status === 'inactive' ? `${personName(d.firstName, d.lastName)} will not get calls` : `${personName(d.firstName, d.lastName)} can take calls again`);
        await queryClient.invalidateQueries(trpc.dealers.pathFilter());
      },
      onError: (e) => toast(readServerError(e).message, 'error'),
    }),
  );
  const data = useKeptData(dealers);
  const canManage = can('dealers:manage');
  const filtered = Object.keys(list.filters).length > 0;

  // A sortable column's id is the server's ordering field; its first click sorts ascending (sortDescFirst: false), whatever the
  // row holds under that id, and every other column says enableSorting: false.
  const columns = useMemo<DataTableColumn<DealerDto>[]>(
    () => [
      {
        id: 'name',
        header: 'Dealer',
        sortDescFirst: false,
        meta: { primary: true },
        cell: ({ row }) => (
          <div className="min-w-40 max-sm:min-w-0">
            <p className="wrap-anywhere font-medium text-zinc-900">{personName(row.original.firstName, row.original.lastName)}</p>
            <p className="max-w-64 truncate text-xs text-zinc-500" title={row.original.email}>
              {row.original.email}
            </p>
          </div>
        ),
      },
      { id: 'phone', enableSorting: false, header: 'Phone', meta: { className: 'whitespace-nowrap tabular-nums text-zinc-600', primary: true }, cell: ({ row }) => row.original.phone ?? '—' },
      {
        id: 'accountStatus',
        enableSorting: false,
        header: 'Presence',
        meta: { primary: true },
        cell: ({ row }) => (row.original.accountStatus === 'online' ? <Badge tone="success">Online</Badge> : <Badge>Offline</Badge>),
      },
      {
        id: 'status',
        enableSorting: false,
        header: 'Calls',
        meta: { primary: true },
        cell: ({ row }) => (row.original.status === 'active' ? <span className="text-zinc-600">Takes calls</span> : <Badge tone="warning">Paused</Badge>),
      },
      { id: 'lastPingAt', header: 'Last seen', sortDescFirst: false, meta: { className: 'whitespace-nowrap text-zinc-600', primary: true }, cell: ({ row }) => dateTime(row.original.lastPingAt) },
      { id: 'joinedAt', header: 'Joined', sortDescFirst: false, meta: { className: 'whitespace-nowrap text-zinc-600' }, cell: ({ row }) => dateTime(row.original.joinedAt) },
      ...(canManage
        ? [
            {
              id: 'actions',
              enableSorting: false,
              header: () => <span className="sr-only">Actions</span>,
              meta: { className: 'text-right', primary: true },
              cell: ({ row }: { row: { original: DealerDto } }) => {
                const d = row.original;
                const pause = d.status === 'active';
                return (
                  <Button
                    variant={pause ? 'danger-ghost' : 'secondary'}
                    size="sm"
                    busy={update.isPending && update.variables?.id === d.id}
                    onClick={() => update.mutate({ id: d.id, active: !pause })}
                    aria-label={`${pause ? 'Pause calls for' : 'Resume calls for'} ${personName(d.firstName, d.lastName)}`}
                  >
                    {pause ? 'Pause calls' : 'Resume calls'}
                  </Button>
                );
              },
            } satisfies DataTableColumn<DealerDto>,
          ]
        : []),
    ],
    [canManage, update],
  );

  return (
    <>
      <PageHeader eyebrow="Live calls" title="Dealers" description="Members who take live calls, and who is online now." />
      <Card>
        <CardHeader
          title={data ? `${data.count} ${data.count === 1 ? 'dealer' : 'dealers'}` : 'Dealers'}
          description={canManage ? 'Every member can take calls. Pause someone’s calls to keep them off the Console without changing their role.' : 'Every member can take calls; managers and admins can pause someone’s calls.'}
          action={
            filtered ? (
              <Button variant="ghost" size="sm" onClick={list.clearFilters}>
                Clear filters
              </Button>
            ) : undefined
          }
        />
        <FilterPanel active={Object.keys(list.filters).length} columns="sm:grid-cols-2 lg:grid-cols-3" ignored={list.ignored} labels={FILTER_LABELS}>
          <FilterText label="Name" {...list.filter('name')} />
          <FilterText label="Email" inputMode="email" {...list.filter('email')} />
          <FilterText label="Phone" inputMode="tel" {...list.filter('phone')} />
          <FilterDateRange fromLabel="Joined from" toLabel="Joined to" from={list.filter('from')} to={list.filter('to')} />
          <FilterChips label="Presence" options={[{ value: 'online', label: 'Online' }, { value: 'offline', label: 'Offline' }]} value={list.filters.accountStatus} onCommit={(v) => list.setFilters({ accountStatus: v })} />
          <FilterChips label="Calls" options={[{ value: 'active', label: 'Takes calls' }, { value: 'inactive', label: 'Paused' }]} value={list.filters.status} onCommit={(v) => list.setFilters({ status: v })} />
        </FilterPanel>
        <DataTable
          label="Dealers"
          columns={columns}
          query={dealers}
          rows={dealers.data?.results}
          count={data?.count}
          url={list}
          loadingLabel="Loading dealers"
          loadingRows={6}
          rowAlign="top"
          rowClassName={() => 'hover:bg-zinc-50/60'}
          getRowId={(d) => d.id}
          empty={<EmptyState icon={<HeadsetIcon />} title="No dealers match these filters" description="Loosen a filter, or clear them all." />}
        />
      </Card>
    </>
  );
}

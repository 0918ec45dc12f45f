'use client';
// /{org}/dealers: members who take live calls, with presence, filters in the URL, sorting, pages, and the managers'
// switch that pauses someone's calls.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { dateTime, personName } from '@/components/calls/format';
import { HeadsetIcon } from '@/components/calls/icons';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { DataTable, type ListColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterChips, FilterDate, FilterPanel, FilterText } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { useToast } from '@/components/ui/toast';
import { useListUrlState } from '@/components/ui/use-list-url-state';
import { DEALER_ORDERING, type DealerDto, type DealerOrderingField } from '@/server/domain/dealers/dealer.schema';

const PAGE = 25;
const FILTER_KEYS = ['name', 'email', 'phone', 'status', 'accountStatus', 'from', 'to'] as const;
const DEFAULT_SORT = { field: 'name', direction: 'asc' } as const;

export function DealersList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { can } = useOrganizationAccess();
  const list = useListUrlState<DealerOrderingField>({ sortable: DEALER_ORDERING, defaultSort: DEFAULT_SORT, filterKeys: FILTER_KEYS, pageSize: PAGE });
  const dealers = useQuery(trpc.dealers.list.queryOptions({ ...list.page, filters: list.filters, ordering: list.sort }, { placeholderData: keepPreviousData }));
  const update = useMutation(
    trpc.dealers.update.mutationOptions({
      onSuccess: async (d) => {
        toast(d.status === 'inactive' ? `${personName(d.firstName, d.lastName)} will not get calls` : `${personName(d.firstName, d.lastName)} can take calls again`);
        await queryClient.invalidateQueries(trpc.dealers.pathFilter());
      },
      onError: (e) => toast(readServerError(e).message, 'error'),
    }),
  );
  const canManage = can('members:manage');
  const filtered = Object.keys(list.filters).length > 0;

  const columns = useMemo<ListColumn<DealerDto>[]>(
    () => [
      {
        id: 'name',
        header: 'Dealer',
        meta: { sortField: 'name' },
        cell: ({ row }) => (
          <div className="min-w-40">
            <p className="font-medium text-zinc-900">{personName(row.original.firstName, row.original.lastName)}</p>
            <p className="text-xs text-zinc-500">{row.original.email}</p>
          </div>
        ),
      },
      { id: 'phone', header: 'Phone', meta: { className: 'whitespace-nowrap tabular-nums text-zinc-600' }, cell: ({ row }) => row.original.phone ?? '—' },
      {
        id: 'accountStatus',
        header: 'Presence',
        cell: ({ row }) => (row.original.accountStatus === 'online' ? <Badge tone="success">Online</Badge> : <Badge>Offline</Badge>),
      },
      {
        id: 'status',
        header: 'Calls',
        cell: ({ row }) => (row.original.status === 'active' ? <span className="text-zinc-600">Takes calls</span> : <Badge tone="warning">Paused</Badge>),
      },
      { id: 'lastPingAt', header: 'Last seen', meta: { sortField: 'lastPingAt', className: 'whitespace-nowrap text-zinc-600' }, cell: ({ row }) => dateTime(row.original.lastPingAt) },
      { id: 'joinedAt', header: 'Joined', meta: { sortField: 'joinedAt', className: 'whitespace-nowrap text-zinc-600' }, cell: ({ row }) => dateTime(row.original.joinedAt) },
      ...(canManage
        ? [
            {
              id: 'actions',
              header: () => <span className="sr-only">Actions</span>,
              meta: { className: 'text-right' },
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
            } satisfies ListColumn<DealerDto>,
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
          title={dealers.data ? `${dealers.data.count} ${dealers.data.count === 1 ? 'dealer' : 'dealers'}` : 'Dealers'}
          description="Every member can take calls; a manager can pause someone's calls without changing their role."
          action={
            filtered ? (
              <Button variant="ghost" size="sm" onClick={list.clearFilters}>
                Clear filters
              </Button>
            ) : undefined
          }
        />
        <FilterPanel active={Object.keys(list.filters).length} columns="sm:grid-cols-2 lg:grid-cols-4">
          <FilterText label="Name" value={list.filters.name} onCommit={(v) => list.setFilter('name', v)} />
          <FilterText label="Email" inputMode="email" value={list.filters.email} onCommit={(v) => list.setFilter('email', v)} />
          <FilterText label="Phone" inputMode="tel" value={list.filters.phone} onCommit={(v) => list.setFilter('phone', v)} />
          <div className="grid grid-cols-2 gap-2">
            <FilterDate label="Joined from" value={list.filters.from} onCommit={(v) => list.setFilter('from', v)} />
            <FilterDate label="Joined to" value={list.filters.to} onCommit={(v) => list.setFilter('to', v)} />
          </div>
          <FilterChips label="Presence" options={[{ value: 'online', label: 'Online' }, { value: 'offline', label: 'Offline' }]} value={list.filters.accountStatus} onCommit={(v) => list.setFilter('accountStatus', v)} />
          <FilterChips label="Calls" options={[{ value: 'active', label: 'Takes calls' }, { value: 'inactive', label: 'Paused' }]} value={list.filters.status} onCommit={(v) => list.setFilter('status', v)} />
        </FilterPanel>
        <QueryState query={dealers} loadingLabel="Loading dealers" rows={6} frame="inset">
          {(data) => (
            <DataTable
              label="Dealers"
              columns={columns}
              rows={data.results}
              count={data.count}
              page={list.page}
              sort={list.sort}
              onSortChange={list.setSort}
              onPageChange={list.setOffset}
              stale={dealers.isPlaceholderData}
              rowId={(d) => d.id}
              empty={<EmptyState icon={<HeadsetIcon />} title="No dealers match these filters" description="Loosen a filter, or clear them all." />}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}

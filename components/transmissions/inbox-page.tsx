'use client';
// /{org}/transmissions/inbox: SMS and email received through the providers' webhooks, newest first, refreshed as
// messages arrive (the realtime stream announces each one).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { ReceivedIcon } from '@/components/contacts/icons';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterPanel, FilterText } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import type { TransmissionDto } from '@/server/domain/transmissions/transmission.schema';

export function InboxPage({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const { can, organization } = useOrganizationAccess();
  const allowed = can('transmissions:read');
  const list = useTableUrlState<'createdAt'>({ defaultOrdering: '-createdAt', sortable: ['createdAt'], filterNames: ['search'], limit: 25 });
  const inbox = useQuery(trpc.transmissions.list.queryOptions({ limit: list.limit, offset: list.offset, ordering: list.ordering, direction: 'inbound', search: list.filters.search }, { placeholderData: keepPreviousData, enabled: allowed }));
  // New messages arrive over the realtime stream (transmission.updated re-reads the list: live-queries.ts).
  const columns = useMemo<DataTableColumn<TransmissionDto>[]>(
    () => [
      { id: 'from', enableSorting: false, header: 'From', cell: ({ row }) => <div className="min-w-36"><Link className="font-medium break-words text-zinc-900 underline-offset-2 hover:underline" href={`/${organizationId}/transmissions/${row.original.id}`}>{row.original.contact?.name ?? row.original.remoteAddress ?? 'Unknown'}</Link>{row.original.contact && <p className="text-xs text-zinc-500">{row.original.remoteAddress}</p>}</div> },
      { id: 'message', enableSorting: false, header: 'Message', cell: ({ row }) => <div className="max-w-md">{row.original.subject && <p className="font-medium break-words">{row.original.subject}</p>}<p className="line-clamp-2 break-words text-zinc-700">{row.original.body}</p>{row.original.faxUrl && <a className="text-sm text-accent-700 underline underline-offset-2" href={row.original.faxUrl} target="_blank" rel="noreferrer">Open the fax (PDF)</a>}</div> },
      { id: 'to', enableSorting: false, header: 'To', meta: { priority: 'low', className: 'break-all text-zinc-500' }, cell: ({ row }) => row.original.account?.name ?? row.original.localAddress ?? '—' },
      { id: 'createdAt', header: 'Received', meta: { className: 'whitespace-nowrap text-zinc-500' }, cell: ({ row }) => new Date(row.original.createdAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' }) },
    ],
    [organizationId],
  );
  if (organization.data && !allowed) return <><PageHeader eyebrow="Outreach" title="Inbox" /><Alert tone="info">Your role cannot see the inbox. Ask an owner, admin or manager.</Alert></>;
  return (
    <>
      <PageHeader eyebrow="Outreach" title="Inbox" description="SMS and email your contacts sent to your accounts, through your providers’ webhooks." breadcrumbs={[{ label: 'Transmissions', href: `/${organizationId}/transmissions` }]} />
      <Card>
        <CardHeader title={inbox.data ? `${inbox.data.count} ${inbox.data.count === 1 ? 'message' : 'messages'}` : 'Messages'} />
        <FilterPanel active={list.filters.search ? 1 : 0} columns="sm:grid-cols-1">
          <FilterText label="Search" placeholder="Sender or text" {...list.filter('search')} />
        </FilterPanel>
        <DataTable label="Inbox" columns={columns} query={inbox} rows={inbox.data?.results} count={inbox.data?.count} url={list} loadingLabel="Loading the inbox" getRowId={(t) => t.id} empty={<EmptyState icon={<ReceivedIcon />} title="No messages received yet" description="Point your providers’ inbound webhooks (shown on each provider) at Pitchcraft." />} />
      </Card>
    </>
  );
}

'use client';
// /{org}/customers — the organization's external users (customers reached by a link, or by the app): who they are,
// their latest link and whether they can get in now; send one a link, chat with one, or end one's access (behind a
// confirmation: its key stops, its open sessions end, its unspent links expire; its conversations stay). On the
// shared data table; the search is kept in the URL.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useKeptData } from '@/components/data-table/use-kept-data';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DateText } from '@/components/ui/date-text';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterPanel, FilterText } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { useToast } from '@/components/ui/toast';
import type { CustomerDto } from '@/server/domain/external-users/customer.schema';
import { SendLinkDialog } from './send-link-dialog';

const PAGE = 25;

export function CustomersPage({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const { can, organization } = useOrganizationAccess();
  const allowed = can('externalUsers:manage');
  const list = useTableUrlState({ defaultOrdering: '', filterNames: ['search'], limit: PAGE });
  const search = list.filters.search;
  const customers = useQuery(trpc.conversations.customers.queryOptions({ limit: list.limit, offset: list.offset, search }, { placeholderData: keepPreviousData, enabled: allowed }));
  const data = useKeptData(customers);
  const [linkFor, setLinkFor] = useState<CustomerDto | 'new' | null>(null);
  const [ending, setEnding] = useState<CustomerDto | null>(null);
  const end = useMutation(
    trpc.conversations.endExternalAccess.mutationOptions({
      onSuccess: async () => {
        toast(`${ending?.name}’s access ended`);
        setEnding(null);
        await queryClient.invalidateQueries({ queryKey: trpc.conversations.customers.pathKey() });
      },
    }),
  );
  const chat = useMutation(trpc.conversations.create.mutationOptions());
  async function chatWith(c: CustomerDto) {
    try {
      const conversation = await chat.mutateAsync({ type: 'chat', participants: [{ userId: c.userId }] });
      router.push(`/${organizationId}/conversations/${conversation.id}`);
    } catch (err) {
      toast(readServerError(err).message, 'error');
    }
  }

  const columns = useMemo<DataTableColumn<CustomerDto>[]>(
    () => [
      {
        id: 'name',
        header: 'Customer',
        enableSorting: false,
        meta: { primary: true },
        cell: ({ row }) => (
          <div className="min-w-48 max-sm:min-w-0">
            <p className="font-medium wrap-anywhere text-zinc-900">{row.original.name}</p>
            <p className="text-xs wrap-anywhere text-zinc-500">{row.original.lastLink?.sentTo ?? (row.original.platform === 'web' ? 'Web' : `${row.original.platform} app`)}</p>
          </div>
        ),
      },
      {
        id: 'access',
        header: 'Access',
        enableSorting: false,
        meta: { primary: true, className: 'whitespace-nowrap' },
        cell: ({ row }) => {
          const c = row.original;
          return (
            <div className="flex flex-wrap gap-1">
              {c.lastLink?.usable && <Badge tone="success">Link works</Badge>}
              {c.hasAppKey && <Badge tone="accent">App</Badge>}
              {!c.canGetIn && <Badge>No access</Badge>}
            </div>
          );
        },
      },
      {
        id: 'lastLink',
        header: 'Latest link',
        enableSorting: false,
        meta: { primary: true, className: 'text-zinc-600' },
        cell: ({ row }) => {
          const l = row.original.lastLink;
          if (!l) return <span className="text-zinc-500">None sent</span>;
          return (
            <div className="text-sm whitespace-nowrap">
              <p>
                Used {l.uses} of {l.maxUses}
              </p>
              <p className="text-xs text-zinc-500">
                {l.usable ? 'Until ' : 'Ended '}
                <DateText value={l.expiresAt} />
              </p>
            </div>
          );
        },
      },
      { id: 'createdAt', header: 'Added', enableSorting: false, meta: { priority: 'low', className: 'whitespace-nowrap text-zinc-600' }, cell: ({ row }) => <DateText value={row.original.createdAt} /> },
      {
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        meta: { primary: true, cardLabel: 'Actions', align: 'right' },
        cell: ({ row }) => {
          const c = row.original;
          return (
            <div className="flex flex-wrap justify-end gap-1 sm:flex-nowrap">
              <Button variant="ghost" size="sm" onClick={() => void chatWith(c)} aria-label={`Chat with ${c.name}`}>
                Chat
              </Button>
              <Button variant="secondary" size="sm" onClick={() => setLinkFor(c)} aria-label={`Send ${c.name} a link`}>
                Send link
              </Button>
              {c.canGetIn && (
                <Button variant="danger-ghost" size="sm" onClick={() => (end.reset(), setEnding(c))} aria-label={`End ${c.name}’s access`}>
                  End access
                </Button>
              )}
            </div>
          );
        },
      },
    ],
    [organizationId, chat, end, router, toast],
  );

  return (
    <>
      <PageHeader
        eyebrow="Live calls"
        title="Customers"
        description="People outside the organization who chat with you: reached by a link you sent, or through your app."
        action={allowed ? <Button onClick={() => setLinkFor('new')}>Send a link</Button> : undefined}
      />
      {organization.data && !allowed ? (
        <Alert tone="info">Your role cannot manage customers. Ask an owner, admin or manager.</Alert>
      ) : (
        <Card>
          <CardHeader title={data ? `${data.count.toLocaleString('en')} ${data.count === 1 ? 'customer' : 'customers'}` : 'Customers'} description={search ? 'Matching your search.' : 'Newest first.'} />
          <FilterPanel active={search ? 1 : 0} columns="sm:grid-cols-2" ignored={list.ignored}>
            <FilterText label="Search" placeholder="Name, email or phone" maxLength={100} {...list.filter('search')} />
          </FilterPanel>
          <DataTable
            label="Customers"
            columns={columns}
            query={customers}
            rows={customers.data?.results}
            count={data?.count}
            url={list}
            loadingLabel="Loading customers"
            rowAlign="top"
            getRowId={(c) => c.userId}
            empty={
              <EmptyState
                title={search ? 'No customer matches' : 'No customers yet'}
                description={search ? 'Try another name or address, or clear the search.' : 'Send someone a link: they open it, confirm, and can chat with you straight away.'}
                action={
                  search ? (
                    <Button variant="secondary" onClick={list.clearFilters}>
                      Clear search
                    </Button>
                  ) : (
                    <Button onClick={() => setLinkFor('new')}>Send a link</Button>
                  )
                }
              />
            }
          />
        </Card>
      )}
      {allowed && (
        <SendLinkDialog
          key={linkFor === null || linkFor === 'new' ? 'new' : linkFor.userId}
          organizationId={organizationId}
          open={linkFor !== null}
          onClose={() => setLinkFor(null)}
          customer={linkFor && linkFor !== 'new' ? { userId: linkFor.userId, name: linkFor.name, sentTo: linkFor.lastLink?.sentTo } : undefined}
        />
      )}
      <ConfirmDialog
        open={ending !== null}
        title={`End ${ending?.name ?? ''}’s access?`}
        description="Their app key stops working, any chat page they have open signs out, and links not yet used stop working. Their conversations are kept; a new link lets them back in."
        confirmLabel="End access"
        busy={end.isPending}
        error={end.error ? readServerError(end.error).message : null}
        onCancel={() => setEnding(null)}
        onConfirm={() => ending && end.mutate({ userId: ending.userId })}
      />
    </>
  );
}

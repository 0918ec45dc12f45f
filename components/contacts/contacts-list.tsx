'use client';
// /{org}/contacts: every contact, searchable and filterable by group (in the URL), sortable and paged; rows can be
// selected and added to a group or deleted together. A new contact is added in place.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterPanel, FilterText } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { CONTACT_ORDERING, type ContactDto, type ContactOrderingField } from '@/server/domain/contacts/contact.schema';
import { ContactForm } from './contact-form';
import { ContactsIcon } from './icons';

const PAGE = 25;
const FILTERS = ['search', 'groupId'] as const;

export const contactName = (c: { firstName: string; lastName: string | null }) => [c.firstName, c.lastName].filter(Boolean).join(' ');

export function ContactsList({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { can, organization } = useOrganizationAccess();
  const allowed = can('contacts:read');
  const manage = can('contacts:manage');
  const list = useTableUrlState<ContactOrderingField>({ defaultOrdering: '-createdAt', sortable: CONTACT_ORDERING, filterNames: FILTERS, limit: PAGE });
  const contacts = useQuery(trpc.contacts.list.queryOptions({ limit: list.limit, offset: list.offset, ordering: list.ordering, search: list.filters.search, groupId: list.filters.groupId }, { placeholderData: keepPreviousData, enabled: allowed }));
  const groups = useQuery(trpc.contacts.groupChoices.queryOptions(undefined, { enabled: allowed }));
  const [adding, setAdding] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const create = useMutation(trpc.contacts.create.mutationOptions());
  const addToGroup = useMutation(trpc.contacts.addToGroup.mutationOptions());
  const deleteMany = useMutation(trpc.contacts.deleteMany.mutationOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.contacts.pathFilter());
  const filtered = Object.keys(list.filters).length > 0;
  const rows = contacts.data?.results;

  const toggle = (id: string, on: boolean) => setSelected((s) => { const next = new Set(s); if (on) next.add(id); else next.delete(id); return next; });
  const allOnPage = !!rows?.length && rows.every((r) => selected.has(r.id));

  const columns = useMemo<DataTableColumn<ContactDto>[]>(
    () => [
      ...(manage
        ? [{
            id: 'select',
            enableSorting: false,
            header: () => (
              <input type="checkbox" aria-label="Select every contact on this page" className="size-4 accent-accent-600" checked={allOnPage} onChange={(e) => setSelected((s) => { const next = new Set(s); for (const r of rows ?? []) if (e.target.checked) next.add(r.id); else next.delete(r.id); return next; })} />
            ),
            meta: { className: 'w-10' },
            cell: ({ row }) => <input type="checkbox" aria-label={`Select ${contactName(row.original)}`} className="size-4 accent-accent-600" checked={selected.has(row.original.id)} onChange={(e) => toggle(row.original.id, e.target.checked)} />,
          } satisfies DataTableColumn<ContactDto>]
        : []),
      {
        id: 'firstName',
        header: 'Name',
        sortDescFirst: false,
        cell: ({ row }) => (
          <Link href={`/${organizationId}/contacts/${row.original.id}`} className="font-medium text-zinc-900 hover:underline">
            {contactName(row.original)}
          </Link>
        ),
      },
      { id: 'phone', header: 'Phone', sortDescFirst: false, meta: { className: 'whitespace-nowrap tabular-nums text-zinc-700' }, cell: ({ row }) => row.original.phone },
      { id: 'email', header: 'Email', sortDescFirst: false, meta: { className: 'max-w-64 truncate text-zinc-600', priority: 'low' }, cell: ({ row }) => row.original.email ?? '—' },
      { id: 'createdAt', header: 'Added', meta: { className: 'whitespace-nowrap text-zinc-500', priority: 'low' }, cell: ({ row }) => new Date(row.original.createdAt).toLocaleDateString('en', { dateStyle: 'medium' }) },
    ],
    [organizationId, manage, selected, allOnPage, rows],
  );

  const bulkAdd = async () => {
    try {
      const res = await addToGroup.mutateAsync({ ids: [...selected], groupId: target });
      toast(`${res.linked} ${res.linked === 1 ? 'contact' : 'contacts'} added to ${groups.data?.find((g) => g.id === target)?.name ?? 'the group'}`);
      setSelected(new Set());
      await refresh();
    } catch (e) {
      toast(readServerError(e).message, 'error');
    }
  };
  const bulkDelete = async () => {
    try {
      const res = await deleteMany.mutateAsync({ ids: [...selected] });
      toast(`${res.deleted} ${res.deleted === 1 ? 'contact' : 'contacts'} deleted`);
      setSelected(new Set());
      setConfirming(false);
      await refresh();
    } catch (e) {
      toast(readServerError(e).message, 'error');
    }
  };

  if (organization.data && !allowed) {
    return (
      <>
        <PageHeader eyebrow="Outreach" title="Contacts" />
        <Alert tone="info">Your role cannot see contacts. Ask an owner, admin or manager.</Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader
        eyebrow="Outreach"
        title="Contacts"
        description="The people your campaigns reach. A phone number or an email address belongs to one contact."
        action={
          <div className="flex flex-wrap gap-2">
            <Link href={`/${organizationId}/contacts/groups`} className={buttonClass('secondary')}>
              Groups and imports
            </Link>
            {manage && !adding && <Button onClick={() => setAdding(true)}>New contact</Button>}
          </div>
        }
      />
      {adding && (
        <Card className="mb-6" aria-labelledby="new-contact">
          <CardHeader id="new-contact" title="New contact" />
          <ContactForm
            submitLabel="Add contact"
            onCancel={() => setAdding(false)}
            onSubmit={async (input) => {
              const made = await create.mutateAsync(input as never);
              toast(`${contactName(made)} added`);
              await refresh();
            }}
          />
        </Card>
      )}
      <Card>
        <CardHeader
          title={contacts.data ? `${contacts.data.count.toLocaleString('en')} ${contacts.data.count === 1 ? 'contact' : 'contacts'}` : 'Contacts'}
          description={filtered ? 'Matching the filters below.' : 'Newest first.'}
          action={filtered ? <Button variant="ghost" size="sm" onClick={list.clearFilters}>Clear filters</Button> : undefined}
        />
        <FilterPanel active={Object.keys(list.filters).length} columns="sm:grid-cols-2">
          <FilterText label="Search" value={list.filters.search} onCommit={(v) => list.setFilters({ search: v })} placeholder="Name, phone or email" />
          <div className="min-w-0">
            <label htmlFor="group-filter" className="mb-1 block text-xs font-medium text-zinc-600">Group</label>
            <Select id="group-filter" value={list.filters.groupId ?? ''} onChange={(e) => list.setFilters({ groupId: e.target.value || null })} className="[&_select]:h-9">
              <option value="">Every group</option>
              {groups.data?.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
            </Select>
          </div>
        </FilterPanel>
        {manage && selected.size > 0 && (
          <div role="region" aria-label="Selected contacts" className="flex flex-wrap items-center gap-3 border-b border-zinc-100 bg-accent-50/50 px-4 py-3 sm:px-6">
            <p className="text-sm font-medium text-zinc-800">{selected.size} selected</p>
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor="bulk-group" className="sr-only">Group to add them to</label>
              <Select id="bulk-group" value={target} onChange={(e) => setTarget(e.target.value)} className="w-52 [&_select]:h-9">
                <option value="">Choose a group…</option>
                {groups.data?.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
              </Select>
              <Button size="sm" variant="secondary" disabled={!target} busy={addToGroup.isPending} onClick={() => void bulkAdd()}>Add to group</Button>
              <Button size="sm" variant="danger" onClick={() => setConfirming(true)}>Delete</Button>
              <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>Clear selection</Button>
            </div>
          </div>
        )}
        <DataTable
          label="Contacts"
          columns={columns}
          query={contacts}
          rows={rows}
          count={contacts.data?.count}
          url={list}
          loadingLabel="Loading contacts"
          loadingRows={8}
          getRowId={(c) => c.id}
          rowClassName={(c) => (selected.has(c.id) ? 'bg-accent-50/40' : 'hover:bg-zinc-50/60')}
          empty={
            <EmptyState
              icon={<ContactsIcon />}
              title={filtered ? 'No contacts match these filters' : 'No contacts yet'}
              description={filtered ? 'Loosen a filter, or clear them all.' : 'Add one here, or import a CSV file into a group.'}
              action={filtered ? <Button variant="secondary" onClick={list.clearFilters}>Clear filters</Button> : <Link href={`/${organizationId}/contacts/groups`} className={buttonClass('secondary')}>Import contacts</Link>}
            />
          }
        />
      </Card>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${selected.size} ${selected.size === 1 ? 'contact' : 'contacts'}?`}
        description="They are removed from every group. This cannot be undone."
        confirmLabel="Delete"
        busy={deleteMany.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void bulkDelete()}
      />
    </>
  );
}

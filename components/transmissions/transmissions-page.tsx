'use client';
// /{org}/transmissions: every message sent (or being sent) to a contact, filtered by status, with a form to send a
// program to a contact now or at a time. A row opens its page (attempts, retry).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { SendIcon } from '@/components/contacts/icons';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { FilterChips, FilterPanel, FilterText } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { TRANSMISSION_ORDERING, type TransmissionDto, type TransmissionOrderingField } from '@/server/domain/transmissions/transmission.schema';
import { STATUS_OPTIONS, StatusBadge } from './transmission-status';

const SENDING = ['sendsms', 'sendemail', 'sendfax', 'voicetts', 'voicemessage'];

export function TransmissionsPage({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const { can, organization } = useOrganizationAccess();
  const allowed = can('transmissions:read');
  const send = can('transmissions:send');
  const list = useTableUrlState<TransmissionOrderingField>({ defaultOrdering: '-createdAt', sortable: TRANSMISSION_ORDERING, filterNames: ['status', 'search'], limit: 25 });
  const transmissions = useQuery(
    trpc.transmissions.list.queryOptions(
      { limit: list.limit, offset: list.offset, ordering: list.ordering, status: list.filters.status, search: list.filters.search, direction: 'outbound' },
      { placeholderData: keepPreviousData, enabled: allowed }, // followed live: transmission.updated (live-queries.ts)
    ),
  );
  const columns = useMemo<DataTableColumn<TransmissionDto>[]>(
    () => [
      { id: 'title', header: 'Transmission', sortDescFirst: false, cell: ({ row }) => <div className="min-w-40"><Link href={`/${organizationId}/transmissions/${row.original.id}`} className="font-medium break-words text-zinc-900 underline-offset-2 hover:underline">{row.original.title || row.original.program?.name || 'Untitled'}</Link><p className="text-xs text-zinc-500">{row.original.program?.name}</p></div> },
      { id: 'contact', enableSorting: false, header: 'Contact', cell: ({ row }) => (row.original.contact ? <div><p className="break-words">{row.original.contact.name}</p><p className="text-xs text-zinc-500">{row.original.program?.type === 'sendemail' ? row.original.contact.email : row.original.contact.phone}</p></div> : '—') },
      { id: 'status', header: 'Status', cell: ({ row }) => <div><StatusBadge status={row.original.status} />{row.original.scheduledAt && <p className="mt-1 text-xs text-zinc-500">Scheduled {new Date(row.original.scheduledAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })}</p>}</div> },
      { id: 'attempts', enableSorting: false, header: 'Attempts', meta: { priority: 'low' }, cell: ({ row }) => row.original.attempts },
      { id: 'updatedAt', header: 'Updated', meta: { className: 'whitespace-nowrap text-zinc-500', priority: 'low' }, cell: ({ row }) => new Date(row.original.updatedAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' }) },
    ],
    [organizationId],
  );
  if (organization.data && !allowed) return <><PageHeader eyebrow="Outreach" title="Transmissions" /><Alert tone="info">Your role cannot see transmissions. Ask an owner, admin or manager.</Alert></>;
  const active = (list.filters.status ? 1 : 0) + (list.filters.search ? 1 : 0);
  return (
    <>
      <PageHeader eyebrow="Outreach" title="Transmissions" description="Messages to your contacts, each with its delivery attempts." action={<Link className="text-sm text-accent-700 underline underline-offset-2" href={`/${organizationId}/transmissions/inbox`}>Inbox</Link>} />
      {send && <NewTransmission organizationId={organizationId} />}
      <Card>
        <CardHeader title={transmissions.data ? `${transmissions.data.count} ${transmissions.data.count === 1 ? 'transmission' : 'transmissions'}` : 'Transmissions'} />
        <FilterPanel active={active} columns="sm:grid-cols-2">
          <FilterChips label="Status" options={STATUS_OPTIONS} value={list.filters.status} onCommit={(v) => list.setFilters({ status: v })} />
          <FilterText label="Search" placeholder="Title, contact, phone or email" {...list.filter('search')} />
        </FilterPanel>
        <DataTable
          label="Transmissions"
          columns={columns}
          query={transmissions}
          rows={transmissions.data?.results}
          count={transmissions.data?.count}
          url={list}
          loadingLabel="Loading transmissions"
          getRowId={(t) => t.id}
          empty={<EmptyState icon={<SendIcon />} title={active ? 'No transmission matches' : 'Nothing sent yet'} description="Choose a program and a contact above to send a message." />}
        />
      </Card>
    </>
  );
}

function NewTransmission({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [programId, setProgramId] = useState('');
  const [contactSearch, setContactSearch] = useState('');
  const [contactId, setContactId] = useState('');
  const [title, setTitle] = useState('');
  const [at, setAt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const programs = useQuery(trpc.programs.list.queryOptions({ limit: 200, offset: 0, type: SENDING.join(',') }));
  const contacts = useQuery(trpc.contacts.list.queryOptions({ limit: 50, offset: 0, search: contactSearch.trim() || undefined }, { placeholderData: keepPreviousData }));
  const create = useMutation(trpc.transmissions.create.mutationOptions());
  const sendNow = useMutation(trpc.transmissions.send.mutationOptions());
  const schedule = useMutation(trpc.transmissions.schedule.mutationOptions());
  const busy = create.isPending || sendNow.isPending || schedule.isPending;
  const submit = async (mode: 'send' | 'schedule' | 'draft') => {
    setError(null);
    try {
      if (mode === 'schedule' && !at) throw new Error('Choose when to send it');
      const t = await create.mutateAsync({ programId, contactId, ...(title.trim() && { title: title.trim() }) });
      if (mode === 'send') await sendNow.mutateAsync({ id: t.id });
      if (mode === 'schedule') await schedule.mutateAsync({ id: t.id, at: new Date(at).toISOString() });
      await queryClient.invalidateQueries(trpc.transmissions.pathFilter());
      toast(mode === 'send' ? 'Sending…' : mode === 'schedule' ? 'Scheduled' : 'Saved, not sent');
      router.push(`/${organizationId}/transmissions/${t.id}`);
    } catch (e) {
      setError(e instanceof Error && !('data' in e) ? e.message : readServerError(e).message);
    }
  };
  const noPrograms = programs.data && programs.data.count === 0;
  return (
    <Card className="mb-6" aria-labelledby="new-transmission">
      <CardHeader id="new-transmission" title="Send a message" />
      <CardBody className="grid gap-5 sm:grid-cols-2">
        {error && <Alert tone="error" className="sm:col-span-2">{error}</Alert>}
        <FormField id="tx-program" label="Program" hint={noPrograms ? <>Create a sending program first (<a className="text-accent-700 underline underline-offset-2" href={`/${organizationId}/programs`}>Programs</a>).</> : undefined}>
          <Select id="tx-program" value={programId} onChange={(e) => setProgramId(e.target.value)}>
            <option value="">Choose…</option>
            {(programs.data?.results ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </Select>
        </FormField>
        <FormField id="tx-title" label="Title" optional>
          <Input id="tx-title" value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />
        </FormField>
        <FormField id="tx-contact-search" label="Find a contact" optional hint="Name, phone or email">
          <Input id="tx-contact-search" value={contactSearch} onChange={(e) => setContactSearch(e.target.value)} type="search" autoComplete="off" />
        </FormField>
        <FormField id="tx-contact" label="Contact">
          <Select id="tx-contact" value={contactId} onChange={(e) => setContactId(e.target.value)}>
            <option value="">Choose…</option>
            {(contacts.data?.results ?? []).map((c) => <option key={c.id} value={c.id}>{[c.firstName, c.lastName].filter(Boolean).join(' ')} · {c.email ?? c.phone}</option>)}
          </Select>
        </FormField>
        <FormField id="tx-at" label="Send at" optional hint="Leave empty to send now">
          <Input id="tx-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </FormField>
      </CardBody>
      <CardFooter className="flex-wrap gap-2">
        <Button variant="ghost" disabled={!programId || !contactId || busy} onClick={() => void submit('draft')}>Save without sending</Button>
        {at ? <Button disabled={!programId || !contactId} busy={busy} onClick={() => void submit('schedule')}>Schedule</Button> : <Button disabled={!programId || !contactId} busy={busy} onClick={() => void submit('send')}>Send now</Button>}
      </CardFooter>
    </Card>
  );
}

'use client';
// /{org}/programs: what transmissions do — send a text, template, document or recording, speak a text, or handle an
// account's inbound traffic. A new program names its type and what it uses; one in use cannot be deleted.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ProgramIcon } from '@/components/contacts/icons';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { cx } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { controlClass, Input } from '@/components/ui/input';
import { FilterChips, FilterPanel } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { stickyEndCell } from '@/components/ui/table-scroller';
import { useToast } from '@/components/ui/toast';
import { ACCOUNT_TYPE_OF, PROGRAM_LABELS, PROGRAM_ORDERING, PROGRAM_TYPES, type ProgramDto, type ProgramOrderingField, type ProgramType } from '@/server/domain/programs/program.schema';

const REF: Record<ProgramType, 'textId' | 'templateId' | 'documentId' | 'recordingId' | 'accountId' | 'text'> = {
  sendsms: 'textId', sendemail: 'templateId', sendfax: 'documentId', voicemessage: 'recordingId', voicetts: 'text',
  emailtofax: 'accountId', faxtoemail: 'accountId', receivesms: 'accountId', receiveemail: 'accountId', receivefax: 'accountId',
};

export function ProgramsPage({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { can, organization } = useOrganizationAccess();
  const allowed = can('programs:read');
  const manage = can('programs:manage');
  const list = useTableUrlState<ProgramOrderingField>({ defaultOrdering: '-createdAt', sortable: PROGRAM_ORDERING, filterNames: ['type'], limit: 25 });
  const programs = useQuery(trpc.programs.list.queryOptions({ limit: list.limit, offset: list.offset, ordering: list.ordering, type: list.filters.type }, { placeholderData: keepPreviousData, enabled: allowed }));
  const remove = useMutation(trpc.programs.delete.mutationOptions());
  const [deleting, setDeleting] = useState<ProgramDto | null>(null);

  const columns = useMemo<DataTableColumn<ProgramDto>[]>(
    () => [
      { id: 'name', header: 'Program', sortDescFirst: false, cell: ({ row }) => <span className="font-medium break-words text-zinc-900">{row.original.name}</span> },
      { id: 'type', header: 'Type', sortDescFirst: false, meta: { className: 'whitespace-nowrap' }, cell: ({ row }) => <Badge tone="accent">{PROGRAM_LABELS[row.original.type]}</Badge> },
      { id: 'uses', enableSorting: false, header: 'Uses', meta: { className: 'max-w-64 truncate text-zinc-600', priority: 'low' }, cell: ({ row }) => row.original.uses.name },
      { id: 'createdAt', header: 'Created', meta: { className: 'whitespace-nowrap text-zinc-500', priority: 'low' }, cell: ({ row }) => new Date(row.original.createdAt).toLocaleDateString('en', { dateStyle: 'medium' }) },
      ...(manage ? [{ id: 'actions', enableSorting: false, header: () => <span className="sr-only">Actions</span>, meta: { align: 'right' as const, className: stickyEndCell }, cell: ({ row }: { row: { original: ProgramDto } }) => <Button size="sm" variant="ghost" onClick={() => setDeleting(row.original)} aria-label={`Delete ${row.original.name}`}>Delete</Button> }] : []),
    ],
    [manage],
  );

  if (organization.data && !allowed) return <><PageHeader eyebrow="Outreach" title="Programs" /><Alert tone="info">Your role cannot see programs. Ask an owner, admin or manager.</Alert></>;
  return (
    <>
      <PageHeader eyebrow="Outreach" title="Programs" description="What a transmission does: each program sends one message of the library, speaks a text, or handles an account’s inbound traffic." />
      {manage && <NewProgram organizationId={organizationId} onCreated={async () => { await queryClient.invalidateQueries(trpc.programs.pathFilter()); }} />}
      <Card>
        <CardHeader title={programs.data ? `${programs.data.count} ${programs.data.count === 1 ? 'program' : 'programs'}` : 'Programs'} />
        <FilterPanel active={list.filters.type ? 1 : 0} columns="sm:grid-cols-1">
          <FilterChips label="Type" options={PROGRAM_TYPES.map((t) => ({ value: t, label: PROGRAM_LABELS[t] }))} value={list.filters.type} onCommit={(v) => list.setFilters({ type: v })} />
        </FilterPanel>
        <DataTable
          label="Programs"
          columns={columns}
          query={programs}
          rows={programs.data?.results}
          count={programs.data?.count}
          url={list}
          loadingLabel="Loading programs"
          getRowId={(p) => p.id}
          empty={<EmptyState icon={<ProgramIcon />} title={list.filters.type ? 'No program of these types' : 'No programs yet'} description="Create one above from a message of the library or a sender account." />}
        />
      </Card>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        description="A program in use (an account subscribed to it, a campaign) cannot be deleted."
        confirmLabel="Delete program"
        busy={remove.isPending}
        error={remove.error ? readServerError(remove.error).message : null}
        onCancel={() => { setDeleting(null); remove.reset(); }}
        onConfirm={async () => {
          try {
            await remove.mutateAsync({ id: deleting!.id });
          } catch {
            return;
          }
          toast('Program deleted');
          setDeleting(null);
          await queryClient.invalidateQueries(trpc.programs.pathFilter());
        }}
      />
    </>
  );
}

function NewProgram({ organizationId, onCreated }: { organizationId: string; onCreated: () => Promise<void> }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [type, setType] = useState<ProgramType>('sendsms');
  const [ref, setRef] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = REF[type];
  const page = { limit: 200, offset: 0 };
  const texts = useQuery(trpc.library.texts.queryOptions(page, { enabled: field === 'textId' }));
  const templates = useQuery(trpc.library.templates.queryOptions(page, { enabled: field === 'templateId' }));
  const docs = useQuery(trpc.library.items.queryOptions({ ...page, kind: 'document' }, { enabled: field === 'documentId' }));
  const recs = useQuery(trpc.library.items.queryOptions({ ...page, kind: 'recording' }, { enabled: field === 'recordingId' }));
  const accounts = useQuery(trpc.accounts.list.queryOptions({ ...page, type: ACCOUNT_TYPE_OF[type] }, { enabled: field === 'accountId' }));
  const create = useMutation(trpc.programs.create.mutationOptions());
  const choices: Array<{ id: string; label: string }> =
    field === 'textId' ? (texts.data?.results ?? []).map((t) => ({ id: t.id, label: t.name }))
    : field === 'templateId' ? (templates.data?.results ?? []).map((t) => ({ id: t.id, label: t.name }))
    : field === 'documentId' ? (docs.data?.results ?? []).filter((d) => d.hasMedia).map((d) => ({ id: d.id, label: d.name }))
    : field === 'recordingId' ? (recs.data?.results ?? []).filter((r) => r.hasMedia).map((r) => ({ id: r.id, label: r.name }))
    : field === 'accountId' ? (accounts.data?.results ?? []).map((a) => ({ id: a.id, label: `${a.name} (${a.address})` }))
    : [];
  const submit = async () => {
    setError(null);
    try {
      await create.mutateAsync({ type, program: { ...(name.trim() && { name: name.trim() }), [field]: ref } });
      toast('Program created');
      setRef('');
      setName('');
      await onCreated();
    } catch (e) {
      setError(readServerError(e).message);
    }
  };
  const what = field === 'text' ? 'What is said' : field === 'accountId' ? `Account (${ACCOUNT_TYPE_OF[type] === 'email' ? 'email' : 'phone'})` : field === 'textId' ? 'SMS text' : field === 'templateId' ? 'Email template' : field === 'documentId' ? 'Fax document' : 'Voice recording';
  return (
    <Card className="mb-6" aria-labelledby="new-program">
      <CardHeader id="new-program" title="New program" />
      <CardBody className="grid gap-5 sm:grid-cols-3">
        {error && <Alert tone="error" className="sm:col-span-3">{error}</Alert>}
        <FormField id="program-type" label="Type">
          <Select id="program-type" value={type} onChange={(e) => { setType(e.target.value as ProgramType); setRef(''); }}>
            {PROGRAM_TYPES.map((t) => <option key={t} value={t}>{PROGRAM_LABELS[t]}</option>)}
          </Select>
        </FormField>
        <FormField id="program-ref" label={what} hint={field !== 'text' && choices.length === 0 ? (field === 'accountId' ? <>Add a sender account first (<a className="text-accent-700 underline underline-offset-2" href={`/${organizationId}/settings/accounts`}>Sender accounts</a>).</> : <>Add one to the <a className="text-accent-700 underline underline-offset-2" href={`/${organizationId}/messages`}>message library</a> first (with its file).</>) : undefined} className={field === 'text' ? 'sm:col-span-2' : undefined}>
          {field === 'text' ? (
            <textarea id="program-ref" value={ref} onChange={(e) => setRef(e.target.value)} rows={2} className={cx(controlClass, 'py-2')} />
          ) : (
            <Select id="program-ref" value={ref} onChange={(e) => setRef(e.target.value)}>
              <option value="">Choose…</option>
              {choices.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
            </Select>
          )}
        </FormField>
        {field !== 'text' && (
          <FormField id="program-name" label="Name" optional hint="Defaults to the type and what it uses.">
            <Input id="program-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </FormField>
        )}
      </CardBody>
      <CardFooter>
        <Button disabled={!ref.trim()} busy={create.isPending} onClick={() => void submit()}>Create program</Button>
      </CardFooter>
    </Card>
  );
}

'use client';
// /{org}/contacts/groups/{id}: a group — its contacts (searchable, in the URL), importing a CSV file into it, the
// imports with their progress (a reload shows a running one where it is: the bar reads the import, and
// import.progress events move it), the export, renaming and deleting.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterPanel, FilterText } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { useToast } from '@/components/ui/toast';
import { CONTACT_ORDERING, type ContactDto, type ContactOrderingField } from '@/server/domain/contacts/contact.schema';
import type { ImportDto } from '@/server/domain/contacts/import/import.schema';
import { contactName } from './contacts-list';
import { CsvImport, ImportReport } from './csv-import';
import { ContactsIcon } from './icons';

export function GroupPage({ organizationId, groupId }: { organizationId: string; groupId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const { can } = useOrganizationAccess();
  const manage = can('contacts:manage');
  const group = useQuery(trpc.contacts.group.queryOptions({ id: groupId }));
  const list = useTableUrlState<ContactOrderingField>({ prefix: 'm', defaultOrdering: 'firstName', sortable: CONTACT_ORDERING, filterNames: ['search'], limit: 25 });
  const members = useQuery(trpc.contacts.list.queryOptions({ groupId, limit: list.limit, offset: list.offset, ordering: list.ordering, search: list.filters.search }, { placeholderData: keepPreviousData }));
  const imports = useQuery(
    trpc.contacts.groupImports.queryOptions({ groupId }, {
      // Events move the bar; polling is the fallback while one runs (a dropped stream must not freeze it).
      refetchInterval: (q) => (q.state.data?.some((i) => i.status === 'queued' || i.status === 'running') ? 3000 : false),
    }),
  );
  const remove = useMutation(trpc.contacts.deleteGroup.mutationOptions());
  const [confirming, setConfirming] = useState(false);

  const columns = useMemo<DataTableColumn<ContactDto>[]>(
    () => [
      { id: 'firstName', header: 'Name', sortDescFirst: false, cell: ({ row }) => <Link href={`/${organizationId}/contacts/${row.original.id}`} className="font-medium text-zinc-900 hover:underline">{contactName(row.original)}</Link> },
      { id: 'phone', header: 'Phone', sortDescFirst: false, meta: { className: 'whitespace-nowrap tabular-nums text-zinc-700' }, cell: ({ row }) => row.original.phone },
      { id: 'email', header: 'Email', sortDescFirst: false, meta: { className: 'max-w-64 truncate text-zinc-600', priority: 'low' }, cell: ({ row }) => row.original.email ?? '—' },
    ],
    [organizationId],
  );

  return (
    <QueryState query={group} loadingLabel="Loading the group" frame="page">
      {(g) => (
        <>
          <PageHeader
            eyebrow="Group"
            title={g.name}
            description={<><Link href={`/${organizationId}/contacts/groups`} className="text-accent-700 underline underline-offset-2">All groups</Link> · {g.contactCount.toLocaleString('en')} {g.contactCount === 1 ? 'contact' : 'contacts'}{g.description ? ` · ${g.description}` : ''}</>}
            action={
              <div className="flex flex-wrap gap-2">
                <a href={`/${organizationId}/contacts/groups/${g.id}/export.csv`} className={buttonClass('secondary')} download>Export CSV</a>
                {manage && <Button variant="danger" onClick={() => setConfirming(true)}>Delete group</Button>}
              </div>
            }
          />
          <div className="space-y-6">
            {manage && <CsvImport organizationId={organizationId} groupId={g.id} />}
            {imports.data && imports.data.length > 0 && <ImportHistory organizationId={organizationId} imports={imports.data} />}
            <Card>
              <CardHeader title="Contacts in this group" />
              <FilterPanel active={list.filters.search ? 1 : 0} columns="sm:grid-cols-2">
                <FilterText label="Search" value={list.filters.search} onCommit={(v) => list.setFilters({ search: v })} placeholder="Name, phone or email" />
              </FilterPanel>
              <DataTable
                label="Contacts in this group"
                columns={columns}
                query={members}
                rows={members.data?.results}
                count={members.data?.count}
                url={list}
                loadingLabel="Loading contacts"
                getRowId={(c) => c.id}
                rowClassName={() => 'hover:bg-zinc-50/60'}
                empty={<EmptyState icon={<ContactsIcon />} title={list.filters.search ? 'No contact matches' : 'No contacts in this group yet'} description={list.filters.search ? 'Try another search.' : 'Import a CSV file above, or add contacts from the contacts list.'} />}
              />
            </Card>
          </div>
          <ConfirmDialog
            open={confirming}
            title={`Delete the group “${g.name}”?`}
            description="Its contacts stay; only the group goes."
            confirmLabel="Delete group"
            busy={remove.isPending}
            onCancel={() => setConfirming(false)}
            onConfirm={async () => {
              await remove.mutateAsync({ id: g.id });
              toast(`Group “${g.name}” deleted`);
              await queryClient.invalidateQueries(trpc.contacts.pathFilter());
              router.push(`/${organizationId}/contacts/groups`);
            }}
          />
        </>
      )}
    </QueryState>
  );
}

const STATUS: Record<ImportDto['status'], { label: string; tone: 'neutral' | 'accent' | 'success' | 'danger' }> = {
  queued: { label: 'Waiting', tone: 'neutral' },
  running: { label: 'Importing', tone: 'accent' },
  completed: { label: 'Done', tone: 'success' },
  failed: { label: 'Stopped', tone: 'danger' },
};

function ImportHistory({ organizationId, imports }: { organizationId: string; imports: ImportDto[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const trpc = useTRPC();
  const detail = useQuery(trpc.contacts.import.queryOptions({ id: open ?? '' }, { enabled: open !== null }));
  return (
    <Card aria-labelledby="imports-title">
      <CardHeader id="imports-title" title="Imports" description="The latest files imported into this group." />
      <CardBody>
        <ul className="divide-y divide-zinc-100">
          {imports.map((imp) => {
            const running = imp.status === 'queued' || imp.status === 'running';
            return (
              <li key={imp.id} className="space-y-2 py-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div className="min-w-0">
                    <p className="break-words text-sm font-medium text-zinc-900">{imp.fileName ?? 'CSV file'}</p>
                    <p className="text-xs text-zinc-500">
                      {new Date(imp.createdAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })} · {imp.progress.rowsDone.toLocaleString('en')} rows · {imp.report.imported.toLocaleString('en')} imported, {imp.report.updated.toLocaleString('en')} updated, {imp.report.errorCount.toLocaleString('en')} not imported
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    <Badge tone={STATUS[imp.status].tone}>{STATUS[imp.status].label}</Badge>
                    {!running && (
                      <Button size="sm" variant="ghost" aria-expanded={open === imp.id} onClick={() => setOpen(open === imp.id ? null : imp.id)}>
                        {open === imp.id ? 'Hide report' : 'Report'}
                      </Button>
                    )}
                  </div>
                </div>
                {running && (
                  <div className="flex items-center gap-3">
                    <progress className="h-2 flex-1 accent-accent-600" value={imp.progress.percent} max={100} aria-label={`Import of ${imp.fileName ?? 'the file'}`} />
                    <span className="text-xs tabular-nums text-zinc-600">{imp.progress.percent}%</span>
                  </div>
                )}
                {imp.failure && <p className="text-sm text-red-700">{imp.failure}</p>}
                {open === imp.id && detail.data && <ImportReport organizationId={organizationId} importId={imp.id} report={detail.data.report} />}
              </li>
            );
          })}
        </ul>
      </CardBody>
    </Card>
  );
}

'use client';
// /{org}/contacts/groups: the groups with their member counts; a new one is created in place.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { useRouter } from 'next/navigation';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { FilterPanel, FilterText } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { createGroupInput, GROUP_ORDERING, type GroupDto, type GroupOrderingField } from '@/server/domain/contacts/contact.schema';
import { GroupIcon } from './icons';

export function GroupsList({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { can, organization } = useOrganizationAccess();
  const allowed = can('contacts:read');
  const list = useTableUrlState<GroupOrderingField>({ defaultOrdering: 'name', sortable: GROUP_ORDERING, filterNames: ['search'], limit: 25 });
  const groups = useQuery(trpc.contacts.groups.queryOptions({ limit: list.limit, offset: list.offset, ordering: list.ordering, search: list.filters.search }, { placeholderData: keepPreviousData, enabled: allowed }));
  const create = useMutation(trpc.contacts.createGroup.mutationOptions());
  const form = useZodForm({
    schema: createGroupInput,
    initialValues: { name: '', description: '' },
    toInput: (v) => ({ name: v.name, description: v.description.trim() || null }),
    onSubmit: async (input) => {
      const group = await create.mutateAsync(input);
      await queryClient.invalidateQueries(trpc.contacts.pathFilter());
      form.reset({ name: '', description: '' });
      router.push(`/${organizationId}/contacts/groups/${group.id}`);
    },
  });
  const columns = useMemo<DataTableColumn<GroupDto>[]>(
    () => [
      {
        id: 'name',
        header: 'Group',
        sortDescFirst: false,
        cell: ({ row }) => (
          <div className="min-w-40">
            <Link href={`/${organizationId}/contacts/groups/${row.original.id}`} className="font-medium text-zinc-900 hover:underline">{row.original.name}</Link>
            {row.original.description && <p className="line-clamp-2 break-words text-xs text-zinc-500">{row.original.description}</p>}
          </div>
        ),
      },
      { id: 'contactCount', enableSorting: false, header: 'Contacts', meta: { align: 'right' }, cell: ({ row }) => row.original.contactCount.toLocaleString('en') },
      { id: 'createdAt', header: 'Created', meta: { className: 'whitespace-nowrap text-zinc-500', priority: 'low' }, cell: ({ row }) => new Date(row.original.createdAt).toLocaleDateString('en', { dateStyle: 'medium' }) },
    ],
    [organizationId],
  );
  if (organization.data && !allowed) return <><PageHeader eyebrow="Outreach" title="Groups" /><Alert tone="info">Your role cannot see contacts. Ask an owner, admin or manager.</Alert></>;
  return (
    <>
      <PageHeader
        eyebrow="Outreach"
        title="Groups"
        description="Who a campaign reaches. Import a CSV file into a group, or add contacts from the contacts list."
        action={<Link href={`/${organizationId}/contacts`} className={buttonClass('secondary')}>All contacts</Link>}
      />
      {can('contacts:manage') && (
        <Card className="mb-6" aria-labelledby="new-group">
          <CardHeader id="new-group" title="New group" />
          <form noValidate onSubmit={form.handleSubmit} className="flex flex-wrap items-start gap-4 px-4 py-5 sm:px-6">
            {form.formError && <Alert tone="error" className="w-full">{form.formError}</Alert>}
            <FormField id={form.id('name')} label="Name" error={form.error('name')} className="min-w-56 flex-1">
              <Input {...form.text('name')} placeholder="e.g. Spring service offer" autoComplete="off" />
            </FormField>
            <FormField id={form.id('description')} label="Description" optional error={form.error('description')} className="min-w-56 flex-[2]">
              <Input {...form.text('description')} autoComplete="off" />
            </FormField>
            <Button type="submit" busy={form.submitting} className="sm:mt-6">Create group</Button>
          </form>
        </Card>
      )}
      <Card>
        <CardHeader title={groups.data ? `${groups.data.count} ${groups.data.count === 1 ? 'group' : 'groups'}` : 'Groups'} />
        <FilterPanel active={list.filters.search ? 1 : 0} columns="sm:grid-cols-2">
          <FilterText label="Search" value={list.filters.search} onCommit={(v) => list.setFilters({ search: v })} placeholder="Group name" />
        </FilterPanel>
        <DataTable
          label="Groups"
          columns={columns}
          query={groups}
          rows={groups.data?.results}
          count={groups.data?.count}
          url={list}
          loadingLabel="Loading groups"
          getRowId={(g) => g.id}
          rowClassName={() => 'hover:bg-zinc-50/60'}
          empty={<EmptyState icon={<GroupIcon />} title={list.filters.search ? 'No group matches' : 'No groups yet'} description={list.filters.search ? 'Try another name.' : 'Create one above, then import contacts into it.'} />}
        />
      </Card>
    </>
  );
}

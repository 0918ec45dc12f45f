'use client';
// /{org}/settings/accounts: the addresses messages go out from — email addresses, phone numbers, extensions — with
// their state; admins add, pause and delete them.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { AccountIcon } from '@/components/contacts/icons';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { readServerError } from '@/components/forms/server-error';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { stickyEndCell } from '@/components/ui/table-scroller';
import { useToast } from '@/components/ui/toast';
import { ACCOUNT_ORDERING, accountInput, type AccountDto, type AccountOrderingField } from '@/server/domain/accounts/account.schema';

const TYPE_LABEL = { email: 'Email', phone: 'Phone', extension: 'Extension' } as const;
const PLACEHOLDER = { email: 'sales@dealer.example', phone: '+1 512 555 0142', extension: '204' } as const;

export function AccountsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { can, organization } = useOrganizationAccess();
  const allowed = can('accounts:read');
  const manage = can('accounts:manage');
  const list = useTableUrlState<AccountOrderingField>({ defaultOrdering: 'name', sortable: ACCOUNT_ORDERING, limit: 25 });
  const accounts = useQuery(trpc.accounts.list.queryOptions({ limit: list.limit, offset: list.offset, ordering: list.ordering }, { placeholderData: keepPreviousData, enabled: allowed }));
  const create = useMutation(trpc.accounts.create.mutationOptions());
  const update = useMutation(trpc.accounts.update.mutationOptions());
  const remove = useMutation(trpc.accounts.delete.mutationOptions());
  const [deleting, setDeleting] = useState<AccountDto | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.accounts.pathFilter());
  const form = useZodForm({
    schema: accountInput,
    initialValues: { name: '', type: 'email' as AccountDto['type'], address: '', active: true },
    onSubmit: async (input) => {
      await create.mutateAsync(input);
      toast(`Account “${input.name}” added`);
      form.reset({ name: '', type: input.type, address: '', active: true });
      await refresh();
    },
  });

  const columns = useMemo<DataTableColumn<AccountDto>[]>(
    () => [
      { id: 'name', header: 'Account', sortDescFirst: false, cell: ({ row }) => <div className="min-w-36"><p className="font-medium break-words text-zinc-900">{row.original.name}</p>{row.original.owner && <p className="text-xs text-zinc-500">{row.original.owner.firstName} {row.original.owner.lastName}</p>}</div> },
      { id: 'type', header: 'Type', sortDescFirst: false, cell: ({ row }) => TYPE_LABEL[row.original.type] },
      { id: 'address', header: 'Address', sortDescFirst: false, meta: { className: 'break-all text-zinc-700' }, cell: ({ row }) => row.original.address },
      { id: 'active', enableSorting: false, header: 'State', cell: ({ row }) => <Badge tone={row.original.active ? 'success' : 'neutral'}>{row.original.active ? 'Active' : 'Paused'}</Badge> },
      ...(manage
        ? [{
            id: 'actions',
            enableSorting: false,
            header: () => <span className="sr-only">Actions</span>,
            meta: { align: 'right' as const, className: `whitespace-nowrap ${stickyEndCell}` },
            cell: ({ row }: { row: { original: AccountDto } }) => {
              const a = row.original;
              return (
                <div className="flex justify-end gap-1">
                  <Button size="sm" variant="ghost" onClick={async () => { await update.mutateAsync({ id: a.id, account: { name: a.name, type: a.type, address: a.address, active: !a.active } }); await refresh(); }}>{a.active ? 'Pause' : 'Resume'}</Button>
                  <Button size="sm" variant="ghost" aria-label={`Delete ${a.name}`} onClick={() => setDeleting(a)}>Delete</Button>
                </div>
              );
            },
          }]
        : []),
    ],
    [manage, update],
  );

  if (organization.data && !allowed) return <><PageHeader eyebrow="Settings" title="Sender accounts" /><Alert tone="info">Your role cannot see sender accounts. Ask an owner or admin.</Alert></>;
  const type = form.values.type as AccountDto['type'];
  return (
    <>
      <PageHeader eyebrow="Settings" title="Sender accounts" description="The email addresses, phone numbers and extensions your messages go out from." />
      {manage && (
        <Card className="mb-6" aria-labelledby="new-account">
          <CardHeader id="new-account" title="New account" />
          <form noValidate onSubmit={form.handleSubmit}>
            <CardBody className="grid gap-5 sm:grid-cols-3">
              {form.formError && <Alert tone="error" className="sm:col-span-3">{form.formError}</Alert>}
              <FormField id={form.id('name')} label="Name" error={form.error('name')}>
                <Input {...form.text('name')} placeholder="e.g. Sales line" autoComplete="off" />
              </FormField>
              <FormField id={form.id('type')} label="Type" error={form.error('type')}>
                <Select {...form.text('type')}>
                  <option value="email">Email address</option>
                  <option value="phone">Phone number</option>
                  <option value="extension">Extension</option>
                </Select>
              </FormField>
              <FormField id={form.id('address')} label={type === 'email' ? 'Email address' : type === 'phone' ? 'Phone number' : 'Extension'} error={form.error('address')}>
                <Input {...form.text('address')} type={type === 'email' ? 'email' : type === 'phone' ? 'tel' : 'text'} inputMode={type === 'extension' ? 'numeric' : undefined} placeholder={PLACEHOLDER[type]} autoComplete="off" />
              </FormField>
            </CardBody>
            <CardFooter><Button type="submit" busy={form.submitting}>Add account</Button></CardFooter>
          </form>
        </Card>
      )}
      <Card>
        <CardHeader title={accounts.data ? `${accounts.data.count} ${accounts.data.count === 1 ? 'account' : 'accounts'}` : 'Accounts'} />
        <DataTable
          label="Sender accounts"
          columns={columns}
          query={accounts}
          rows={accounts.data?.results}
          count={accounts.data?.count}
          url={list}
          loadingLabel="Loading accounts"
          getRowId={(a) => a.id}
          empty={<EmptyState icon={<AccountIcon />} title="No sender accounts yet" description="Add the addresses and numbers your programs send from." />}
        />
        {accounts.data && accounts.data.count > 0 && <CardBody className="border-t border-zinc-100 text-xs text-zinc-500">Settings, program subscriptions and owners are managed over the API (<code>/api/v1/accounts/&#123;id&#125;/…</code>).</CardBody>}
      </Card>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        description="An account whose traffic a program handles cannot be deleted."
        confirmLabel="Delete account"
        busy={remove.isPending}
        error={remove.error ? readServerError(remove.error).message : null}
        onCancel={() => { setDeleting(null); remove.reset(); }}
        onConfirm={async () => {
          try {
            await remove.mutateAsync({ id: deleting!.id });
          } catch {
            return;
          }
          toast('Account deleted');
          setDeleting(null);
          await refresh();
        }}
      />
    </>
  );
}

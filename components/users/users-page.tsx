'use client';
// /{org}/settings/users: the organization's users with search and role and status filters in the URL, sorting and
// pages; for those who manage members: add a user (password or invite), change a role inline, grant or revoke
// permissions, edit details, set a password, remove. Whatever the grant rule refuses is not offered (the server still
// decides); the only owner is told why they cannot step down.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { filterCheck } from '@/components/data-table/filter-problems';
import { useKeptData } from '@/components/data-table/use-kept-data';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { useTRPC } from '@/components/providers/trpc';
import { useRoles } from '@/components/roles/use-roles';
import { Avatar } from '@/components/shell/avatar';
import { UsersIcon } from '@/components/shell/nav-icons';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DateText } from '@/components/ui/date-text';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterChips, FilterPanel, FilterText } from '@/components/ui/list-filters';
import { Menu, type MenuEntry } from '@/components/ui/menu';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { Spinner } from '@/components/ui/spinner';
import { useToast } from '@/components/ui/toast';
import { USER_ORDERING, userFiltersInput, type OrganizationUserDto, type UserOrderingField } from '@/server/domain/users/organization-user.schema';
import { AddUserDialog } from './add-user-dialog';
import { RoleSelect } from './role-select';
import { EditUserDialog, PasswordDialog, PermissionsDialog } from './user-dialogs';

const PAGE = 25;
const FILTER_KEYS = ['search', 'role', 'status'] as const;
const checkFilters = filterCheck(userFiltersInput);
const FILTER_LABELS: Record<string, string> = { search: 'Search', role: 'Role', status: 'Status' };
const nameOf = (u: OrganizationUserDto) => `${u.firstName} ${u.lastName}`;

type Open = { kind: 'edit' | 'password' | 'permissions' | 'remove'; user: OrganizationUserDto } | null;

export function UsersPage({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { roles, can, mayActOn, isOwner } = useRoles();
  const list = useTableUrlState<UserOrderingField>({ defaultOrdering: 'name', sortable: USER_ORDERING, filterNames: FILTER_KEYS, limit: PAGE, check: checkFilters });
  const users = useQuery(trpc.users.list.queryOptions({ limit: list.limit, offset: list.offset, filters: list.filters, ordering: list.sort }, { placeholderData: keepPreviousData, enabled: can('members:read') }));
  const data = useKeptData(users);
  const me = useQuery(trpc.account.me.queryOptions());
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const [roleError, setRoleError] = useState<string | null>(null);
  const canManage = can('members:manage');
  const owners = roles.data?.find((r) => r.id === 'owner')?.members ?? 0;

  const setRole = useMutation(
    trpc.users.setRole.mutationOptions({
      onMutate: () => setRoleError(null),
      onSuccess: async (u) => {
        toast(`${nameOf(u)} is now ${u.role.builtIn ? u.role.name.toLowerCase() : `“${u.role.name}”`}`);
        await Promise.all([queryClient.invalidateQueries(trpc.users.pathFilter()), queryClient.invalidateQueries(trpc.roles.pathFilter()), queryClient.invalidateQueries(trpc.organization.get.queryFilter())]);
      },
      onError: (e) => setRoleError(readServerError(e).message),
    }),
  );
  const remove = useMutation(
    trpc.users.remove.mutationOptions({
      onSuccess: async () => {
        toast(`${open ? nameOf(open.user) : 'The user'} was removed from the organization`);
        setOpen(null);
        await Promise.all([queryClient.invalidateQueries(trpc.users.pathFilter()), queryClient.invalidateQueries(trpc.roles.pathFilter()), queryClient.invalidateQueries(trpc.statistics.pathFilter())]);
      },
    }),
  );

  const columns = useMemo<DataTableColumn<OrganizationUserDto>[]>(() => {
    const isMe = (u: OrganizationUserDto) => u.id === me.data?.id;
    const soleOwner = (u: OrganizationUserDto) => u.role.id === 'owner' && owners === 1;
    const managed = (u: OrganizationUserDto) => canManage && mayActOn({ permissions: u.effectivePermissions, owner: u.role.id === 'owner' });
    const roleCell = (u: OrganizationUserDto) => {
      if (soleOwner(u)) {
        return (
          <div className="space-y-1">
            <Badge tone="accent">Owner</Badge>
            <p className="max-w-48 text-xs text-zinc-500">Only owner: make someone else owner before stepping down.</p>
          </div>
        );
      }
      if (!managed(u)) return <Badge tone={u.role.id === 'owner' ? 'accent' : u.role.builtIn ? 'neutral' : 'success'}>{u.role.name}</Badge>;
      const busy = setRole.isPending && setRole.variables?.id === u.id;
      return (
        <div className="flex items-center gap-2">
          <RoleSelect label={`Role of ${nameOf(u)}`} className="w-40" value={u.role.id} grants={u.permissions} disabled={setRole.isPending} onChange={(role) => setRole.mutate({ id: u.id, role })} />
          {busy && <Spinner label="Saving role" className="text-zinc-500" />}
        </div>
      );
    };
    const actionsOf = (u: OrganizationUserDto) => {
      if (!canManage) return null;
      const mine = isMe(u);
      const mayAct = managed(u);
      const entries: MenuEntry[] = [
        { kind: 'item', key: 'permissions', label: 'Permissions…', onSelect: () => setOpen({ kind: 'permissions', user: u }), disabled: !mayAct },
        { kind: 'item', key: 'edit', label: 'Edit details…', onSelect: () => setOpen({ kind: 'edit', user: u }), disabled: !mayAct && !mine },
        ...(mine ? [] : [{ kind: 'item' as const, key: 'password', label: 'Set password…', onSelect: () => setOpen({ kind: 'password', user: u }), disabled: !mayAct }]),
        ...(mine ? [] : [{ kind: 'separator' as const, key: 'sep' }, { kind: 'item' as const, key: 'remove', label: 'Remove from organization…', onSelect: () => (remove.reset(), setOpen({ kind: 'remove', user: u })), disabled: !mayAct || soleOwner(u) }]),
      ];
      return (
        <Menu
          align="end"
          triggerLabel={`Actions for ${nameOf(u)}`}
          triggerClassName={buttonClass('ghost', 'sm')}
          trigger={
            <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-5">
              <path d="M10 6a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3Zm0 5.5a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3ZM11.5 15.5a1.5 1.5 0 1 0-3 0 1.5 1.5 0 0 0 3 0Z" />
            </svg>
          }
          entries={entries}
        />
      );
    };
    return [
      {
        id: 'name',
        header: 'User',
        sortDescFirst: false,
        meta: { primary: true },
        cell: ({ row }) => {
          const u = row.original;
          return (
            <div className="flex min-w-52 items-start gap-3 max-sm:min-w-0">
              <Avatar name={nameOf(u)} image={u.image} />
              <div className="min-w-0 flex-1">
                <p className="max-w-44 truncate font-medium text-zinc-900 max-sm:max-w-none sm:max-w-64">
                  {nameOf(u)} {isMe(u) && <Badge className="ml-1">You</Badge>}
                </p>
                <p className="max-w-44 truncate text-zinc-500 max-sm:max-w-none sm:max-w-64">{u.email}</p>
                {u.status === 'invited' && (
                  <Badge tone="warning" className="mt-1">
                    Invited
                  </Badge>
                )}
              </div>
              {/* On a phone the row's card has its actions beside the name (the table keeps them in its last column). */}
              <div className="-mt-1 shrink-0 sm:hidden">{actionsOf(u)}</div>
            </div>
          );
        },
      },
      { id: 'role', header: 'Role', enableSorting: false, meta: { primary: true }, cell: ({ row }) => roleCell(row.original) },
      {
        id: 'permissions',
        header: 'Direct permissions',
        enableSorting: false,
        meta: { priority: 'low', primary: true, cardLabel: 'Grants' },
        cell: ({ row }) => {
          const grants = row.original.permissions;
          if (grants.length === 0) return <span className="text-zinc-500">None</span>;
          return (
            <div className="flex max-w-56 flex-wrap gap-1">
              {grants.map((p) => (
                <Badge key={p} className="font-mono">
                  {p}
                </Badge>
              ))}
            </div>
          );
        },
      },
      { id: 'joinedAt', header: 'Joined', sortDescFirst: true, meta: { priority: 'low', className: 'whitespace-nowrap text-zinc-600' }, cell: ({ row }) => <DateText value={row.original.joinedAt} /> },
      {
        id: 'actions',
        enableSorting: false,
        header: () => <span className="sr-only">Actions</span>,
        meta: { align: 'right' },
        cell: ({ row }) => actionsOf(row.original),
      },
    ];
  }, [me.data?.id, owners, canManage, mayActOn, setRole, remove]);

  const filtered = Object.keys(list.filters).length > 0;
  const roleOptions = roles.data ?? [];

  if (!can('members:read')) {
    return (
      <>
        <PageHeader eyebrow="Settings" title="Users" />
        <Alert tone="info">Your role cannot see this organization&apos;s users. Ask an owner or admin.</Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Users"
        description={
          <>
            Who is in this organization and what each may do. Roles are described on the{' '}
            <Link href={`/${organizationId}/settings/roles`} className="font-medium text-accent-700 underline underline-offset-2 hover:text-accent-800">
              Roles
            </Link>{' '}
            page.
          </>
        }
        action={canManage ? <Button onClick={() => setAdding(true)}>Add user</Button> : undefined}
      />
      {isOwner && owners === 1 && (
        <Alert tone="info" className="mb-6">
          You are the only owner, so you cannot change your own role or leave. Make another member an owner first.
        </Alert>
      )}
      {roleError && (
        <Alert tone="error" title="The role was not changed" className="mb-6">
          {roleError}
        </Alert>
      )}
      <Card>
        <CardHeader
          title={data ? `${data.count} ${data.count === 1 ? 'user' : 'users'}${filtered ? ' match' : ''}` : 'Users'}
          action={
            filtered ? (
              <Button variant="ghost" size="sm" onClick={list.clearFilters}>
                Clear filters
              </Button>
            ) : undefined
          }
        />
        <FilterPanel active={Object.keys(list.filters).length} columns="sm:grid-cols-3" ignored={list.ignored} labels={FILTER_LABELS}>
          <FilterText label="Search" placeholder="Name or email" {...list.filter('search')} />
          <div className="min-w-0">
            <label htmlFor="users-role-filter" className="mb-1 block text-xs font-medium text-zinc-600">
              Role
            </label>
            <Select id="users-role-filter" value={list.filters.role ?? ''} onChange={(e) => list.setFilters({ role: e.target.value || null })}>
              <option value="">Any role</option>
              {roleOptions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </Select>
          </div>
          <FilterChips label="Status" options={[{ value: 'active', label: 'Active' }, { value: 'invited', label: 'Invited' }]} value={list.filters.status} onCommit={(v) => list.setFilters({ status: v })} />
        </FilterPanel>
        <DataTable
          label="Users"
          columns={columns}
          query={users}
          rows={users.data?.results}
          count={data?.count}
          url={list}
          loadingLabel="Loading users"
          loadingRows={6}
          rowAlign="top"
          getRowId={(u) => u.id}
          empty={
            <EmptyState
              icon={<UsersIcon />}
              title={filtered ? 'No users match these filters' : 'Nobody here yet'}
              description={filtered ? 'Loosen a filter, or clear them all.' : canManage ? 'Add a user to give them access.' : undefined}
            />
          }
        />
      </Card>
      {canManage && <AddUserDialog open={adding} onClose={() => setAdding(false)} />}
      {open?.kind === 'edit' && <EditUserDialog user={open.user} onClose={() => setOpen(null)} />}
      {open?.kind === 'password' && <PasswordDialog user={open.user} onClose={() => setOpen(null)} />}
      {open?.kind === 'permissions' && <PermissionsDialog user={open.user} onClose={() => setOpen(null)} />}
      <ConfirmDialog
        open={open?.kind === 'remove'}
        title={`Remove ${open ? nameOf(open.user) : ''}?`}
        description={`${open ? nameOf(open.user) : ''} can no longer act in this organization, and API keys they created stop working. Their account, sessions and calls stay.`}
        confirmLabel="Remove user"
        busy={remove.isPending}
        error={remove.error ? readServerError(remove.error).message : null}
        onCancel={() => setOpen(null)}
        onConfirm={() => open && remove.mutate({ id: open.user.id })}
      />
    </>
  );
}

'use client';
// /{org}/settings/roles: the matrix of roles × permissions, each permission in words. Built-in roles are read-only;
// custom roles are made and changed right in the matrix (a column of checkboxes, first after the permissions, so it is
// in view on a phone too) and deleted behind a confirmation that says who becomes a member.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { cx } from '@/components/ui/cx';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { TableScroller } from '@/components/ui/table-scroller';
import { useToast } from '@/components/ui/toast';
import type { Permission } from '@/server/auth/permissions';
import { roleInput, type PermissionDto, type RoleDto } from '@/server/domain/roles/role.schema';
import { areaName, byArea } from './permission-areas';
import { useRoles } from './use-roles';

type Draft = { id: string | null; name: string; description: string; permissions: Permission[] };

export function RolesPage() {
  const trpc = useTRPC();
  const { roles, can } = useRoles();
  const permissions = useQuery(trpc.roles.permissions.queryOptions());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [deleting, setDeleting] = useState<RoleDto | null>(null);
  const canManage = can('roles:manage');
  const toast = useToast();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.roles.delete.mutationOptions({
      onSuccess: async () => {
        toast(`The role “${deleting?.name}” was deleted`);
        setDeleting(null);
        await Promise.all([queryClient.invalidateQueries(trpc.roles.pathFilter()), queryClient.invalidateQueries(trpc.users.pathFilter())]);
      },
    }),
  );

  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Roles"
        description="What each role may do. Built-in roles are fixed; build custom roles from the same permissions."
        action={
          canManage && !draft ? (
            <Button onClick={() => setDraft({ id: null, name: '', description: '', permissions: [] })}>New role</Button>
          ) : undefined
        }
      />
      {!can('members:read') ? (
        <Alert tone="info">Your role cannot see this organization&apos;s roles. Ask an owner or admin.</Alert>
      ) : (
        <QueryState query={roles} loadingLabel="Loading roles" rows={8} frame="page">
          {(roleList) => (
            <QueryState query={permissions} loadingLabel="Loading permissions" rows={8} frame="page">
              {(permissionList) => (
                <Matrix
                  key={draft?.id ?? (draft ? 'new' : 'view')}
                  roles={roleList}
                  permissions={permissionList}
                  draft={draft}
                  canManage={canManage}
                  onEdit={(r) => setDraft({ id: r.id, name: r.name, description: r.description ?? '', permissions: [...r.permissions] })}
                  onDelete={(r) => (remove.reset(), setDeleting(r))}
                  onDone={() => setDraft(null)}
                />
              )}
            </QueryState>
          )}
        </QueryState>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        description={
          deleting && deleting.members > 0
            ? `${deleting.members} ${deleting.members === 1 ? 'person holds' : 'people hold'} this role: they become members at once, and the security log says so. Their direct permissions stay.`
            : 'Nobody holds this role. It is removed from every role menu.'
        }
        confirmLabel="Delete role"
        busy={remove.isPending}
        error={remove.error ? readServerError(remove.error).message : null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </>
  );
}

function Matrix(props: { roles: RoleDto[]; permissions: PermissionDto[]; draft: Draft | null; canManage: boolean; onEdit: (r: RoleDto) => void; onDelete: (r: RoleDto) => void; onDone: () => void }) {
  const { draft } = props;
  const { mayGivePermission } = useRoles();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const create = useMutation(trpc.roles.create.mutationOptions());
  const update = useMutation(trpc.roles.update.mutationOptions());
  const form = useZodForm({
    schema: roleInput,
    initialValues: { name: draft?.name ?? '', description: draft?.description ?? '', permissions: draft?.permissions ?? [] },
    toInput: (v) => ({ ...v, description: v.description.trim() ? v.description : null }),
    guard: draft !== null,
    onSubmit: async (input) => {
      const saved = draft?.id ? await update.mutateAsync({ id: draft.id, role: input }) : await create.mutateAsync(input);
      await Promise.all([queryClient.invalidateQueries(trpc.roles.pathFilter()), queryClient.invalidateQueries(trpc.users.pathFilter()), queryClient.invalidateQueries(trpc.organization.get.queryFilter())]);
      toast(draft?.id ? `The role “${saved.name}” was saved` : `The role “${saved.name}” was created`);
      props.onDone();
    },
  });
  const shown = props.roles.filter((r) => r.id !== draft?.id);
  const selected = new Set(form.values.permissions);
  const toggle = (p: Permission, on: boolean) => form.setValue('permissions', props.permissions.map((x) => x.id).filter((x) => (x === p ? on : selected.has(x))));
  const draftLabel = form.values.name.trim() || (draft?.id ? draft.name : 'New role');
  const groups = byArea(props.permissions);
  const columns = 1 + shown.length + (draft ? 1 : 0);

  return (
    <div className="space-y-6">
      {draft && (
        <Card aria-labelledby="role-form-title">
          <CardHeader
            id="role-form-title"
            title={draft.id ? `Edit “${draft.name}”` : 'New role'}
            description={`Tick what it may do in the highlighted column below. You can give only what you hold yourself. ${selected.size} of ${props.permissions.length} permissions chosen.`}
          />
          <form id="role-form" noValidate onSubmit={form.handleSubmit} className="space-y-4 px-4 py-5 sm:px-6">
            {form.formError && <Alert tone="error">{form.formError}</Alert>}
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField id={form.id('name')} label="Role name" error={form.error('name')}>
                <Input {...form.text('name')} autoComplete="off" />
              </FormField>
              <FormField id={form.id('description')} label="Description" optional error={form.error('description')}>
                <Input {...form.text('description')} autoComplete="off" />
              </FormField>
            </div>
            {form.error('permissions') && <Alert tone="error">{form.error('permissions')}</Alert>}
            <div className="flex flex-wrap gap-3">
              <Button type="submit" busy={form.submitting}>
                {draft.id ? 'Save role' : 'Create role'}
              </Button>
              <Button variant="secondary" onClick={props.onDone} disabled={form.submitting}>
                Cancel
              </Button>
            </div>
          </form>
        </Card>
      )}
      <Card aria-labelledby="matrix-title">
        <CardHeader id="matrix-title" title="Permissions by role" description="Each member holds one role; direct permissions on the Users page come on top of it." />
        {/* On a phone two role columns fit beside the permissions: say that the others are a swipe away. */}
        {columns > 3 && (
          <p className="border-b border-zinc-100 px-4 py-2 text-xs text-zinc-500 sm:hidden">
            Swipe the table sideways to see all {columns - 1} {draft ? 'columns' : 'roles'}; the permissions stay in place.
          </p>
        )}
        <TableScroller label="Roles and permissions">
          <table className="w-full border-separate border-spacing-0 text-left text-sm" aria-label="Roles and permissions">
            <thead className="text-xs text-zinc-500">
              <tr>
                <th scope="col" className="sticky left-0 z-10 border-b border-zinc-100 bg-white py-3 pr-3 pl-4 font-medium sm:pl-6">
                  Permission
                </th>
                {draft && (
                  <th scope="col" className="border-b border-accent-200 bg-accent-50 px-3 py-3 text-center align-bottom font-semibold text-accent-800">
                    <span className="block max-w-32 truncate">{draftLabel}</span>
                    <span className="font-normal">{draft.id ? 'editing' : 'new'}</span>
                  </th>
                )}
                {shown.map((r) => (
                  <th key={r.id} scope="col" className="border-b border-zinc-100 px-3 py-3 text-center align-bottom font-medium">
                    <span className="block text-sm font-semibold text-zinc-900">{r.name}</span>
                    <span className="mt-1 block">
                      {r.builtIn ? <Badge>Built-in</Badge> : <Badge tone="accent">Custom</Badge>}
                    </span>
                    <span className="mt-1 block font-normal whitespace-nowrap">
                      {r.members} {r.members === 1 ? 'member' : 'members'}
                    </span>
                    {!r.builtIn && props.canManage && !draft && (
                      <span className="mt-1 flex justify-center gap-1">
                        <Button variant="ghost" size="sm" onClick={() => props.onEdit(r)} aria-label={`Edit ${r.name}`}>
                          Edit
                        </Button>
                        <Button variant="danger-ghost" size="sm" onClick={() => props.onDelete(r)} aria-label={`Delete ${r.name}`}>
                          Delete
                        </Button>
                      </span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <Fragment key={g.area}>
                  <tr>
                    <th scope="colgroup" colSpan={columns} className="sticky left-0 border-b border-zinc-100 bg-zinc-50 py-2 pl-4 text-xs font-semibold tracking-wide text-zinc-600 uppercase sm:pl-6">
                      {areaName(g.area)}
                    </th>
                  </tr>
                  {g.items.map((p) => {
                    const grantable = mayGivePermission(p.id);
                    return (
                      <tr key={p.id} className="align-top">
                        <th scope="row" className="sticky left-0 z-10 w-48 max-w-48 border-b border-zinc-100 bg-white py-2.5 pr-3 pl-4 font-normal sm:w-auto sm:max-w-80 sm:pl-6">
                          <span className="block text-zinc-800">{p.label}</span>
                          <code className="text-xs text-zinc-500">{p.id}</code>
                        </th>
                        {draft && (
                          <td className="border-b border-accent-100 bg-accent-50/60 px-3 py-2.5 text-center">
                            <input
                              type="checkbox"
                              className="size-4 rounded border-zinc-300 accent-accent-600 disabled:cursor-not-allowed disabled:opacity-40"
                              aria-label={`${p.label} (${p.id}) in ${draftLabel}`}
                              title={grantable ? undefined : 'You do not hold this permission, so you cannot give it'}
                              checked={selected.has(p.id)}
                              disabled={!grantable && !selected.has(p.id)}
                              onChange={(e) => toggle(p.id, e.target.checked)}
                            />
                          </td>
                        )}
                        {shown.map((r) => (
                          <td key={r.id} className="border-b border-zinc-100 px-3 py-2.5 text-center">
                            <Held held={r.permissions.includes(p.id)} />
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </Fragment>
              ))}
            </tbody>
          </table>
        </TableScroller>
      </Card>
    </div>
  );
}

function Held({ held }: { held: boolean }) {
  return held ? (
    <svg role="img" aria-label="Yes" viewBox="0 0 20 20" fill="currentColor" className="mx-auto size-5 text-accent-600">
      <path fillRule="evenodd" clipRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
    </svg>
  ) : (
    <span className={cx('text-zinc-300')} aria-label="No" role="img">
      –
    </span>
  );
}

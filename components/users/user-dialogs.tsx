'use client';
// The dialogs of one user on the users page: their details, a new password (which ends their sessions), and their
// direct permissions — what their role gives shown as such, each direct grant given or taken at a click.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { areaName, byArea } from '@/components/roles/permission-areas';
import { useRoles } from '@/components/roles/use-roles';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFormActions } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import type { Permission } from '@/server/auth/permissions';
import { setUserPasswordInput, updateUserInput, type OrganizationUserDto } from '@/server/domain/users/organization-user.schema';

const nameOf = (u: OrganizationUserDto) => `${u.firstName} ${u.lastName}`;

export function EditUserDialog({ user, onClose }: { user: OrganizationUserDto; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const update = useMutation(trpc.users.update.mutationOptions());
  const initialValues = { email: user.email, firstName: user.firstName, lastName: user.lastName };
  const form = useZodForm({
    schema: updateUserInput,
    initialValues,
    onSubmit: async (profile) => {
      const saved = await update.mutateAsync({ id: user.id, profile });
      await queryClient.invalidateQueries(trpc.users.pathFilter());
      toast(`${nameOf(saved)}’s details were saved`);
      onClose();
    },
  });
  return (
    <Dialog open onClose={() => !form.submitting && onClose()} title={`Edit ${nameOf(user)}`} description="Their name and the email they sign in with.">
      <form noValidate onSubmit={form.handleSubmit} className="space-y-4">
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <FormField id={form.id('email')} label="Email" error={form.error('email')}>
          <Input {...form.text('email')} type="email" autoComplete="off" />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id={form.id('firstName')} label="First name" error={form.error('firstName')}>
            <Input {...form.text('firstName')} autoComplete="off" />
          </FormField>
          <FormField id={form.id('lastName')} label="Last name" error={form.error('lastName')}>
            <Input {...form.text('lastName')} autoComplete="off" />
          </FormField>
        </div>
        <DialogFormActions onCancel={onClose} busy={form.submitting} submitLabel="Save" />
      </form>
    </Dialog>
  );
}

export function PasswordDialog({ user, onClose }: { user: OrganizationUserDto; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const set = useMutation(trpc.users.setPassword.mutationOptions());
  const form = useZodForm({
    schema: setUserPasswordInput,
    initialValues: { password: '' },
    onSubmit: async ({ password }) => {
      await set.mutateAsync({ id: user.id, password });
      await queryClient.invalidateQueries(trpc.users.pathFilter());
      toast(`${nameOf(user)}’s password was set; they were signed out everywhere`);
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={() => !form.submitting && onClose()}
      title={`Set ${nameOf(user)}’s password`}
      description={user.status === 'invited' ? 'They can sign in with it at once; their invite link stops working.' : 'They are signed out on every device and sign in again with the new password.'}
    >
      <form noValidate onSubmit={form.handleSubmit} className="space-y-4">
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <FormField id={form.id('password')} label="New password" hint="At least 8 characters. Tell them yourself: it is not emailed." error={form.error('password')}>
          <Input {...form.text('password', { hint: true })} type="password" autoComplete="new-password" />
        </FormField>
        <DialogFormActions onCancel={onClose} busy={form.submitting} submitLabel="Set password" />
      </form>
    </Dialog>
  );
}

/** Direct grants: what the role gives is ticked and fixed; each other permission is granted or revoked at a click. */
export function PermissionsDialog({ user, onClose }: { user: OrganizationUserDto; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const permissions = useQuery(trpc.roles.permissions.queryOptions());
  // The row as the server last answered it, so each click builds on the one before.
  const [current, setCurrent] = useState(user);
  const [error, setError] = useState<string | null>(null);
  // A click shows at once; the server's answer (or refusal) settles it.
  const [pending, setPending] = useState<Partial<Record<Permission, boolean>>>({});
  const { mayGivePermission } = useRoles();
  const grant = useMutation(trpc.users.grant.mutationOptions());
  const revoke = useMutation(trpc.users.revoke.mutationOptions());
  const busy = grant.isPending || revoke.isPending;
  const direct = new Set(current.permissions);
  const fromRole = new Set(current.effectivePermissions.filter((p) => !direct.has(p)));
  const toggle = async (p: Permission, on: boolean) => {
    setError(null);
    setPending((m) => ({ ...m, [p]: on }));
    try {
      if (on) setCurrent(await grant.mutateAsync({ id: user.id, permission: p }));
      else {
        await revoke.mutateAsync({ id: user.id, permission: p });
        // The answer is empty: read the person again (their role may give the permission too).
        setCurrent(await queryClient.fetchQuery({ ...trpc.users.get.queryOptions({ id: user.id }), staleTime: 0 }));
      }
      void queryClient.invalidateQueries(trpc.users.pathFilter());
    } catch (e) {
      setError(readServerError(e).message);
    } finally {
      setPending(({ [p]: _, ...rest }) => rest);
    }
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={`${nameOf(user)}’s permissions`}
      description={`The role ${current.role.name} gives what is ticked and greyed; tick more to grant them directly. You can grant only what you hold.`}
      footer={<Button onClick={onClose}>Done</Button>}
    >
      {error && (
        <Alert tone="error" className="mb-3">
          {error}
        </Alert>
      )}
      <div className="-mx-2 max-h-[55vh] space-y-4 overflow-y-auto px-2" aria-busy={busy || undefined}>
        {byArea(permissions.data ?? []).map((g) => (
          <fieldset key={g.area}>
            <legend className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{areaName(g.area)}</legend>
            <ul className="space-y-1.5">
              {g.items.map((p) => {
                const viaRole = fromRole.has(p.id);
                const id = `grant-${user.id}-${p.id}`;
                return (
                  <li key={p.id} className="flex items-start gap-3">
                    <input
                      id={id}
                      type="checkbox"
                      className="mt-0.5 size-4 shrink-0 rounded border-zinc-300 accent-accent-600 disabled:cursor-not-allowed disabled:opacity-50"
                      checked={pending[p.id] ?? (viaRole || direct.has(p.id))}
                      disabled={busy || viaRole || (!direct.has(p.id) && !mayGivePermission(p.id))}
                      onChange={(e) => void toggle(p.id, e.target.checked)}
                    />
                    <label htmlFor={id} className="min-w-0 text-sm leading-5">
                      <span className="text-zinc-800">{p.label}</span>{' '}
                      <code className="text-xs text-zinc-500">{p.id}</code>
                      {viaRole && <span className="block text-xs text-zinc-500">From the role</span>}
                      {direct.has(p.id) && <span className="block text-xs font-medium text-accent-700">Granted directly</span>}
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
      </div>
    </Dialog>
  );
}

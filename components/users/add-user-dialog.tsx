'use client';
// Adds a user: their name and email, their role, and how they get in — an emailed invite to choose their own password
// (the default), or a password set now that they can use at once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Dialog, DialogFormActions } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { createUserInput } from '@/server/domain/users/organization-user.schema';
import { RoleSelect } from './role-select';

const EMPTY = { email: '', firstName: '', lastName: '', role: 'member', how: 'invite' as 'invite' | 'password', password: '' };

export function AddUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const create = useMutation(trpc.users.create.mutationOptions());
  const form = useZodForm({
    schema: createUserInput,
    initialValues: EMPTY,
    guard: open,
    toInput: ({ how, password, ...v }) => ({ ...v, ...(how === 'password' ? { password } : {}) }),
    onSubmit: async (input) => {
      const user = await create.mutateAsync(input);
      await Promise.all([queryClient.invalidateQueries(trpc.users.pathFilter()), queryClient.invalidateQueries(trpc.roles.pathFilter()), queryClient.invalidateQueries(trpc.statistics.pathFilter())]);
      const name = `${user.firstName} ${user.lastName}`;
      toast(user.status === 'invited' ? `${name} was added: an invite to choose a password is on its way to ${user.email}` : `${name} was added and can sign in now`);
      form.reset(EMPTY);
      onClose();
    },
  });
  const close = () => {
    if (form.submitting) return;
    form.reset(EMPTY);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title="Add a user" description="They join this organization with the role you choose.">
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
        <FormField id={form.id('role')} label="Role" error={form.error('role')}>
          <RoleSelect id={form.id('role')} value={form.values.role} onChange={(role) => form.setValue('role', role)} />
        </FormField>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800">How they sign in</legend>
          {(
            [
              ['invite', 'Email an invite', 'They choose their own password from a link valid for a week.'],
              ['password', 'Set a password now', 'They can sign in at once; tell them the password yourself.'],
            ] as const
          ).map(([value, label, hint]) => (
            <label key={value} className="flex cursor-pointer items-start gap-3 rounded-lg p-2 ring-1 ring-zinc-200 has-checked:bg-accent-50 has-checked:ring-accent-300">
              <input type="radio" name={form.id('how')} value={value} checked={form.values.how === value} onChange={() => form.setValue('how', value)} className="mt-0.5 accent-accent-600" />
              <span className="text-sm">
                <span className="block font-medium text-zinc-800">{label}</span>
                <span className="block text-zinc-500">{hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {form.values.how === 'password' && (
          <FormField id={form.id('password')} label="Password" hint="At least 8 characters." error={form.error('password')}>
            <Input {...form.text('password', { hint: true })} type="password" autoComplete="new-password" />
          </FormField>
        )}
        <DialogFormActions onCancel={close} busy={form.submitting} submitLabel="Add user" />
      </form>
    </Dialog>
  );
}

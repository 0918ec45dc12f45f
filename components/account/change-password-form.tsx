'use client';
// Changes the signed-in user's password: the current one, a new one and its confirmation.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import { useZodForm, type FieldErrors } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { changePasswordInput } from '@/server/domain/identity/user.schema';

const empty = { password: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const form = useZodForm({
    schema: changePasswordInput,
    initialValues: empty,
    toInput: ({ password, newPassword }) => ({ password, newPassword }),
    check: (v): FieldErrors => (v.confirmPassword !== v.newPassword ? { confirmPassword: 'The passwords do not match' } : {}),
    onSubmit: async (input) => {
      await change.mutateAsync(input);
      // The change ended every session, this one included: sign this tab straight back in with the new password.
      const me = queryClient.getQueryData(trpc.account.me.queryKey());
      const again = me ? await signIn('credentials', { login: me.email, password: input.newPassword, redirect: false }) : null;
      if (!again || again.error) return window.location.assign('/login');
      form.reset(empty);
      toast('Password changed. You were signed out everywhere else.');
    },
  });

  return (
    <Card aria-labelledby="password-title">
      <CardHeader id="password-title" title="Password" description="Changing it signs you out on every other browser and device." />
      <form noValidate onSubmit={form.handleSubmit}>
        <CardBody className="space-y-6">
          {form.formError && <Alert tone="error">{form.formError}</Alert>}
          <div className="grid gap-6 sm:grid-cols-2">
            <FormField id={form.id('password')} label="Current password" error={form.error('password')} className="sm:col-span-2 sm:w-[calc(50%-0.75rem)]">
              <Input {...form.text('password')} type="password" autoComplete="current-password" />
            </FormField>
            <FormField id={form.id('newPassword')} label="New password" hint="At least 8 characters." error={form.error('newPassword')}>
              <Input {...form.text('newPassword', { hint: true })} type="password" autoComplete="new-password" />
            </FormField>
            <FormField id={form.id('confirmPassword')} label="Confirm new password" error={form.error('confirmPassword')}>
              <Input {...form.text('confirmPassword')} type="password" autoComplete="new-password" />
            </FormField>
          </div>
        </CardBody>
        <CardFooter>
          <Button type="submit" busy={form.submitting}>
            Change password
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}

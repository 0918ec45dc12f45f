'use client';
// The emailed reset link: checks it first (not valid, expired), then sets the new password and signs in with it.
import Link from 'next/link';
import { useMutation, useQuery } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import { useZodForm, type FieldErrors } from '@/components/forms/use-zod-form';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { passwordResetConfirmInput } from '@/server/domain/identity/user.schema';
import { AuthCard } from './auth-card';

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const check = useQuery(trpc.account.checkPasswordReset.queryOptions({ token }, { retry: false, staleTime: Infinity }));
  const confirm = useMutation(trpc.account.confirmPasswordReset.mutationOptions());
  const form = useZodForm({
    schema: passwordResetConfirmInput,
    initialValues: { newPassword: '', confirmPassword: '' },
    toInput: ({ newPassword }) => ({ token, newPassword }),
    check: (v): FieldErrors => (v.confirmPassword !== v.newPassword ? { confirmPassword: 'The passwords do not match' } : {}),
    onSubmit: async ({ newPassword }) => {
      const { email } = await confirm.mutateAsync({ token, newPassword });
      const result = await signIn('credentials', { login: email, password: newPassword, redirect: false });
      window.location.assign(result && !result.error ? '/' : '/login');
    },
  });

  if (check.isPending) {
    return (
      <AuthCard title="Choose a new password">
        <div className="flex justify-center py-6" role="status" aria-label="Checking your link">
          <Spinner />
        </div>
      </AuthCard>
    );
  }
  if (check.isError) {
    const { message } = readServerError(check.error);
    return (
      <AuthCard title="This link cannot be used">
        <div className="space-y-5">
          <Alert tone="error">{message}</Alert>
          <Link href="/forgot-password" className={buttonClass('primary', 'md', 'w-full justify-center')}>
            Send a new link
          </Link>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Choose a new password" subtitle={<>For {check.data.email}. You will be signed out everywhere else.</>}>
      <form noValidate onSubmit={form.handleSubmit} className="space-y-5">
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <FormField id={form.id('newPassword')} label="New password" hint="At least 8 characters." error={form.error('newPassword')}>
          <Input {...form.text('newPassword', { hint: true })} type="password" autoComplete="new-password" autoFocus />
        </FormField>
        <FormField id={form.id('confirmPassword')} label="Confirm new password" error={form.error('confirmPassword')}>
          <Input {...form.text('confirmPassword')} type="password" autoComplete="new-password" />
        </FormField>
        <Button type="submit" className="w-full" busy={form.submitting}>
          Set new password
        </Button>
      </form>
    </AuthCard>
  );
}

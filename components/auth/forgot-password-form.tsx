'use client';
// Asks for the account's email and sends a reset link; the answer is the same whether or not the address has an account.
import Link from 'next/link';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { passwordResetRequestInput } from '@/server/domain/identity/user.schema';
import { AuthCard } from './auth-card';

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useZodForm({
    schema: passwordResetRequestInput,
    initialValues: { email: '' },
    onSubmit: async (input) => {
      await request.mutateAsync(input);
      setSentTo(input.email);
    },
  });
  const backToSignIn = (
    <Link href="/login" className="font-medium text-accent-600 hover:text-accent-700">
      Back to sign in
    </Link>
  );

  if (sentTo) {
    return (
      <AuthCard title="Check your inbox" footer={backToSignIn}>
        <div role="status" className="space-y-3 text-sm text-zinc-600">
          <p>
            If <strong className="text-zinc-900">{sentTo}</strong> belongs to a Pitchcraft account, we have sent it a link to choose a new password.
          </p>
          <p>The link works once, for one hour. Nothing arrived? Check your spam folder, or try again in a few minutes.</p>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Forgot your password?" subtitle="Enter the email you sign in with and we will send you a link to choose a new one." footer={backToSignIn}>
      <form noValidate onSubmit={form.handleSubmit} className="space-y-5">
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <FormField id={form.id('email')} label="Email" error={form.error('email')}>
          <Input {...form.text('email')} type="email" autoComplete="email" autoFocus placeholder="you@company.com" />
        </FormField>
        <Button type="submit" className="w-full" busy={form.submitting}>
          Send reset link
        </Button>
      </form>
    </AuthCard>
  );
}

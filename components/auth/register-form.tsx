'use client';
// Create an account (validated with the server's registerInput), sign in, then continue to onboarding.
import Link from 'next/link';
import { useMutation } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { registerInput } from '@/server/domain/identity/user.schema';
import { AuthCard } from './auth-card';

export function RegisterForm() {
  const trpc = useTRPC();
  const register = useMutation(trpc.account.register.mutationOptions());
  const form = useZodForm({
    schema: registerInput,
    initialValues: { firstName: '', lastName: '', email: '', username: '', password: '' },
    toInput: (v) => ({ ...v, username: v.username.trim() || undefined }),
    onSubmit: async (input) => {
      await register.mutateAsync(input);
      const result = await signIn('credentials', { login: input.email, password: input.password, redirect: false });
      window.location.assign(result && !result.error ? '/onboarding' : '/login');
    },
  });

  return (
    <AuthCard
      title="Create your account"
      subtitle="Start coaching your sales team in minutes."
      footer={
        <>
          Already have an account?{' '}
          <Link href="/login" className="font-medium text-accent-600 hover:text-accent-700">
            Sign in
          </Link>
        </>
      }
    >
      <form noValidate onSubmit={form.handleSubmit} className="space-y-5">
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField id={form.id('firstName')} label="First name" error={form.error('firstName')}>
            <Input {...form.text('firstName')} autoComplete="given-name" autoFocus />
          </FormField>
          <FormField id={form.id('lastName')} label="Last name" error={form.error('lastName')}>
            <Input {...form.text('lastName')} autoComplete="family-name" />
          </FormField>
        </div>
        <FormField id={form.id('email')} label="Work email" error={form.error('email')}>
          <Input {...form.text('email')} type="email" autoComplete="email" placeholder="you@company.com" />
        </FormField>
        <FormField id={form.id('username')} label="Username" optional hint="Letters, digits, dot, dash and underscore." error={form.error('username')}>
          <Input {...form.text('username', { hint: true })} autoComplete="username" />
        </FormField>
        <FormField id={form.id('password')} label="Password" hint="At least 8 characters." error={form.error('password')}>
          <Input {...form.text('password', { hint: true })} type="password" autoComplete="new-password" />
        </FormField>
        <Button type="submit" className="w-full" busy={form.submitting}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}

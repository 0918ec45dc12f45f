'use client';
// Sign in with email or username and password through next-auth's credentials provider.
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { z } from 'zod';
import { useZodForm } from '@/components/forms/use-zod-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { AuthCard } from './auth-card';
import { safeCallback } from './safe-callback';

// The sign-in form's own shape (next-auth takes `login`, not the REST token body).
const loginInput = z.object({ login: z.string().trim().min(1, 'Enter your email or username'), password: z.string().min(1, 'Enter your password') });

export function LoginForm({ registrationOpen }: { registrationOpen: boolean }) {
  const params = useSearchParams();
  const form = useZodForm({
    schema: loginInput,
    initialValues: { login: '', password: '' },
    // What was typed here is not work to lose.
    guard: false,
    onSubmit: async (input) => {
      const result = await signIn('credentials', { login: input.login, password: input.password, redirect: false });
      if (!result || result.error) {
        // Any other error text comes from the server's own messages (throttling, outage), written for people.
        form.setFormError(result?.error === 'CredentialsSignin' || !result ? 'The email, username or password is incorrect.' : result.error);
        return;
      }
      // A full page load starts every cache fresh for the signed-in user.
      window.location.assign(safeCallback(params.get('callbackUrl')));
    },
  });

  return (
    <AuthCard
      title="Sign in to Pitchcraft"
      subtitle="Use the email or username and password of your Pitchcraft account."
      footer={
        registrationOpen ? (
          <>
            New to Pitchcraft?{' '}
            <Link href="/register" className="font-medium text-accent-600 hover:text-accent-700">
              Create an account
            </Link>
          </>
        ) : undefined
      }
    >
      <form noValidate onSubmit={form.handleSubmit} className="space-y-5">
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <FormField id={form.id('login')} label="Email or username" error={form.error('login')}>
          <Input {...form.text('login')} autoComplete="username" autoFocus />
        </FormField>
        <FormField id={form.id('password')} label="Password" error={form.error('password')}>
          <Input {...form.text('password')} type="password" autoComplete="current-password" />
        </FormField>
        <p className="-mt-2 text-right text-sm">
          <Link href="/forgot-password" className="font-medium text-accent-600 hover:text-accent-700">
            Forgot password?
          </Link>
        </p>
        <Button type="submit" className="w-full" busy={form.submitting}>
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}

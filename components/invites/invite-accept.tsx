'use client';
// Joining a team from an invite: one click when signed in with the invited address; signing in first when the
// address has an account; otherwise a short sign-up for the invited address. The invite is used once. An invite to
// the organization alone (an admin added the person) reads "Join {organization}" and fills in the name they gave.
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { signIn, signOut } from 'next-auth/react';
import { useState } from 'react';
import { AuthCard } from '@/components/auth/auth-card';
import { readServerError } from '@/components/forms/server-error';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { acceptInviteInput, type InvitePreviewDto } from '@/server/domain/invites/invite.schema';

type Props = { token: string; invite: InvitePreviewDto; signedInAs: { email: string; name: string } | null };

/** What accepting joins: the team, or the organization for an invite to it alone. */
const joinWhat = (invite: InvitePreviewDto) => invite.teamName ?? invite.organizationName;

export function InviteAccept({ token, invite, signedInAs }: Props) {
  const subtitle = invite.teamName ? (
    <>
      {invite.organizationName} invites <strong className="font-medium text-zinc-700">{invite.email}</strong> to the team <strong className="font-medium text-zinc-700">{invite.teamName}</strong>
      {invite.role === 'manager' ? ' as a manager' : ''}.
    </>
  ) : (
    <>
      {invite.organizationName} added <strong className="font-medium text-zinc-700">{invite.email}</strong>. Choose a password to start.
    </>
  );
  const callback = `/invite/${encodeURIComponent(token)}`;
  if (signedInAs && signedInAs.email !== invite.email) {
    return (
      <AuthCard title={`Join ${joinWhat(invite)}`} subtitle={subtitle}>
        <Alert tone="warning" title="You are signed in with another address">
          You are signed in as {signedInAs.email}. This invite is for {invite.email}: sign out, then open the link again and sign in or sign up with that address.
        </Alert>
        <Button variant="secondary" className="mt-5 w-full" onClick={() => void signOut({ callbackUrl: callback })}>
          Sign out
        </Button>
      </AuthCard>
    );
  }
  if (signedInAs) return <JoinAsMe token={token} invite={invite} subtitle={subtitle} name={signedInAs.name} />;
  if (invite.existingAccount) {
    return (
      <AuthCard title={`Join ${joinWhat(invite)}`} subtitle={subtitle}>
        <p className="text-center text-sm text-zinc-600">You already have a Pitchcraft account with this address. Sign in to join the team.</p>
        <Link href={`/login?callbackUrl=${encodeURIComponent(callback)}`} className={buttonClass('primary', 'md', 'mt-5 w-full')}>
          Sign in to join
        </Link>
      </AuthCard>
    );
  }
  return <SignUpAndJoin token={token} invite={invite} subtitle={subtitle} />;
}

function JoinAsMe({ token, invite, subtitle, name }: { token: string; invite: InvitePreviewDto; subtitle: React.ReactNode; name: string }) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.invites.acceptAsMe.mutationOptions({ onSuccess: (joined) => window.location.assign(`/${joined.organizationId}`) }));
  return (
    <AuthCard title={`Join ${joinWhat(invite)}`} subtitle={subtitle}>
      {accept.error && <Alert tone="error" className="mb-5">{readServerError(accept.error).message}</Alert>}
      <p className="text-center text-sm text-zinc-600">Signed in as {name}.</p>
      <Button className="mt-5 w-full" busy={accept.isPending} onClick={() => accept.mutate({ token })}>
        Join {joinWhat(invite)}
      </Button>
    </AuthCard>
  );
}

function SignUpAndJoin({ token, invite, subtitle }: { token: string; invite: InvitePreviewDto; subtitle: React.ReactNode }) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.invites.acceptWithAccount.mutationOptions());
  const [signInFailed, setSignInFailed] = useState(false);
  const form = useZodForm({
    schema: acceptInviteInput,
    initialValues: { firstName: invite.suggestedName?.firstName ?? '', lastName: invite.suggestedName?.lastName ?? '', password: '' },
    onSubmit: async (account) => {
      const joined = await accept.mutateAsync({ token, account });
      const result = await signIn('credentials', { login: invite.email, password: account.password, redirect: false });
      if (!result || result.error) return setSignInFailed(true);
      window.location.assign(`/${joined.organizationId}`);
    },
  });
  if (signInFailed) {
    return (
      <AuthCard title="You have joined" subtitle={`Your account for ${invite.email} is ready and you are in ${joinWhat(invite)}.`}>
        <Link href="/login" className={buttonClass('primary', 'md', 'w-full')}>
          Sign in
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Join ${joinWhat(invite)}`} subtitle={subtitle}>
      <form noValidate onSubmit={form.handleSubmit} className="space-y-5">
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <FormField id="invite-email" label="Email">
          <Input id="invite-email" value={invite.email} readOnly disabled autoComplete="email" />
        </FormField>
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField id={form.id('firstName')} label="First name" error={form.error('firstName')}>
            <Input {...form.text('firstName')} autoComplete="given-name" autoFocus />
          </FormField>
          <FormField id={form.id('lastName')} label="Last name" error={form.error('lastName')}>
            <Input {...form.text('lastName')} autoComplete="family-name" />
          </FormField>
        </div>
        <FormField id={form.id('password')} label="Choose a password" hint="At least 8 characters." error={form.error('password')}>
          <Input {...form.text('password', { hint: true })} type="password" autoComplete="new-password" />
        </FormField>
        <Button type="submit" className="w-full" busy={form.submitting}>
          Create account and join
        </Button>
      </form>
    </AuthCard>
  );
}

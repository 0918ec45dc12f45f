// /invite/{token} – the page an invite email links to: join the team (signing up or in first), or a clear page when
// the link is unknown, expired, withdrawn or already used.
import type { Metadata } from 'next';
import Link from 'next/link';
import { randomUUID } from 'node:crypto';
import { connection } from 'next/server';
import { AuthCard } from '@/components/auth/auth-card';
import { InviteAccept } from '@/components/invites/invite-accept';
import { currentUserId } from '@/server/auth/next-auth';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/root';

export const metadata: Metadata = { title: 'Team invite' };

const createCaller = createCallerFactory(appRouter);

const TITLES = { unknown: 'Invite not found', expired: 'This invite has expired', used: 'This invite was already used', withdrawn: 'This invite was withdrawn' } as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  await connection();
  const userId = await currentUserId();
  const caller = createCaller({ userId, requestedOrganizationId: null, requestId: randomUUID(), ip: null });
  // A token too long for the schema is as unknown as any other.
  const link = await caller.invites.linkState({ token }).catch(() => ({ state: 'unknown' as const }));

  if (link.state !== 'valid') {
    return (
      <AuthCard
        title={TITLES[link.state]}
        subtitle={link.state === 'unknown' ? 'This link does not match any invite. Check that you opened the whole link from the email, or ask your manager to send a new one.' : link.message}
        footer={
          <Link href="/login" className="font-medium text-accent-600 hover:text-accent-700">
            Go to sign in
          </Link>
        }
      />
    );
  }
  const me = userId ? await caller.account.me().catch(() => null) : null;
  return <InviteAccept token={token} invite={link.invite} signedInAs={me ? { email: me.email, name: `${me.firstName} ${me.lastName}` } : null} />;
}

// /chat – the chat of an external user who arrived by an access link (its guest session, an httpOnly cookie). Made for
// a phone first: the conversation fills the screen. Without a working guest session: a clear page saying so.
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { AuthCard } from '@/components/auth/auth-card';
import { GuestChat } from '@/components/chat/guest-chat';
import { Logo } from '@/components/shell/logo';
import { GUEST_COOKIE, resolveGuestContext } from '@/server/auth/guest-session';
import { externalUserOrganizationName } from '@/server/domain/external-users/register-external-user';

export const metadata: Metadata = { title: 'Chat' };

export default async function GuestChatPage({ searchParams }: { searchParams: Promise<{ left?: string }> }) {
  await connection();
  const token = (await cookies()).get(GUEST_COOKIE)?.value ?? null;
  const ctx = await resolveGuestContext(token, 'guest-page', null).catch(() => null);
  if (!ctx?.organizationId) {
    const left = (await searchParams).left === '1';
    return (
      <div className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
        <div className="mb-8">
          <Logo />
        </div>
        <main className="w-full max-w-md">
          {left ? (
            <AuthCard title="You left the chat" subtitle="This browser is signed out of your conversation. To come back, open your link again while it still works, or ask for a new one: your conversation is kept." />
          ) : (
            <AuthCard title="Open your link to chat" subtitle="This page shows your conversation once you open the link you were sent and confirm it. If your link has expired, ask for a new one: your conversation is kept." />
          )}
        </main>
      </div>
    );
  }
  return <GuestChat organizationName={await externalUserOrganizationName(ctx)} />;
}

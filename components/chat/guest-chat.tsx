'use client';
// The external user's chat: its own tRPC client (guest mode) and live event stream, its conversations (usually one,
// with the rep who sent the link), the selected one filling the screen.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TRPCReactProvider } from '@/components/providers/trpc-react-provider';
import { useTRPC } from '@/components/providers/trpc';
import { RealtimeProvider } from '@/components/realtime/realtime-provider';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { QueryError } from '@/components/ui/query-error';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Logo } from '@/components/shell/logo';
import { ConversationThread, conversationTitle } from './conversation-thread';

export function GuestChat({ organizationName }: { organizationName: string }) {
  return (
    <TRPCReactProvider organizationId={null} guest>
      <RealtimeProvider>
        <GuestChatScreen organizationName={organizationName} />
      </RealtimeProvider>
    </TRPCReactProvider>
  );
}

function GuestChatScreen({ organizationName }: { organizationName: string }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.conversations.me.queryOptions());
  const list = useQuery(trpc.conversations.list.queryOptions({ limit: 50, offset: 0 }));
  const [chosen, setChosen] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [leaveProblem, setLeaveProblem] = useState<string | null>(null);
  // Leaving clears this browser's guest session (DELETE /api/guest-session); the link, while it works, lets them back.
  async function leave() {
    setLeaving(true);
    setLeaveProblem(null);
    try {
      const res = await fetch('/api/guest-session', { method: 'DELETE', headers: { 'x-pitchcraft-csrf': '1' }, credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      window.location.assign('/chat?left=1');
    } catch {
      setLeaveProblem(navigator.onLine === false ? 'You seem to be offline, so you are still signed in here: try again once you are back online.' : 'Could not sign you out of this chat: try again in a moment.');
      setLeaving(false);
    }
  }
  const conversations = list.data?.results ?? [];
  const current = chosen ?? conversations[0]?.id ?? null;
  const title = (id: string) => {
    const c = conversations.find((x) => x.id === id);
    return c && me.data ? conversationTitle(c, me.data.userId) : organizationName;
  };
  return (
    <div className="flex h-dvh flex-col bg-zinc-50">
      <header className="flex items-center gap-3 border-b border-zinc-200 bg-white px-4 py-2.5">
        <Logo nameClassName="hidden sm:inline" />
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-sm font-semibold text-zinc-900">{current ? title(current) : organizationName}</h1>
          <p className="truncate text-xs text-zinc-500">{organizationName}{me.data ? ` · you are ${me.data.name}` : ''}</p>
        </div>
        <Button variant="ghost" size="sm" busy={leaving} onClick={() => void leave()} title="Sign this browser out of the chat">
          Leave
        </Button>
      </header>
      {leaveProblem && (
        <div className="border-b border-zinc-200 bg-white px-4 py-2">
          <Alert tone="error">{leaveProblem}</Alert>
        </div>
      )}
      {conversations.length > 1 && (
        <nav aria-label="Your conversations" className="flex gap-2 overflow-x-auto border-b border-zinc-200 bg-white px-4 py-2">
          {conversations.map((c) => (
            <button
              key={c.id}
              type="button"
              aria-current={c.id === current ? 'true' : undefined}
              onClick={() => setChosen(c.id)}
              className={cx('flex shrink-0 items-center gap-1.5 rounded-full px-3 py-1 text-sm', c.id === current ? 'bg-accent-600 text-white' : 'bg-zinc-100 text-zinc-800 hover:bg-zinc-200')}
            >
              {title(c.id)}
              {c.unread > 0 && c.id !== current && <Badge tone="danger">{c.unread}</Badge>}
            </button>
          ))}
        </nav>
      )}
      <main className="flex min-h-0 flex-1 flex-col">
        {list.isError || me.isError ? (
          <div className="p-4">
            <QueryError error={list.error ?? me.error} onRetry={() => void Promise.all([list.refetch(), me.refetch()])} />
          </div>
        ) : !list.data || !me.data ? (
          <div className="p-4">
            <SkeletonRows label="Loading your conversation" />
          </div>
        ) : current ? (
          <ConversationThread key={current} conversationId={current} me={me.data.userId} className="mx-auto h-full w-full max-w-3xl flex-1" />
        ) : (
          <p className="mx-auto max-w-sm px-6 py-16 text-center text-sm text-zinc-600">
            {organizationName} has not started a conversation with you yet. Keep this page open: it shows up here as soon as they write.
          </p>
        )}
      </main>
    </div>
  );
}

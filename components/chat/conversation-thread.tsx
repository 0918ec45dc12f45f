'use client';
// One conversation: its messages oldest to newest with the newest at the bottom (older pages on demand), live through
// the tab's event stream, and a composer (1–4,000 characters; Enter sends, Shift+Enter starts a new line). The stream
// resumes from its last event id after a reconnect and re-reads everything when it cannot (RealtimeProvider); the
// thread also re-reads when the browser comes back online, so no message is lost either way.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { useRealtimeEvent } from '@/components/realtime/realtime-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { QueryError } from '@/components/ui/query-error';
import { SkeletonRows } from '@/components/ui/skeleton';
import { MAX_MESSAGE_LENGTH, type ConversationDto, type MessageDto } from '@/server/domain/conversations/conversation.schema';

const PAGE = 50;
const TIME = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric' });

export const conversationTitle = (c: Pick<ConversationDto, 'name' | 'participants' | 'type'>, me: string) =>
  c.name ?? (c.participants.filter((p) => p.userId !== me).map((p) => p.name).join(', ') || 'Just you');

export function ConversationThread({ conversationId, me, className }: { conversationId: string; me: string; className?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const conversation = useQuery(trpc.conversations.get.queryOptions({ id: conversationId }));
  const newest = useQuery(trpc.conversations.messages.queryOptions({ id: conversationId, limit: PAGE }));
  const [earlier, setEarlier] = useState<MessageDto[]>([]);
  const [earlierHasMore, setEarlierHasMore] = useState<boolean | null>(null);
  const [loadingEarlier, setLoadingEarlier] = useState(false);

  // A message of this conversation arrived: read the newest page again (it also marks it read).
  useRealtimeEvent('message.created', (event) => {
    const payload = event.payload as { conversationId?: string };
    if (payload.conversationId === conversationId) void queryClient.invalidateQueries({ queryKey: trpc.conversations.messages.queryKey({ id: conversationId, limit: PAGE }) });
  });
  useEffect(() => {
    const online = () => void queryClient.invalidateQueries({ queryKey: trpc.conversations.pathKey() });
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [queryClient, trpc]);

  const shown = useMemo(() => {
    const byId = new Map<string, MessageDto>();
    for (const m of [...earlier, ...(newest.data?.results ?? [])]) byId.set(m.id, m);
    return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }, [earlier, newest.data]);
  const hasMore = earlierHasMore ?? newest.data?.hasMore ?? false;

  async function loadEarlier() {
    const oldest = shown[0];
    if (!oldest) return;
    setLoadingEarlier(true);
    try {
      const page = await queryClient.fetchQuery(trpc.conversations.messages.queryOptions({ id: conversationId, limit: PAGE, before: oldest.id }));
      setEarlier((prev) => [...page.results, ...prev]);
      setEarlierHasMore(page.hasMore);
    } finally {
      setLoadingEarlier(false);
    }
  }

  // Stay at the bottom when a message arrives, unless the reader scrolled up to read older ones.
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const lastId = shown.at(-1)?.id;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [lastId]);

  const names = new Map(conversation.data?.participants.map((p) => [p.userId, p.name]) ?? []);
  const group = conversation.data?.type === 'group';

  return (
    <section aria-label="Conversation" className={cx('flex min-h-0 flex-col', className)}>
      <div
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        }}
        className="min-h-0 flex-1 overflow-y-auto px-4 py-4 sm:px-6"
        role="log"
        aria-live="polite"
        aria-label="Messages"
        tabIndex={0}
      >
        {newest.isError && !newest.data ? (
          <QueryError error={newest.error} onRetry={() => void newest.refetch()} />
        ) : !newest.data ? (
          <SkeletonRows rows={4} label="Loading messages" />
        ) : shown.length === 0 ? (
          <p className="py-10 text-center text-sm text-zinc-500">No messages yet. Say hello below.</p>
        ) : (
          <ol className="space-y-3">
            {hasMore && (
              <li className="flex justify-center">
                <Button variant="secondary" size="sm" busy={loadingEarlier} onClick={() => void loadEarlier()}>
                  Show earlier messages
                </Button>
              </li>
            )}
            {shown.map((m, i) => {
              const mine = m.senderId === me;
              const prev = shown[i - 1];
              const newDay = !prev || DAY.format(new Date(prev.createdAt)) !== DAY.format(new Date(m.createdAt));
              return (
                <li key={m.id}>
                  {newDay && <p className="my-2 text-center text-xs font-medium text-zinc-500">{DAY.format(new Date(m.createdAt))}</p>}
                  <div className={cx('flex', mine ? 'justify-end' : 'justify-start')}>
                    <div className={cx('max-w-[85%] rounded-2xl px-3.5 py-2 text-sm shadow-sm sm:max-w-[70%]', mine ? 'rounded-br-md bg-accent-600 text-white' : 'rounded-bl-md bg-white text-zinc-900 ring-1 ring-zinc-200')}>
                      {!mine && group && <p className="mb-0.5 text-xs font-semibold text-accent-700">{m.senderId ? (names.get(m.senderId) ?? 'Former participant') : 'Deleted account'}</p>}
                      <p className="break-words whitespace-pre-wrap">{m.message}</p>
                      <p className={cx('mt-1 text-right text-[11px]', mine ? 'text-white/85' : 'text-zinc-500')}>
                        <span className="sr-only">{mine ? 'You, ' : `${m.senderId ? (names.get(m.senderId) ?? 'Former participant') : 'Deleted account'}, `}</span>
                        <time dateTime={m.createdAt}>{TIME.format(new Date(m.createdAt))}</time>
                      </p>
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <Composer conversationId={conversationId} onSent={() => (pinned.current = true)} />
    </section>
  );
}

function Composer({ conversationId, onSent }: { conversationId: string; onSent: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const send = useMutation(
    trpc.conversations.send.mutationOptions({
      onSuccess: () => {
        setText('');
        onSent();
        void queryClient.invalidateQueries({ queryKey: trpc.conversations.pathKey() });
      },
      // What was written stays in the box when sending fails.
      onError: (error) => setProblem(readServerError(error).message),
    }),
  );
  const length = text.trim().length;
  const tooLong = text.length > MAX_MESSAGE_LENGTH;

  function submit() {
    if (send.isPending) return;
    if (length === 0) return setProblem('Write a message first');
    if (tooLong) return setProblem(`A message holds at most ${MAX_MESSAGE_LENGTH.toLocaleString('en-US')} characters`);
    setProblem(null);
    send.mutate({ id: conversationId, message: text });
  }

  return (
    <form
      className="border-t border-zinc-200 bg-white px-3 py-3 sm:px-6"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {problem && (
        <Alert tone="error" className="mb-2">
          {problem}
        </Alert>
      )}
      <div className="flex items-end gap-2">
        <label htmlFor={id} className="sr-only">
          Message
        </label>
        <textarea
          id={id}
          value={text}
          rows={1}
          placeholder="Write a message…"
          aria-invalid={tooLong || undefined}
          aria-describedby={`${id}-count`}
          onChange={(e) => {
            setText(e.target.value);
            if (problem) setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
          className="max-h-40 min-h-10 flex-1 resize-none rounded-lg border-0 px-3 py-2 text-sm text-zinc-900 shadow-sm ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-500 focus:ring-2 focus:ring-accent-600 focus:outline-none [field-sizing:content]"
        />
        <Button type="submit" busy={send.isPending}>
          Send
        </Button>
      </div>
      <p id={`${id}-count`} className={cx('mt-1 text-right text-xs', tooLong ? 'font-medium text-red-700' : 'text-zinc-500')}>
        {text.length > MAX_MESSAGE_LENGTH - 500 ? `${text.length.toLocaleString('en-US')} / ${MAX_MESSAGE_LENGTH.toLocaleString('en-US')}` : 'Enter sends · Shift+Enter for a new line'}
      </p>
    </form>
  );
}

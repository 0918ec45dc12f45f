'use client';
// One live event subscription per organization tab: invalidates the queries an event makes stale (live-queries.ts)
// and hands events to components that asked for them (useRealtimeEvent). Reconnects resume from the last event id.
// The stream listens from the moment it connects: once it says so (`ready`), the tab reads again what it read before,
// so a change committed between a page's first queries and that moment is not missed.
import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { rereadEverything } from '@/components/providers/query-data';
import { useTRPC } from '@/components/providers/trpc';
import { LIVE_QUERIES } from './live-queries';

export type LiveEvent = { id: string; type: string; payload: unknown; createdAt: string };
type Handler = (event: LiveEvent) => void;

const RealtimeContext = createContext<Set<Handler> | null>(null);

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const handlers = useRef(new Set<Handler>()).current;
  useSubscription(
    trpc.realtime.events.subscriptionOptions(
      { lastEventId: null },
      {
        onData: (item) => {
          if (!('data' in item)) {
            // Listening (untracked: it carries no event id). Opened from now, what was read before is read again.
            if (!item.resumed) void rereadEverything(queryClient);
            return;
          }
          const event = item.data as LiveEvent;
          const keys = LIVE_QUERIES[event.type]?.((path) => [path]) ?? [];
          for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
          // Missed events, or access that ended (removed, password changed): everything shown is read again.
          if (event.type === 'reset' || event.type === 'access.ended') void rereadEverything(queryClient);
          for (const handler of handlers) handler(event);
        },
      },
    ),
  );
  return <RealtimeContext.Provider value={handlers}>{children}</RealtimeContext.Provider>;
}

/** Calls `handler` for each live event of the given types while the component is mounted. */
export function useRealtimeEvent(types: string | readonly string[], handler: Handler) {
  const handlers = useContext(RealtimeContext);
  const latest = useRef(handler);
  latest.current = handler;
  const list = typeof types === 'string' ? [types] : types;
  const key = list.join('|');
  useEffect(() => {
    if (!handlers) return;
    const wanted = new Set(key.split('|'));
    const h: Handler = (e) => wanted.has(e.type) && latest.current(e);
    handlers.add(h);
    return () => void handlers.delete(h);
  }, [handlers, key]);
}

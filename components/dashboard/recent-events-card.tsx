'use client';
// The last few entries of the security log (who signed in, which keys were made or revoked, membership changes),
// with the way to the whole log.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { eventLabel, summarizeDetail } from '@/components/audit/audit-event-text';
import { EventTime } from '@/components/audit/event-time';
import { useTRPC } from '@/components/providers/trpc';
import { ShieldIcon } from '@/components/shell/nav-icons';
import { buttonClass } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';

const SHOWN = 5;

export function RecentEventsCard({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const events = useQuery(trpc.audit.list.queryOptions({ limit: SHOWN, offset: 0 }));
  return (
    <Card aria-labelledby="dashboard-events-title">
      <CardHeader
        id="dashboard-events-title"
        title="Recent security events"
        description="Sign-ins, API keys and membership changes."
        action={
          <Link href={`/${organizationId}/settings/security`} className={buttonClass('secondary', 'sm')}>
            Security log
          </Link>
        }
      />
      <QueryState query={events} loadingLabel="Loading recent events" rows={4} frame="inset">
        {(page) =>
          page.count === 0 ? (
            <EmptyState className="py-8" icon={<ShieldIcon />} title="Nothing yet" description="Sign-ins, API keys and membership changes will show here." />
          ) : (
            <ul className="divide-y divide-zinc-100">
              {page.results.map((e) => {
                const detail = summarizeDetail(e);
                const who = e.actor.name ?? (e.actor.kind === 'apiKey' ? 'A deleted API key' : e.actor.kind === 'user' ? 'A deleted user' : null);
                return (
                  <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5 px-6 py-3 text-sm">
                    <div className="min-w-0">
                      <p className="font-medium text-zinc-900">{eventLabel(e.type)}</p>
                      <p className="truncate text-zinc-600">{[who, detail].filter(Boolean).join(' · ') || '—'}</p>
                    </div>
                    <p className="shrink-0 text-xs text-zinc-500">
                      <EventTime at={e.createdAt} />
                    </p>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </Card>
  );
}

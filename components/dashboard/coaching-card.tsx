'use client';
// The dashboard's coaching card: your own practice (sessions, average), the sessions you can see (your teams', or the
// whole organization's), and the way to the next pitch.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/providers/trpc';
import { buttonClass } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

function Figure({ label, value, caption }: { label: string; value: string | null | undefined; caption?: string }) {
  return (
    <div>
      <dt className="text-sm text-zinc-500">{label}</dt>
      <dd className="mt-1">
        {value === undefined ? <Skeleton className="h-8 w-12" /> : <span className="text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums" aria-label={`${label}: ${value ?? 'none'}`}>{value ?? '—'}</span>}
        {caption && <span className="mt-0.5 block text-xs text-zinc-500">{caption}</span>}
      </dd>
    </div>
  );
}

export function CoachingCard({ organizationId, canPractise, seesOthers }: { organizationId: string; canPractise: boolean; seesOthers: boolean }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const stats = useQuery(trpc.statistics.get.queryOptions());
  const mine = me.data;
  const all = stats.data?.sessions;
  // The one team a manager leads opens its dashboard straight away; with several, the teams list shows them all.
  const led = mine?.teams.filter((t) => t.role === 'manager') ?? [];
  const average = mine?.performance == null ? null : Math.round(mine.performance);
  return (
    <Card aria-labelledby="dashboard-coaching-title">
      <CardHeader
        id="dashboard-coaching-title"
        title="Practice"
        description={average !== null ? `Your average is ${average}. Beat it.` : 'Record a pitch and get a score with coaching.'}
        action={
          canPractise && (
            <Link href={`/${organizationId}/practice`} className={buttonClass('primary', 'sm')}>
              Start practising
            </Link>
          )
        }
      />
      <dl className="grid grid-cols-2 gap-6 px-6 py-5 sm:grid-cols-4">
        <Figure label="Your sessions" value={mine ? String(mine.sessionCount) : undefined} />
        <Figure label="Your average" value={mine ? (average === null ? null : String(average)) : undefined} />
        {seesOthers && <Figure label="Sessions you can see" value={all ? String(all.total) : undefined} caption={mine?.isManager ? 'Yours and your teams’' : 'The whole organization’s'} />}
        {seesOthers && (
          <Figure
            label="Their average score"
            value={all ? (all.averageScore === null ? null : String(Math.round(all.averageScore))) : undefined}
            caption={mine?.isManager ? 'Across your and your teams’ sessions' : 'Across every session here'}
          />
        )}
      </dl>
      <p className="border-t border-zinc-100 px-6 py-3 text-sm">
        <Link href={`/${organizationId}/sessions`} className="font-medium text-accent-600 hover:text-accent-700">
          Your sessions
        </Link>
        {seesOthers && (
          <>
            {' · '}
            {led.length === 1 ? (
              <Link href={`/${organizationId}/teams/${led[0]!.id}`} className="font-medium text-accent-600 hover:text-accent-700">
                {led[0]!.name} dashboard
              </Link>
            ) : (
              <Link href={`/${organizationId}/teams`} className="font-medium text-accent-600 hover:text-accent-700">
                Your teams
              </Link>
            )}
          </>
        )}
      </p>
    </Card>
  );
}

'use client';
// "My sessions": the signed-in rep's own practice history.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { SessionsExplorer } from './sessions-explorer';

export function MySessions({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  return (
    <>
      <PageHeader
        eyebrow="Coaching"
        title="My sessions"
        description={me.data ? (me.data.performance === null ? 'Your practice history.' : `Your average score is ${Math.round(me.data.performance)} over ${me.data.sessionCount} ${me.data.sessionCount === 1 ? 'session' : 'sessions'}.`) : ' '}
      />
      <QueryState query={me} loadingLabel="Loading" rows={6} frame="page">
        {(m) => <SessionsExplorer organizationId={organizationId} userId={m.id} own />}
      </QueryState>
    </>
  );
}

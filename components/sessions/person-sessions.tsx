'use client';
// One person's sessions, opened from a team dashboard by one of their managers.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { useNavSection } from '@/components/shell/nav-section';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { SessionsExplorer } from './sessions-explorer';

export function PersonSessions({ organizationId, userId }: { organizationId: string; userId: string }) {
  const trpc = useTRPC();
  const person = useQuery(trpc.sessions.ofUser.queryOptions({ userId, limit: 1 }));
  const me = useQuery(trpc.account.me.queryOptions());
  const own = me.data?.id === userId;
  useNavSection(me.data ? `/${organizationId}/${own ? 'sessions' : 'teams'}` : null);
  if (person.isError) {
    return (
      <>
        <PageHeader eyebrow="Sessions" title="Sessions" />
        <QueryError
          error={person.error}
          title="These sessions could not be opened"
          onRetry={() => void person.refetch()}
          refusal={{
            notFound: 'Someone’s sessions are shown to them and to the managers of their teams',
            back: { href: `/${organizationId}/teams`, label: 'Back to teams' },
          }}
        />
      </>
    );
  }
  const p = person.data;
  return (
    <>
      <PageHeader
        breadcrumbs={me.data && !own ? [{ href: `/${organizationId}/teams`, label: 'Teams' }, { label: p ? `${p.firstName} ${p.lastName}` : 'Sessions' }] : undefined}
        eyebrow="Sessions of"
        title={p ? `${p.firstName} ${p.lastName}` : ' '}
        description={p ? `${p.count} ${p.count === 1 ? 'session' : 'sessions'} recorded.` : undefined} />
      <SessionsExplorer organizationId={organizationId} userId={userId} own={own} />
    </>
  );
}

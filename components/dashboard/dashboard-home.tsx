'use client';
// The organization's home: a greeting, headline counts and what to do next when the organization is new.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/providers/trpc';
import { KeyIcon, MicIcon, ShieldIcon, TrendIcon, UsersIcon } from '@/components/shell/nav-icons';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { buttonClass } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { OrganizationSummary } from './organization-summary';
import { StatCard } from './stat-card';

export function DashboardHome({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const stats = useQuery(trpc.statistics.get.queryOptions());
  const { organization, can } = useOrganizationAccess();
  const s = stats.data;

  return (
    <>
      <PageHeader
        eyebrow={organization.data?.name ?? ' '}
        title={me.data ? `Welcome back, ${me.data.firstName}` : 'Welcome back'}
        description="Here is what is happening in your organization."
      />
      {!stats.isError && (
        <div className="mb-4 grid gap-4 sm:grid-cols-3">
          <StatCard
            label="Practice sessions"
            value={s?.sessions.total}
            icon={<MicIcon />}
            caption={s && (can('coaching:admin') ? 'Recorded in the organization' : me.data?.isManager ? 'Yours and your teams’' : 'Yours so far')}
          />
          <StatCard label="Average score" value={s ? (s.sessions.averageScore === null ? null : Math.round(s.sessions.averageScore)) : undefined} icon={<TrendIcon />} caption={s && (s.sessions.scored ? `Over ${s.sessions.scored} scored ${s.sessions.scored === 1 ? 'session' : 'sessions'}` : 'No scores yet')} />
          <div className="flex flex-col justify-between gap-3 rounded-xl border border-accent-200 bg-accent-50 p-5">
            <div>
              <h2 className="text-sm font-semibold text-accent-800">Practise a pitch</h2>
              <p className="mt-1 text-sm text-accent-700">{me.data?.performance != null ? `Your average is ${me.data.performance}. Beat it.` : 'Record a pitch and get a score with coaching.'}</p>
            </div>
            {can('sessions:write') && (
              <Link href={`/${organizationId}/practice`} className={buttonClass('primary', 'sm', 'self-start')}>
                Start practising
              </Link>
            )}
          </div>
        </div>
      )}
      {stats.isError ? (
        <QueryError title="Statistics could not be loaded" error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-3">
          <StatCard label="Members" value={s?.members} icon={<UsersIcon />} caption={s && (s.members === 1 ? 'Just you so far' : 'People in this organization')} />
          <StatCard label="API keys" value={s?.apiKeys.total} icon={<KeyIcon />} caption={s && (s.apiKeys.total === 0 ? 'None created yet' : 'Created, including revoked')} />
          <StatCard
            label="Active API keys"
            value={s?.apiKeys.active}
            icon={<ShieldIcon />}
            caption={s && (s.apiKeys.active === 0 ? 'No integration can connect' : 'Not revoked or expired')}
          />
        </div>
      )}

      <div className="mt-8 grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          {s && s.apiKeys.active === 0 ? (
            <Card>
              <EmptyState
                icon={<KeyIcon />}
                title={s.apiKeys.total === 0 ? 'Connect your first integration' : 'No active API keys'}
                description={
                  s.apiKeys.total === 0
                    ? 'An API key lets your CRM, dialer or scripts use the Pitchcraft REST API on behalf of this organization.'
                    : 'Every key has been revoked or has expired, so no integration can reach the REST API right now.'
                }
                action={
                  can('apiKeys:manage') ? (
                    <Link href={`/${organizationId}/settings/api-keys`} className={buttonClass('primary')}>
                      Create an API key
                    </Link>
                  ) : (
                    <p className="text-sm text-zinc-500">Ask an owner or admin to create one.</p>
                  )
                }
              />
            </Card>
          ) : (
            <Card>
              <CardHeader
                title="Integrations"
                description={s ? `${s.apiKeys.active} active API ${s.apiKeys.active === 1 ? 'key' : 'keys'} can reach the REST API.` : 'Loading…'}
                action={
                  <Link href={`/${organizationId}/settings/api-keys`} className={buttonClass('secondary', 'sm')}>
                    Manage keys
                  </Link>
                }
              />
              <p className="px-6 py-5 text-sm text-zinc-500">
                Keys act for this organization with the scopes you chose. Revoke any key you no longer use; it stops working at once.
              </p>
            </Card>
          )}
        </div>
        <div className="lg:col-span-2">
          <OrganizationSummary organizationId={organizationId} />
        </div>
      </div>
    </>
  );
}

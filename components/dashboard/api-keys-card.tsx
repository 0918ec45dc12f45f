'use client';
// The dashboard's view of API access: how many keys work now, how many were revoked or expired, and the latest
// active ones with when they were last used; or, with none, the way to connect a first integration.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/providers/trpc';
import { KeyIcon } from '@/components/shell/nav-icons';
import { buttonClass } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { DateText } from '@/components/ui/date-text';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';

const SHOWN = 4;

export function ApiKeysCard({ organizationId, canManage }: { organizationId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const keys = useQuery(trpc.apiKeys.list.queryOptions({ limit: SHOWN, offset: 0 }));
  const statistics = useQuery(trpc.statistics.get.queryOptions());
  const s = statistics.data?.apiKeys;
  const inactive = s ? s.total - s.active : 0;
  const href = `/${organizationId}/settings/api-keys`;

  const summary = !s ? undefined : s.active === 0 ? (s.total === 0 ? 'No keys yet.' : 'No key works right now.') : `${s.active} active${inactive ? `, ${inactive} revoked or expired` : ''}.`;

  return (
    <Card aria-labelledby="dashboard-keys-title">
      <CardHeader
        id="dashboard-keys-title"
        title="API keys"
        description={summary}
        action={
          <Link href={href} className={buttonClass('secondary', 'sm')}>
            {canManage ? 'Manage' : 'View all'}
          </Link>
        }
      />
      <QueryState query={keys} loadingLabel="Loading API keys" rows={3} frame="inset">
        {(page) =>
          page.count === 0 ? (
            <EmptyState
              className="py-8"
              icon={<KeyIcon />}
              title={s && s.total > 0 ? 'No active API keys' : 'Connect your first integration'}
              description={
                s && s.total > 0
                  ? 'Every key has been revoked or has expired, so no integration can reach the REST API right now.'
                  : 'An API key lets your CRM, dialer or scripts use the Pitchcraft REST API on behalf of this organization.'
              }
              action={
                canManage ? (
                  <Link href={href} className={buttonClass('primary')}>
                    Create an API key
                  </Link>
                ) : (
                  <p className="text-sm text-zinc-600">Ask an owner or admin to create one.</p>
                )
              }
            />
          ) : (
            <ul className="divide-y divide-zinc-100">
              {page.results.map((k) => (
                <li key={k.id} className="flex items-center justify-between gap-4 px-6 py-3 text-sm">
                  <div className="min-w-0">
                    <p className="truncate font-medium text-zinc-900">{k.name}</p>
                    <code className="font-mono text-xs text-zinc-600">{k.prefix}…</code>
                  </div>
                  <p className="shrink-0 text-right text-zinc-600">
                    <span className="block text-xs text-zinc-500">Last used</span>
                    <DateText value={k.lastUsedAt} fallback="Never" />
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Card>
  );
}

'use client';
// The organization's active API keys (name, prefix, scopes, last use, expiry) with revoke behind a confirmation.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { KeyIcon } from '@/components/shell/nav-icons';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DateText } from '@/components/ui/date-text';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { stickyEndCell, TableScroller } from '@/components/ui/table-scroller';
import { useToast } from '@/components/ui/toast';
import { PERMISSION_LABELS, PERMISSIONS } from '@/server/auth/permissions';
import type { ApiKeyDto } from '@/server/domain/api-keys/api-key.schema';
import { QueryState } from '@/components/ui/query-state';

const PAGE = 50;

export function ApiKeysTable({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [offset, setOffset] = useState(0);
  const [revoking, setRevoking] = useState<ApiKeyDto | null>(null);
  const keys = useQuery(trpc.apiKeys.list.queryOptions({ limit: PAGE, offset }, { placeholderData: (previous) => previous }));
  // Whether keys existed before: "none yet" and "all revoked" call for different words.
  const statistics = useQuery(trpc.statistics.get.queryOptions());
  const everCreated = (statistics.data?.apiKeys?.total ?? 0) > 0;
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        toast(`API key “${revoking?.name}” revoked`);
        setRevoking(null);
        await Promise.all([queryClient.invalidateQueries(trpc.apiKeys.list.queryFilter()), queryClient.invalidateQueries(trpc.statistics.pathFilter())]);
      },
    }),
  );

  const data = keys.data;
  const emptyLaterPage = !!data && !keys.isPlaceholderData && data.results.length === 0 && offset > 0;
  useEffect(() => {
    // Revoking the last key of a later page leaves that page empty: step back.
    if (emptyLaterPage) setOffset((o) => Math.max(0, o - PAGE));
  }, [emptyLaterPage]);

  return (
    <Card aria-labelledby="keys-title">
      <CardHeader id="keys-title" title="Active keys" description={data ? `${data.count} active ${data.count === 1 ? 'key' : 'keys'}` : undefined} />
      <QueryState query={keys} loadingLabel="Loading API keys" rows={4} frame="inset">{(data) => data.count === 0 ? (
        everCreated ? (
          <EmptyState
            icon={<KeyIcon />}
            title="No active keys"
            description={`Every key created here has been revoked or has expired, so no integration can reach the API right now.${canManage ? ' Create a new key to connect one again.' : ''}`}
          />
        ) : (
          <EmptyState icon={<KeyIcon />} title="No API keys yet" description={canManage ? 'Create a key above to connect your CRM, dialer or scripts to Pitchcraft.' : 'An owner or admin can create one to connect your CRM, dialer or scripts.'} />
        )
      ) : (
        <>
          <TableScroller label="API keys">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-zinc-100 text-xs text-zinc-500">
                <tr>
                  <th scope="col" className="px-6 py-3 font-medium">Name</th>
                  <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Key</th>
                  <th scope="col" className="px-4 py-3 font-medium">Scopes</th>
                  <th scope="col" className="px-4 py-3 font-medium whitespace-nowrap">Last used</th>
                  <th scope="col" className="px-4 py-3 font-medium">Expires</th>
                  <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Created</th>
                  {canManage && (
                    <th scope="col" className={`px-4 py-3 sm:px-6 ${stickyEndCell}`}>
                      <span className="sr-only">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {data.results.map((k) => (
                  <tr key={k.id} className="align-top">
                    <td className="max-w-48 px-4 py-3 font-medium wrap-anywhere text-zinc-900 sm:px-6">
                      {k.name}
                      {/* On a phone the prefix sits under the name instead of in a column of its own. */}
                      <code className="mt-1 block w-fit rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs font-normal whitespace-nowrap text-zinc-700 sm:hidden">{k.prefix}…</code>
                    </td>
                    <td className="hidden px-4 py-3 sm:table-cell">
                      <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs whitespace-nowrap text-zinc-700">{k.prefix}…</code>
                    </td>
                    <td className="px-4 py-3">
                      <Scopes scopes={k.scopes} />
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap text-zinc-600">
                      <DateText value={k.lastUsedAt} fallback="Never" />
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap text-zinc-600">
                      <DateText value={k.expiresAt} fallback="Never" />
                    </td>
                    <td className="hidden px-4 py-3 whitespace-nowrap text-zinc-600 sm:table-cell">
                      <DateText value={k.createdAt} />
                    </td>
                    {canManage && (
                      <td className={`px-4 py-2 text-right sm:px-6 ${stickyEndCell}`}>
                        <Button variant="danger-ghost" size="sm" onClick={() => (revoke.reset(), setRevoking(k))} aria-label={`Revoke ${k.name}`}>
                          Revoke
                        </Button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
          <Pagination offset={offset} limit={PAGE} count={data.count} onChange={setOffset} label="API key pages" />
        </>
      )}</QueryState>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        description="Anything using this key stops working immediately. This cannot be undone."
        confirmLabel="Revoke key"
        busy={revoke.isPending}
        error={revoke.error ? readServerError(revoke.error).message : null}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
      />
    </Card>
  );
}

function Scopes({ scopes }: { scopes: readonly string[] }) {
  if (scopes.length === PERMISSIONS.length) return <Badge tone="accent">All scopes</Badge>;
  // Its creator lost every permission the key had: it still authenticates, but may do nothing.
  if (scopes.length === 0) return <Badge tone="warning">No scopes left</Badge>;
  return (
    <div className="flex max-w-xs flex-wrap gap-1">
      {scopes.map((s) => (
        <Badge key={s} className="font-mono">
          <span title={PERMISSION_LABELS[s as keyof typeof PERMISSION_LABELS]}>{s}</span>
        </Badge>
      ))}
    </div>
  );
}

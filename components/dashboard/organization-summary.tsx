'use client';
// A compact card of the organization's details (location, currencies) with a link to edit them.
import Link from 'next/link';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { QueryState } from '@/components/ui/query-state';

export function OrganizationSummary({ organizationId }: { organizationId: string }) {
  const { organization, can } = useOrganizationAccess();
  return (
    <Card aria-labelledby="dashboard-organization-title">
      <CardHeader
        id="dashboard-organization-title"
        title="Organization"
        action={
          can('organization:update') && (
            <Link href={`/${organizationId}/settings/organization`} className={buttonClass('secondary', 'sm')}>
              Edit
            </Link>
          )
        }
      />
      <div className="px-6 py-5">
        <QueryState query={organization} loadingLabel="Loading organization" rows={3}>{(org) => (
          <dl className="space-y-4 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-zinc-500">Location</dt>
              <dd className="text-right font-medium text-zinc-900">{org.location || <span className="font-normal text-zinc-500">Not set</span>}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-zinc-500">Base currency</dt>
              <dd className="font-medium text-zinc-900">{org.baseCurrency}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="shrink-0 text-zinc-500">Accepted</dt>
              <dd className="flex flex-wrap justify-end gap-1.5">
                {org.currencies.map((c) => (
                  <Badge key={c} tone={c === org.baseCurrency ? 'accent' : 'neutral'}>
                    {c}
                  </Badge>
                ))}
              </dd>
            </div>
          </dl>
        )}</QueryState>
      </div>
    </Card>
  );
}

'use client';
// The organization's home: your practice first (everyone's daily work here), then what an owner checks — who is in
// it, which API keys can reach it, what happened lately in its security log — and its details. Cards for what the
// role cannot see are left out.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { PageHeader } from '@/components/ui/page-header';
import { ApiKeysCard } from './api-keys-card';
import { CoachingCard } from './coaching-card';
import { MembersCard } from './members-card';
import { OrganizationSummary } from './organization-summary';
import { RecentEventsCard } from './recent-events-card';

export function DashboardHome({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const { organization, can } = useOrganizationAccess();
  // Say only what this role's dashboard shows (a member has no security log to promise).
  const shown = [can('sessions:read') && 'your practice', can('members:read') && 'who is here', can('apiKeys:read') && 'its API keys', can('audit:read') && 'the latest security events'].filter(Boolean) as string[];
  const summary = shown.length ? `${shown.slice(0, -1).join(', ')}${shown.length > 1 ? ' and ' : ''}${shown.at(-1)}, at a glance.` : 'Your organization at a glance.';

  return (
    <>
      <PageHeader
        eyebrow={organization.data?.name ?? ' '}
        title={me.data ? `Welcome, ${me.data.firstName}` : 'Welcome'}
        description={summary.charAt(0).toUpperCase() + summary.slice(1)}
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        {can('sessions:read') && (
          <div className="lg:col-span-2">
            <CoachingCard organizationId={organizationId} canPractise={can('sessions:write')} seesOthers={can('coaching:admin') || !!me.data?.isManager} />
          </div>
        )}
        {can('members:read') && <MembersCard organizationId={organizationId} canManage={can('members:manage')} />}
        {can('apiKeys:read') && <ApiKeysCard organizationId={organizationId} canManage={can('apiKeys:manage')} />}
        {can('audit:read') && <RecentEventsCard organizationId={organizationId} />}
        <OrganizationSummary organizationId={organizationId} />
      </div>
    </>
  );
}

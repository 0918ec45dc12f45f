'use client';
// The organization settings page body: the details form, the members table and, for owners, the danger zone.
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Card, CardBody } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { SkeletonRows } from '@/components/ui/skeleton';
import { DangerZone } from './danger-zone';
import { MembersTable } from './members-table';
import { OrganizationSettingsForm } from './organization-settings-form';

export function OrganizationSettings() {
  const { organization, role, can } = useOrganizationAccess();
  return (
    <>
      <PageHeader eyebrow="Settings" title="Organization" description="Your organization's profile, currencies and members." />
      <div className="space-y-8">
        {organization.isError ? (
          <QueryError error={organization.error} onRetry={() => void organization.refetch()} />
        ) : !organization.data ? (
          <Card>
            <CardBody>
              <SkeletonRows rows={6} label="Loading organization" />
            </CardBody>
          </Card>
        ) : (
          <OrganizationSettingsForm key={organization.data.updatedAt} organization={organization.data} canEdit={can('organization:update')} />
        )}
        {can('members:read') && organization.data && <MembersTable organizationName={organization.data.name} myRole={role} canManage={can('members:manage')} />}
        {can('organization:delete') && organization.data && <DangerZone organization={organization.data} />}
      </div>
    </>
  );
}

'use client';
// The security log page body: who did what in this organization, for those allowed to read it.
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { SkeletonRows } from '@/components/ui/skeleton';
import { AuditEventsTable } from './audit-events-table';

export function SecurityLog() {
  const { organization, can } = useOrganizationAccess();
  return (
    <>
      <PageHeader eyebrow="Settings" title="Security log" description="Sign-ins, API keys and membership changes in this organization, newest first." />
      {organization.isError ? (
        <QueryError error={organization.error} onRetry={() => void organization.refetch()} />
      ) : !organization.data ? (
        <Card>
          <CardBody>
            <SkeletonRows rows={6} label="Loading" />
          </CardBody>
        </Card>
      ) : !can('audit:read') ? (
        <Alert tone="info">Your role cannot read this organization&apos;s security log. Ask an owner or admin.</Alert>
      ) : (
        <AuditEventsTable />
      )}
    </>
  );
}

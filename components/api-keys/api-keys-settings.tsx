'use client';
// The API keys page body: the one-time secret of a key just created, the create form and the list.
import { useState } from 'react';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { SkeletonRows } from '@/components/ui/skeleton';
import { ApiKeysTable } from './api-keys-table';
import { CreateApiKeyForm } from './create-api-key-form';
import { CreatedKeyNotice } from './created-key-notice';

export function ApiKeysSettings() {
  const { organization, can } = useOrganizationAccess();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const canManage = can('apiKeys:manage');
  return (
    <>
      <PageHeader eyebrow="Settings" title="API keys" description="Give other systems access to the Pitchcraft REST API, with just the scopes they need." />
      <div className="space-y-8">
        {created && <CreatedKeyNotice name={created.name} secret={created.secret} onDone={() => setCreated(null)} />}
        {organization.isError ? (
          <QueryError error={organization.error} onRetry={() => void organization.refetch()} />
        ) : !organization.data ? (
          <Card>
            <CardBody>
              <SkeletonRows rows={5} label="Loading" />
            </CardBody>
          </Card>
        ) : !can('apiKeys:read') ? (
          <Alert tone="info">Your role cannot see this organization&apos;s API keys. Ask an owner or admin.</Alert>
        ) : (
          <>
            {canManage && <CreateApiKeyForm held={can} onCreated={setCreated} />}
            <ApiKeysTable canManage={canManage} />
          </>
        )}
      </div>
    </>
  );
}

'use client';
// The API keys page body: the one-time secret of a key just created, the create form and the list.
import Link from 'next/link';
import { useState } from 'react';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { ApiKeysTable } from './api-keys-table';
import { CreateApiKeyForm } from './create-api-key-form';
import { CreatedKeyNotice } from './created-key-notice';
import { QueryState } from '@/components/ui/query-state';

export function ApiKeysSettings() {
  const { organization, can } = useOrganizationAccess();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const canManage = can('apiKeys:manage');
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="API keys"
        description="Give other systems access to the Pitchcraft REST API, with just the scopes they need."
        action={
          <Link href="/docs/api" className={buttonClass('secondary', 'sm')}>
            API reference
          </Link>
        }
      />
      <div className="space-y-8">
        {created && <CreatedKeyNotice name={created.name} secret={created.secret} onDone={() => setCreated(null)} />}
        <QueryState query={organization} loadingLabel="Loading" rows={5} frame="page">{() => !can('apiKeys:read') ? (
          <Alert tone="info">Your role cannot see this organization&apos;s API keys. Ask an owner or admin.</Alert>
        ) : (
          <>
            {canManage && <CreateApiKeyForm held={can} onCreated={setCreated} />}
            <ApiKeysTable canManage={canManage} />
          </>
        )}</QueryState>
      </div>
    </>
  );
}

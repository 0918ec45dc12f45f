'use client';
// The account page body: profile and password, once the profile has loaded.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { Card, CardBody } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { SkeletonRows } from '@/components/ui/skeleton';
import { ChangePasswordForm } from './change-password-form';
import { ProfileForm } from './profile-form';
import { ProfilePhoto } from './profile-photo';

export function AccountSettings() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  return (
    <>
      <PageHeader eyebrow="You" title="Account" description="Your profile and sign-in details. They apply in every organization you belong to." />
      <div className="space-y-8">
        {me.isError ? (
          <QueryError error={me.error} onRetry={() => void me.refetch()} />
        ) : !me.data ? (
          <Card>
            <CardBody>
              <SkeletonRows rows={4} label="Loading profile" />
            </CardBody>
          </Card>
        ) : (
          <>
            <ProfilePhoto me={me.data} />
            <ProfileForm me={me.data} />
          </>
        )}
        <ChangePasswordForm />
      </div>
    </>
  );
}

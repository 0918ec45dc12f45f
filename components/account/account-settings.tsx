'use client';
// The account page body: profile and password, once the profile has loaded.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { PageHeader } from '@/components/ui/page-header';
import { ChangePasswordForm } from './change-password-form';
import { ProfileForm } from './profile-form';
import { ProfilePhoto } from './profile-photo';
import { QueryState } from '@/components/ui/query-state';

export function AccountSettings() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  return (
    <>
      <PageHeader eyebrow="You" title="Account" description="Your profile and sign-in details. They apply in every organization you belong to." />
      <div className="space-y-8">
        <QueryState query={me} loadingLabel="Loading profile" rows={4} frame="page">{(profile) => (
          <>
            <ProfilePhoto me={profile} />
            <ProfileForm me={profile} />
          </>
        )}</QueryState>
        <ChangePasswordForm />
      </div>
    </>
  );
}

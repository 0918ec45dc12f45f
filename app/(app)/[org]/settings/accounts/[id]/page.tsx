// /{org}/settings/accounts/{id} – one sender account: details, owner, settings and program subscriptions.
import type { Metadata } from 'next';
import { AccountPage } from '@/components/accounts/account-page';

export const metadata: Metadata = { title: 'Sender account' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <AccountPage organizationId={org} accountId={id} />;
}

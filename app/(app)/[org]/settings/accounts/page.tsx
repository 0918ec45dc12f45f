// /{org}/settings/accounts – sender accounts: email addresses, phone numbers and extensions messages go out from.
import type { Metadata } from 'next';
import { AccountsPage } from '@/components/accounts/accounts-page';

export const metadata: Metadata = { title: 'Sender accounts' };

export default function Page() {
  return <AccountsPage />;
}

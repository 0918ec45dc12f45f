// /{org}/settings/providers – the gateways messages go out through, with "send a test".
import type { Metadata } from 'next';
import { ProvidersPage } from '@/components/transmissions/providers-page';

export const metadata: Metadata = { title: 'Providers' };

export default function Page() {
  return <ProvidersPage />;
}

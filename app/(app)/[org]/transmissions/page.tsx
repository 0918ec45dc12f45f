// /{org}/transmissions – messages sent to contacts, with their status; send one now or at a time.
import type { Metadata } from 'next';
import { TransmissionsPage } from '@/components/transmissions/transmissions-page';

export const metadata: Metadata = { title: 'Transmissions' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <TransmissionsPage organizationId={org} />;
}

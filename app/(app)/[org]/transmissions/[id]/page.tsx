// /{org}/transmissions/{id} – one transmission with its delivery attempts; send, retry, clone, schedule.
import type { Metadata } from 'next';
import { TransmissionPage } from '@/components/transmissions/transmission-page';

export const metadata: Metadata = { title: 'Transmission' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <TransmissionPage organizationId={org} id={id} />;
}

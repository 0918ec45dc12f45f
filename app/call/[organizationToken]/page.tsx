// /call/{organizationToken} – the public page a customer opens at a vehicle (QR code) to ask for a live call.
import type { Metadata, Viewport } from 'next';
import { CustomerCallPage } from '@/components/call-room/customer-call-page';

export const metadata: Metadata = { title: 'Talk to a dealer', robots: { index: false } };
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function CallPage({ params }: { params: Promise<{ organizationToken: string }> }) {
  const { organizationToken } = await params;
  return <CustomerCallPage organizationToken={decodeURIComponent(organizationToken)} />;
}

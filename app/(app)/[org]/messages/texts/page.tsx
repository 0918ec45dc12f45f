// /{org}/messages/texts – the message library: sms texts.
import type { Metadata } from 'next';
import { LibraryPage } from '@/components/library/library-page';

export const metadata: Metadata = { title: 'SMS texts' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <LibraryPage organizationId={org} tab="texts" />;
}

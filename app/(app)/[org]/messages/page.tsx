// /{org}/messages – the message library: SMS texts, email templates, voice recordings, fax documents.
import type { Metadata } from 'next';
import { LibraryPage } from '@/components/library/library-page';

export const metadata: Metadata = { title: 'Messages' };

export default async function MessagesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <LibraryPage organizationId={org} />;
}

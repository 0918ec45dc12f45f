// /{org}/messages/documents/{id} – a fax document: its details and its file ('new' creates one).
import type { Metadata } from 'next';
import { MediaItemEditorPage } from '@/components/library/media-item-editor';

export const metadata: Metadata = { title: 'Fax document' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <MediaItemEditorPage organizationId={org} kind="document" itemId={id} />;
}

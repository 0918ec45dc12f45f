// /{org}/messages/recordings/{id} – a voice recording: its details and its file ('new' creates one).
import type { Metadata } from 'next';
import { MediaItemEditorPage } from '@/components/library/media-item-editor';

export const metadata: Metadata = { title: 'Voice recording' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <MediaItemEditorPage organizationId={org} kind="recording" itemId={id} />;
}

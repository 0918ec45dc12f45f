// /access/{token} – the page an access link opens: "Continue as …". SECURITY: opening it spends nothing (mail scanners
// open links); only confirming redeems a use. An expired or used-up link answers 410 with the expired page (proxy.ts
// rewrites it to /access/expired); an unknown one is the 404 page.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { AccessConfirm } from '@/components/chat/access-confirm';
import { previewAccessLink } from '@/server/domain/access-links/manage-access-links';
import { AppError } from '@/server/errors';
import { ExpiredLink } from '@/components/chat/expired-link';

export const metadata: Metadata = { title: 'Continue to your conversation' };

export default async function AccessLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  await connection();
  const preview = await previewAccessLink({ token: token.slice(0, 200) }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'gone') return 'gone' as const;
    if (e instanceof AppError && e.code === 'not_found') return null;
    throw e;
  });
  if (preview === null) notFound();
  if (preview === 'gone') return <ExpiredLink />;
  return <AccessConfirm token={token} preview={preview} />;
}

// /access/expired – an access link past its uses or its date (served with 410 when proxy.ts rewrites a link here).
import type { Metadata } from 'next';
import { ExpiredLink } from '@/components/chat/expired-link';

export const metadata: Metadata = { title: 'Link expired' };

export default function ExpiredLinkPage() {
  return <ExpiredLink />;
}

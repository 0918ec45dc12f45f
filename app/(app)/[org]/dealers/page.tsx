// /{org}/dealers – members who take live calls, with presence.
import type { Metadata } from 'next';
import { DealersList } from '@/components/dealers/dealers-list';

export const metadata: Metadata = { title: 'Dealers' };

export default function DealersPage() {
  return <DealersList />;
}

'use client';
// A person's picture when they uploaded one, else their initials, in the same round tile (also when the picture fails to load).
import { useState } from 'react';
import { cx } from '@/components/ui/cx';
import { Initials } from './initials';

export function Avatar({ name, image, className }: { name: string; image: string | null; className?: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!image || failed === image) return <Initials name={name} round className={className} />;
  return <img src={image} alt="" onError={() => setFailed(image)} className={cx('shrink-0 rounded-full bg-zinc-100 object-cover', className ?? 'size-8')} />;
}

'use client';
// An organization's logo in a rounded square, or its initials when it has none (or the picture cannot be loaded).
import { useState } from 'react';
import { cx } from '@/components/ui/cx';
import { Initials } from './initials';

export function OrganizationLogo({ name, image, className }: { name: string; image: string | null; className?: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!image || failed === image) return <Initials name={name} className={className} />;
  return (
    // A logo can live on another site: it is fetched without telling that site which page asked for it.
    <img
      src={image}
      alt=""
      referrerPolicy="no-referrer"
      onError={() => setFailed(image)}
      className={cx('shrink-0 rounded-md bg-white object-contain ring-1 ring-zinc-200', className ?? 'size-8')}
    />
  );
}

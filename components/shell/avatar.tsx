// A person's picture when they uploaded one, else their initials, in the same round tile.
import { cx } from '@/components/ui/cx';
import { Initials } from './initials';

export function Avatar({ name, image, className }: { name: string; image: string | null; className?: string }) {
  if (!image) return <Initials name={name} round className={className} />;
  return <img src={image} alt="" className={cx('shrink-0 rounded-full bg-zinc-100 object-cover', className ?? 'size-8')} />;
}

// A rounded tile with one or two initials, standing in for an organization logo or a profile picture.
import { cx } from '@/components/ui/cx';
import { initialsOf } from './initials-of';

/** `className` sets the tile's size and text size together (default `size-8 text-xs`). */
export function Initials({ name, className, round }: { name: string; className?: string; round?: boolean }) {
  return (
    <span aria-hidden className={cx('flex shrink-0 items-center justify-center bg-accent-100 font-semibold text-accent-800', round ? 'rounded-full' : 'rounded-md', className ?? 'size-8 text-xs')}>
      {initialsOf(name) || '?'}
    </span>
  );
}

// A rounded tile with one or two initials, standing in for an organization logo or a profile picture.
import { cx } from '@/components/ui/cx';

export function Initials({ name, className, round }: { name: string; className?: string; round?: boolean }) {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return (
    <span aria-hidden className={cx('flex shrink-0 items-center justify-center bg-accent-100 text-xs font-semibold text-accent-700', round ? 'rounded-full' : 'rounded-md', className ?? 'size-8')}>
      {letters || '?'}
    </span>
  );
}

// The Pitchcraft wordmark: an accent tile with a rising-bars glyph next to the name.
import { cx } from '@/components/ui/cx';

export function Logo({ className, showName = true, nameClassName }: { className?: string; showName?: boolean; nameClassName?: string }) {
  return (
    <span className={cx('inline-flex items-center gap-2.5', className)}>
      <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-accent-600 text-white shadow-sm">
        <svg viewBox="0 0 20 20" fill="currentColor" className="size-4.5">
          <rect x="3" y="10" width="3" height="7" rx="1" />
          <rect x="8.5" y="6" width="3" height="11" rx="1" />
          <rect x="14" y="2.5" width="3" height="14.5" rx="1" />
        </svg>
      </span>
      {showName && <span className={cx('text-base font-semibold tracking-tight text-zinc-900', nameClassName)}>Pitchcraft</span>}
    </span>
  );
}

'use client';
// A navigation link that marks itself as the current page, and scrolls itself into view in the phone's sideways strip.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';
import { cx } from '@/components/ui/cx';
import { useCurrentNavSection } from './nav-section';

export function NavLink({ href, icon, exact, children }: { href: string; icon: ReactNode; exact?: boolean; children: ReactNode }) {
  const pathname = usePathname();
  const section = useCurrentNavSection();
  const ref = useRef<HTMLAnchorElement>(null);
  // A page that names its section (see nav-section) wins over the path.
  const current = section ? section === href : exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);

  useEffect(() => {
    const link = ref.current;
    const strip = link?.closest('nav');
    if (!current || !link || !strip) return;
    // Only the strip scrolls (scrollIntoView could also move the page); the current link ends up centred. Again
    // whenever the strip changes size: a phone turned sideways, or a window narrowed to phone width.
    const centre = () => {
      if (strip.scrollWidth > strip.clientWidth) strip.scrollLeft = link.offsetLeft - (strip.clientWidth - link.offsetWidth) / 2;
    };
    centre();
    const observer = new ResizeObserver(centre);
    observer.observe(strip);
    return () => observer.disconnect();
  }, [current]);

  return (
    <Link
      ref={ref}
      href={href}
      aria-current={current ? 'page' : undefined}
      className={cx(
        'flex shrink-0 items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors',
        current ? 'bg-accent-50 text-accent-700' : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900',
      )}
    >
      <span className={cx('size-5 shrink-0', current ? 'text-accent-600' : 'text-zinc-400')}>{icon}</span>
      {children}
    </Link>
  );
}

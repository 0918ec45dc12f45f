'use client';
// A sidebar link that marks itself as the current page.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

export function NavLink({ href, icon, exact, children }: { href: string; icon: ReactNode; exact?: boolean; children: ReactNode }) {
  const pathname = usePathname();
  const current = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={cx(
        'flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors',
        current ? 'bg-accent-50 text-accent-700' : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900',
      )}
    >
      <span className={cx('size-5 shrink-0', current ? 'text-accent-600' : 'text-zinc-400')}>{icon}</span>
      {children}
    </Link>
  );
}

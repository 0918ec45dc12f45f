// A white panel with a hairline border; optional header (title, description, action) and footer.
import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

export function Card({ className, children, ...rest }: { className?: string; children: ReactNode } & HTMLAttributes<HTMLElement>) {
  return (
    <section className={cx('rounded-xl border border-zinc-200 bg-white shadow-xs', className)} {...rest}>
      {children}
    </section>
  );
}

export function CardHeader({ title, description, action, id }: { title: ReactNode; description?: ReactNode; action?: ReactNode; id?: string }) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-4 border-b border-zinc-100 px-4 py-4 sm:px-6 sm:py-5">
      {/* The action stays beside the title unless that would squeeze the text under ~12rem. */}
      <div className="min-w-48 flex-1 space-y-1">
        <h2 id={id} className="text-base font-semibold text-zinc-900">
          {title}
        </h2>
        {description && <p className="text-sm text-zinc-500">{description}</p>}
      </div>
      {action}
    </header>
  );
}

export function CardBody({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cx('px-4 py-5 sm:px-6', className)}>{children}</div>;
}

export function CardFooter({ className, children }: { className?: string; children: ReactNode }) {
  return <footer className={cx('flex items-center justify-end gap-3 rounded-b-xl border-t border-zinc-100 bg-zinc-50/70 px-4 py-3 sm:px-6', className)}>{children}</footer>;
}

// The title block at the top of each page, with an optional trail back up (breadcrumbs) and an action on the right.
// Titles and descriptions are people's text (a module's name, an opportunity): they wrap, never widen the page.
import type { ReactNode } from 'react';
import { Breadcrumbs, type Crumb } from './breadcrumbs';

export function PageHeader({ title, description, action, eyebrow, breadcrumbs }: { title: string; description?: ReactNode; action?: ReactNode; eyebrow?: string; breadcrumbs?: Crumb[] }) {
  return (
    <div className="mb-8">
      {breadcrumbs && breadcrumbs.length > 0 && <Breadcrumbs items={breadcrumbs} />}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0 flex-1 basis-64 space-y-1">
          {eyebrow && <p className="text-xs font-semibold tracking-wide wrap-anywhere text-accent-600 uppercase">{eyebrow}</p>}
          <h1 className="text-2xl font-semibold tracking-tight wrap-anywhere text-zinc-900">{title}</h1>
          {description && <p className="text-sm wrap-anywhere text-zinc-500">{description}</p>}
        </div>
        {action}
      </div>
    </div>
  );
}

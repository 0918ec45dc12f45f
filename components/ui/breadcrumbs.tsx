// The way back up from a page reached through others (a rep's session from the team dashboard): each step a link, the
// page itself last, not linked. Long names are cut short with an ellipsis so the trail stays on one line.
import Link from 'next/link';

export type Crumb = { href?: string; label: string };

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 min-w-0">
      <ol className="flex min-w-0 flex-wrap items-center gap-x-1.5 gap-y-1 text-sm text-zinc-500">
        {items.map((item, i) => (
          <li key={i} className="flex min-w-0 items-center gap-1.5">
            {i > 0 && (
              <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0 text-zinc-400">
                <path fillRule="evenodd" d="M8.22 5.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L11.94 10 8.22 6.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
              </svg>
            )}
            {item.href && i < items.length - 1 ? (
              <Link href={item.href} className="max-w-[16rem] truncate font-medium text-accent-700 hover:underline">
                {item.label}
              </Link>
            ) : (
              <span aria-current={i === items.length - 1 ? 'page' : undefined} className="max-w-[16rem] truncate">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

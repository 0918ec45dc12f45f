'use client';
// The box every table sits in: on a narrow screen the table scrolls sideways inside its card (never the page), a shade
// at the cut edge shows there is more, the box can be scrolled from the keyboard, and the last column (row actions)
// stays in view. `relative` also keeps a table's screen-reader-only text from escaping the box and widening the page.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { cx } from './cx';

type Edges = { before: boolean; after: boolean };

/** Classes for the cells of a table's last column, so its actions stay reachable while the rest scrolls. */
export const stickyEndCell = 'sticky right-0 bg-white group-data-[after=true]/scroller:shadow-[-10px_0_10px_-10px_rgb(0_0_0/0.25)]';

export function TableScroller({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>({ before: false, after: false });

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const max = box.scrollWidth - box.clientWidth;
      // A pixel of rounding is not "more to see".
      setEdges({ before: box.scrollLeft > 1, after: max - box.scrollLeft > 1 });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    box.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener('scroll', measure);
    };
  }, []);

  const scrolls = edges.before || edges.after;
  return (
    <div className={cx('relative', className)}>
      <div
        ref={ref}
        data-after={edges.after}
        className="group/scroller relative overflow-x-auto focus-visible:outline-offset-[-2px]"
        // Only a box that scrolls is a stop for the keyboard (arrow keys scroll it) and a named region.
        {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (scrolls sideways)` } : {})}
      >
        {children}
      </div>
      <div aria-hidden className={cx('pointer-events-none absolute inset-y-0 left-0 w-6 bg-gradient-to-r from-white to-transparent transition-opacity', edges.before ? 'opacity-100' : 'opacity-0')} />
    </div>
  );
}

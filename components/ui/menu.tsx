'use client';
// A dropdown menu button (WAI-ARIA menu pattern): arrows move, Enter selects, Escape or a click outside closes. The
// open menu is kept inside the screen: on a phone it never runs past an edge, whichever way it is aligned.
import Link from 'next/link';
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const EDGE = 8; // px kept free between an open menu and the edge of the screen
import { cx } from './cx';

export type MenuEntry =
  | { kind: 'item'; key: string; label: ReactNode; onSelect?: () => void; href?: string; checked?: boolean; disabled?: boolean }
  | { kind: 'section'; key: string; label: ReactNode }
  | { kind: 'separator'; key: string };

export function Menu(props: { trigger: ReactNode; triggerLabel: string; triggerClassName?: string; entries: MenuEntry[]; align?: 'start' | 'end'; placement?: 'below' | 'above' }) {
  const [open, setOpen] = useState(false);
  const [shift, setShift] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? []);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) triggerRef.current?.focus();
  };

  // Measured before paint, so the menu never shows for a frame past the edge.
  useLayoutEffect(() => {
    if (!open) return setShift(0);
    const rect = menuRef.current?.getBoundingClientRect();
    if (!rect) return;
    const width = document.documentElement.clientWidth;
    const overRight = rect.right - (width - EDGE);
    const overLeft = EDGE - rect.left;
    setShift(overRight > 0 ? -Math.min(overRight, rect.left - EDGE) : overLeft > 0 ? overLeft : 0);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') return setOpen(false);
    else return;
    e.preventDefault();
  };

  const itemClass = 'flex w-full items-center gap-2 rounded-md px-2.5 py-2 text-left text-sm text-zinc-700 outline-none hover:bg-zinc-100 focus:bg-zinc-100 focus:text-zinc-900';

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={triggerRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={props.triggerLabel}
        className={props.triggerClassName}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {props.trigger}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={props.triggerLabel}
          onKeyDown={onMenuKey}
          style={shift ? { transform: `translateX(${shift}px)` } : undefined}
          className={cx(
            'absolute z-40 max-h-96 w-max max-w-[calc(100vw-1rem)] min-w-60 overflow-y-auto rounded-lg bg-white p-1 shadow-lg ring-1 ring-zinc-900/10',
            props.align === 'end' ? 'right-0' : 'left-0',
            props.placement === 'above' ? 'bottom-full mb-2' : 'top-full mt-2',
          )}
        >
          {props.entries.map((entry) => {
            if (entry.kind === 'separator') return <div key={entry.key} role="separator" className="my-1 h-px bg-zinc-100" />;
            if (entry.kind === 'section') return <div key={entry.key} role="presentation" className="px-2.5 pt-2 pb-1 text-xs font-medium text-zinc-500">{entry.label}</div>;
            const role = entry.checked === undefined ? 'menuitem' : 'menuitemradio';
            const common = {
              role,
              tabIndex: -1,
              'aria-checked': entry.checked,
              'aria-disabled': entry.disabled || undefined,
              className: cx(itemClass, entry.disabled && 'cursor-not-allowed opacity-50'),
            } as const;
            const content = (
              <>
                <span className="min-w-0 flex-1 truncate">{entry.label}</span>
                {entry.checked && (
                  <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4 text-accent-600">
                    <path fillRule="evenodd" clipRule="evenodd" d="M16.704 4.153a.75.75 0 0 1 .143 1.052l-8 10.5a.75.75 0 0 1-1.127.075l-4.5-4.5a.75.75 0 0 1 1.06-1.06l3.894 3.893 7.48-9.817a.75.75 0 0 1 1.05-.143Z" />
                  </svg>
                )}
              </>
            );
            if (entry.href) {
              return (
                <Link key={entry.key} href={entry.href} {...common} onClick={() => close(false)}>
                  {content}
                </Link>
              );
            }
            return (
              <button
                key={entry.key}
                type="button"
                {...common}
                onClick={() => {
                  if (entry.disabled) return;
                  close(false);
                  entry.onSelect?.();
                }}
              >
                {content}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}

'use client';
// Keeps unsaved form input from being lost without a word: while any form on the page holds changes, closing or
// reloading the tab asks (the browser's own prompt), and following a link inside the app asks first in our dialog.
// Forms register through useUnsavedChanges (useZodForm does it for every form); code that navigates by itself
// (switching organization, signing out) asks through useConfirmLeave.
import { usePathname, useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

type DirtyCheck = () => boolean;

// Module-wide, because a guard must answer synchronously inside beforeunload, where React state cannot be read.
const checks = new Set<DirtyCheck>();
// Set once the person chose to discard, until the next page is shown: the old forms are still mounted meanwhile.
let discarding = false;

export const hasUnsavedChanges = () => !discarding && [...checks].some((isDirty) => isDirty());

/** Registers a form's "do I hold unsaved input?" check for as long as the form is mounted. */
export function useUnsavedChanges(isDirty: DirtyCheck, enabled = true) {
  useEffect(() => {
    if (!enabled) return;
    checks.add(isDirty);
    return () => void checks.delete(isDirty);
  }, [isDirty, enabled]);
}

type ConfirmLeave = () => Promise<boolean>;
const ConfirmLeaveContext = createContext<ConfirmLeave>(async () => true);

/** Resolves true when there is nothing unsaved, or when the person chose to discard it. */
export const useConfirmLeave = () => useContext(ConfirmLeaveContext);

/** The link a click would follow inside this app, or null when the click is not an in-app navigation to guard. */
function guardedHref(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank' || anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // A jump within the page loses nothing.
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return url.pathname + url.search + url.hash;
}

export function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [asking, setAsking] = useState(false);
  const answer = useRef<((leave: boolean) => void) | null>(null);

  const confirmLeave = useCallback<ConfirmLeave>(() => {
    if (!hasUnsavedChanges()) return Promise.resolve(true);
    answer.current?.(false);
    setAsking(true);
    return new Promise<boolean>((resolve) => {
      answer.current = resolve;
    });
  }, []);

  const settle = (leave: boolean) => {
    if (leave) discarding = true;
    setAsking(false);
    answer.current?.(leave);
    answer.current = null;
  };

  useEffect(() => {
    discarding = false;
  }, [pathname]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges()) return;
      event.preventDefault();
      event.returnValue = ''; // older browsers need it set to show their prompt
    };
    // Capture on window runs before React's own handlers (Next's <Link>), so the navigation can be held back.
    const onClick = (event: MouseEvent) => {
      const href = guardedHref(event);
      if (!href || !hasUnsavedChanges()) return;
      event.preventDefault();
      event.stopPropagation();
      void confirmLeave().then((leave) => {
        if (leave) router.push(href);
      });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('click', onClick, true);
    };
  }, [confirmLeave, router]);

  return (
    <ConfirmLeaveContext.Provider value={confirmLeave}>
      {children}
      <ConfirmDialog
        open={asking}
        title="Leave without saving?"
        description="You have changes on this page that are not saved yet. If you leave now, they are lost."
        cancelLabel="Keep editing"
        confirmLabel="Discard changes"
        onCancel={() => settle(false)}
        onConfirm={() => settle(true)}
      />
    </ConfirmLeaveContext.Provider>
  );
}

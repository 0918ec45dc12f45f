'use client';
// Short-lived confirmations ("Settings saved") in a polite live region at the bottom of the screen. A message can
// also be carried across a full page load (after deleting or leaving an organization), so it is never lost.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { cx } from './cx';

type Tone = 'success' | 'error';
type Toast = { id: number; message: string; tone: Tone };
type Show = (message: string, tone?: Tone) => void;

const ToastContext = createContext<Show | null>(null);
const CARRIED = 'pitchcraft.toast';

/** Shows the message on the next page this tab loads: for actions that end with a full navigation. */
export function toastAfterNavigation(message: string, tone: Tone = 'success') {
  try {
    sessionStorage.setItem(CARRIED, JSON.stringify({ message, tone }));
  } catch {
    // Storage can be disabled; the action itself still happened.
  }
}

function takeCarried(): { message: string; tone: Tone } | null {
  try {
    const raw = sessionStorage.getItem(CARRIED);
    sessionStorage.removeItem(CARRIED);
    const parsed = raw ? (JSON.parse(raw) as { message?: unknown; tone?: unknown }) : null;
    return parsed && typeof parsed.message === 'string' ? { message: parsed.message, tone: parsed.tone === 'error' ? 'error' : 'success' } : null;
  } catch {
    return null;
  }
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const show = useCallback<Show>((message, tone = 'success') => {
    const id = nextId.current++;
    setToasts((list) => [...list, { id, message, tone }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), tone === 'error' ? 8000 : 5000);
  }, []);
  const value = useMemo(() => show, [show]);

  useEffect(() => {
    const carried = takeCarried();
    if (carried) show(carried.message, carried.tone);
  }, [show]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex flex-col gap-2 sm:left-auto sm:w-96">
        {toasts.map((t) => (
          <div
            key={t.id}
            className={cx(
              'pointer-events-auto flex items-start gap-2 rounded-lg px-4 py-3 text-sm font-medium shadow-lg ring-1',
              t.tone === 'success' ? 'bg-zinc-900 text-white ring-zinc-900' : 'bg-red-700 text-white ring-red-800',
            )}
          >
            {t.tone === 'success' && (
              <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0 text-emerald-400">
                <path fillRule="evenodd" clipRule="evenodd" d="M16.704 4.153a.75.75 0 0 1 .143 1.052l-8 10.5a.75.75 0 0 1-1.127.075l-4.5-4.5a.75.75 0 0 1 1.06-1.06l3.894 3.893 7.48-9.817a.75.75 0 0 1 1.05-.143Z" />
              </svg>
            )}
            {t.message}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Show {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast must be used inside <ToastProvider>');
  return show;
}

'use client';
// Whether a CSS media query matches, following changes (a phone turned, a window narrowed). False on the server and
// while hydrating, so the first browser render matches the server's HTML.
import { useCallback, useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (notify: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches, () => false);
}

/** Below Tailwind's `sm` (640 px): a phone held upright. */
export const PHONE_QUERY = '(max-width: 639.98px)';

'use client';
// A banner while the browser is offline, so a save that cannot go through is explained before it is even tried.
import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
};

export function OfflineNotice() {
  // The server always renders "online"; the browser corrects it after hydration.
  const online = useSyncExternalStore(subscribe, () => navigator.onLine, () => true);
  return (
    <div role="status" aria-live="polite">
      {!online && (
        <p className="fixed inset-x-0 top-0 z-50 bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950 shadow-sm">
          You are offline. You can keep reading and editing; saving works again once you are back online.
        </p>
      )}
    </div>
  );
}

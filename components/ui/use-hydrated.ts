'use client';
// False while the server renders and while the browser hydrates, true after: for output that depends on the browser
// (its time zone, its locale), so the first browser render matches the server's HTML and no hydration error is logged.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export const useHydrated = () => useSyncExternalStore(subscribe, () => true, () => false);

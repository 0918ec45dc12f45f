// What every list of the domain takes and returns: a page window and an ordering. The doors only parse into these.

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

export type Page = { limit: number; offset: number };
export type Ordering<F extends string> = { field: F; direction: 'asc' | 'desc' };

// What every list of the domain takes and returns: a page window and an ordering. The doors only parse into these.
import { z } from 'zod';

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

export type Page = { limit: number; offset: number };
export type Ordering<F extends string> = { field: F; direction: 'asc' | 'desc' };

/** `field` or `-field` (descending) as the browser's lists send it in their URL, read into an Ordering. */
export const orderingInput = <F extends string>(fields: readonly [F, ...F[]], fallback: Ordering<F>) =>
  z
    .string()
    .optional()
    .transform((raw, ctx): Ordering<F> => {
      if (!raw) return fallback;
      const field = raw.replace(/^[-+]/, '') as F;
      if (!fields.includes(field)) {
        ctx.addIssue({ code: 'custom', message: `must be one of ${fields.join(', ')} (prefix - for descending)` });
        return z.NEVER;
      }
      return { field, direction: raw.startsWith('-') ? 'desc' : 'asc' };
    });

/** limit/offset as the browser's lists send them. */
export const pageInput = { limit: z.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT), offset: z.number().int().min(0).default(0) };

// List conventions of API.md §1: limit/offset (alias skip), ordering, and the {count,next,previous,results} envelope.
import { z } from 'zod';
import '../domain/shared/zod-messages';
import { AppError } from '../errors';
import { decimalInteger } from '../domain/shared/decimal-integer';
import { DEFAULT_LIMIT, MAX_LIMIT, type Ordering, type Page } from '../domain/shared/list';

export type { Ordering, Page };

const pageSchema = z.object({
  limit: decimalInteger.pipe(z.number().min(1, 'must be at least 1').max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`)).default(DEFAULT_LIMIT),
  // Past any real list; also keeps the number a safe integer on its way to the database.
  offset: decimalInteger.pipe(z.number().min(0, 'must be 0 or more').max(1_000_000_000, 'must be at most 1000000000')).default(0),
});

export function parsePage(url: URL): Page {
  const raw = {
    limit: url.searchParams.get('limit') ?? undefined,
    offset: url.searchParams.get('offset') ?? url.searchParams.get('skip') ?? undefined,
  };
  return pageSchema.parse(raw);
}

export function parseOrdering<F extends string>(url: URL, allowed: readonly F[], fallback: Ordering<F>): Ordering<F> {
  const raw = url.searchParams.get('ordering');
  if (!raw) return fallback;
  const direction = raw.startsWith('-') ? 'desc' : 'asc';
  const field = raw.replace(/^[-+]/, '') as F;
  if (!allowed.includes(field)) {
    throw new AppError('validation_failed', {
      message: `ordering: must be one of ${allowed.join(', ')} (prefix - for descending)`,
      errors: [{ path: 'ordering', message: `must be one of ${allowed.join(', ')}` }],
    });
  }
  return { field, direction };
}

export type ListEnvelope<T> = { count: number; next: string | null; previous: string | null; results: T[] };

export function listEnvelope<T>(url: URL, page: Page, count: number, results: T[]): ListEnvelope<T> {
  const at = (offset: number) => {
    const u = new URL(url);
    u.searchParams.delete('skip');
    u.searchParams.set('limit', String(page.limit));
    u.searchParams.set('offset', String(offset));
    return u.toString();
  };
  return {
    count,
    next: page.offset + page.limit < count ? at(page.offset + page.limit) : null,
    previous: page.offset > 0 ? at(Math.max(0, page.offset - page.limit)) : null,
    results,
  };
}

const PAGING_PARAMS = new Set(['limit', 'offset', 'skip', 'ordering']);

/** The query parameters that are filters (everything but paging and ordering), for a domain list input to validate. */
export function filterParams(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!PAGING_PARAMS.has(k)) out[k] = v;
  return out;
}

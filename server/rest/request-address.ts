// Checks the address of a request — path parameters and query — before a handler sees it, for every route at once.
import { AppError, notFound } from '../errors';
import { isStorableText } from '../storable-input';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For a parameter that names a row by id on one verb and something else on another (`/invites/{token}`). */
export const isUuid = (value: string) => UUID.test(value);

/**
 * Path parameters named `id` or `…Id` address rows by UUID (API.md: `{id}`, `{userId}`, `{groupId}`, …). A parameter
 * that addresses something else gets another name (`{token}`, `{permission}`, `{kind}`); request-address.test.ts
 * checks the OpenAPI document agrees.
 */
export const isIdParam = (name: string) => name === 'id' || /Id$/.test(name);

/**
 * A path that cannot name anything is answered like one that names nothing: 404, before any query. So an id that is
 * not a UUID never reaches PostgreSQL (where it would be a type error), in every route with an `{id}`.
 */
export function checkPathParams(params: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v !== 'string') continue;
      if (!isStorableText(v) || (isIdParam(name) && !UUID.test(v))) throw notFound();
    }
  }
}

/** Query names and values are text the database must be able to hold: a NUL or a lone surrogate is a 422. */
export function checkQuery(url: URL): void {
  const errors = [...url.searchParams].flatMap(([name, value]) =>
    isStorableText(name) && isStorableText(value) ? [] : [{ path: `query.${isStorableText(name) ? name : '(name)'}`, message: 'contains a NUL character or invalid Unicode' }],
  );
  if (errors.length > 0) throw new AppError('validation_failed', { message: errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors });
}

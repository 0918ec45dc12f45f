// Query parameters beyond paging: boolean flags (`?purge=true`) and the filters a list passes on to the domain.
import { validationFailed } from '../errors';

export function parseFlag(url: URL, name: string): boolean | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw validationFailed(name, 'must be true or false');
}

const PAGING = new Set(['limit', 'offset', 'skip', 'ordering']);

/** Every other query parameter, for the domain's strict filter schema (an unknown or misspelt one is a 422). */
export function filterParams(url: URL): Record<string, string> {
  return Object.fromEntries([...url.searchParams].filter(([k]) => !PAGING.has(k)));
}

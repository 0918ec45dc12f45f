// API keys looked up by their digest, kept in-process for a few seconds (server/auth/access-cache.ts): third parties
// call with the same key over and over, and the lookup was one database round trip of every request. A key goes from
// the cache on every instance when it is revoked (or its scopes change), when its creator's access changes (their
// role, grants, removal or password: the key's scopes are bounded by the creator's permissions), when its organization
// is deleted, and on a resync. Expiry (`expiresAt`) is checked on every use by the caller.
import type { ApiKey } from '../generated/prisma/client';
import type { AccessNotice } from '../realtime/access-changes';
import { ACCESS_CACHE_MS, AccessCache, type AccessCacheOptions } from './access-cache';

export const API_KEY_CACHE_MS = ACCESS_CACHE_MS;

export type ApiKeyCacheOptions<K extends ApiKey = ApiKey> = Omit<AccessCacheOptions<K>, 'affectedBy' | 'name'>;

/** Whether a notice may change what the key grants. */
export function apiKeyAffectedBy(notice: Exclude<AccessNotice, { kind: 'resync' }>, key: ApiKey): boolean {
  return (
    (notice.kind === 'apiKey' && key.id === notice.apiKeyId) ||
    (notice.kind === 'organization' && key.organizationId === notice.organizationId) ||
    (notice.kind === 'member' && key.organizationId === notice.organizationId && key.createdById === notice.userId) ||
    (notice.kind === 'credentials' && key.createdById === notice.userId)
  );
}

export class ApiKeyCache<K extends ApiKey = ApiKey> extends AccessCache<K> {
  constructor(opts: ApiKeyCacheOptions<K>) {
    super({ ...opts, affectedBy: apiKeyAffectedBy, name: 'api-keys' });
  }
}

// withApi answers 404 for an `{id}` or `{…Id}` path parameter that is not a UUID; the API's own description must
// agree, so an operation that addresses something else by a …Id name is caught here, not by its users.
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi/document';
import { checkPathParams, checkQuery, isIdParam } from './request-address';

describe('checkPathParams and checkQuery', () => {
  it('let UUIDs and other parameters through, and refuse malformed ids and unstorable text', () => {
    expect(() => checkPathParams({ id: '3f0c1e9a-6a5b-4c1d-9e8f-0a1b2c3d4e5f', token: 'rt_abc', kind: 'image' })).not.toThrow();
    for (const params of [{ id: '-'.repeat(36) }, { userId: 'me' }, { token: 'a\u0000b' }, { path: ['x', '\ud800'] }]) {
      expect(() => checkPathParams(params), JSON.stringify(params)).toThrow(expect.objectContaining({ code: 'not_found' }));
    }
    expect(() => checkQuery(new URL('http://x/?from=2024-01-01&tz=Europe/Paris'))).not.toThrow();
    expect(() => checkQuery(new URL('http://x/?name=a%00b'))).toThrow(expect.objectContaining({ code: 'validation_failed', errors: [{ path: 'query.name', message: 'contains a NUL character or invalid Unicode' }] }));
  });
});

describe('the OpenAPI document', () => {
  it('declares every id and …Id path parameter as a UUID (name a parameter otherwise if it is not one)', () => {
    const offenders: string[] = [];
    for (const [path, item] of Object.entries(openApiDocument().paths ?? {})) {
      for (const [method, op] of Object.entries(item ?? {})) {
        const params = ((op as { parameters?: Array<{ in: string; name: string; schema?: { format?: string } }> }).parameters ?? []).filter((p) => p.in === 'path');
        for (const p of params) if (isIdParam(p.name) && p.schema?.format !== 'uuid') offenders.push(`${method.toUpperCase()} ${path} {${p.name}}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

// The OpenAPI document lists every route of app/api/v1 and matches the committed docs/api/openapi.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeTable } from '../../test/route-table';
import { openApiDocument } from './document';

describe('OpenAPI document', () => {
  const doc = openApiDocument();

  it('documents every method of every route file, and nothing that does not exist', () => {
    const routes = routeTable();
    const fromFiles = routes.flatMap((r) => r.methods.map((m) => `${m} ${r.template}`)).sort();
    const fromDoc = Object.entries(doc.paths ?? {}).flatMap(([p, item]) => Object.keys(item ?? {}).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    expect(fromDoc).toEqual(fromFiles);
  });

  it('is the committed docs/api/openapi.json (run `npm run openapi` after changing the API)', () => {
    const committed = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../docs/api/openapi.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(doc))).toEqual(committed);
  });
});

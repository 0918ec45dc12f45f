// Finds the route files under app/api/v1 (or any folder of app/) and matches request paths to them (tests, the
// OpenAPI check, the fuzzer and the wrong-method check).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const API_ROOT = path.resolve(import.meta.dirname, '../../app/api/v1');
export const APP_ROOT = path.resolve(import.meta.dirname, '../../app');

export type RouteFile = { file: string; template: string; methods: string[]; pattern: RegExp; params: string[] };

/** Route files under `root` (default: the REST API); templates are relative to it. */
export function routeTable(root = API_ROOT, opts: { catchAlls?: boolean } = {}): RouteFile[] {
  const out: RouteFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      // The API's catch-all only answers unknown paths with a 404; it is not an operation.
      if (statSync(full).isDirectory()) {
        if (opts.catchAlls ? full !== path.join(API_ROOT, '[...path]') : !name.startsWith('[...')) walk(full);
      }
      else if (name === 'route.ts') out.push(describe(full, root));
    }
  };
  walk(root);
  // Static segments win over dynamic ones, as in Next's router.
  return out.sort((a, b) => a.params.length - b.params.length || b.template.length - a.template.length);
}

function describe(file: string, root: string): RouteFile {
  const rel = path.relative(root, path.dirname(file)).split(path.sep).filter(Boolean);
  const params: string[] = [];
  const template = '/' + rel.map((seg) => (seg.startsWith('[') ? `{${seg.slice(1, -1)}}` : seg)).join('/');
  const pattern = new RegExp(
    '^/' + rel.map((seg) => (seg.startsWith('[') ? (params.push(seg.slice(1, -1).replace(/^\.\.\./, '')), '([^/]+)') : seg.replace(/[.]/g, '\\.'))).join('/') + '$',
  );
  const source = readFileSync(file, 'utf8');
  const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
  const reexported = source.match(/export \{([^}]+)\}/)?.[1];
  if (reexported) for (const m of reexported.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.push(m[1]!);
  return { file, template: template === '/' ? '/' : template, methods, pattern, params };
}

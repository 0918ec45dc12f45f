// Turns a plausibly valid value into a bad one the way an attacker would: a field dropped, added, of the wrong type,
// hostile text, absurd nesting, or the whole thing replaced. Some values stay valid so deeper code is reached too.
import fc from 'fast-check';
import { hostileText, hostileValue, nested, unknownFieldName } from './hostile';

type Path = Array<string | number>;

/** Every path into a JSON value (objects and arrays), the root included. */
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

function setAt(root: unknown, path: Path, change: (current: unknown, parent: unknown, key: string | number | undefined) => unknown): unknown {
  if (path.length === 0) return change(root, undefined, undefined);
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const next = change(parent[last], parent, last);
  if (next === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = next;
  return copy;
}

const REMOVE = Symbol('remove');

export type Mutation = 'valid' | 'drop' | 'unknown' | 'wrongType' | 'hostileText' | 'everyString' | 'deep' | 'replaceRoot';

/** The same text in every string of the value (keys untouched): one request tries it on every text field at once. */
function everyString(value: unknown, text: string): unknown {
  if (typeof value === 'string') return text;
  if (Array.isArray(value)) return value.map((v) => everyString(v, text));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, everyString(v, text)]));
  return value;
}

export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<{ mutation: Mutation; value: unknown }> {
  return fc
    .tuple(
      valid,
      fc.constantFrom<Mutation>('valid', 'valid', 'drop', 'unknown', 'wrongType', 'hostileText', 'hostileText', 'everyString', 'everyString', 'everyString', 'deep', 'replaceRoot'),
      fc.nat(),
      hostileValue,
      hostileText,
      unknownFieldName,
      fc.integer({ min: 65, max: 2_000 }),
    )
    .map(([value, mutation, pick, hostile, text, field, depth]) => {
      const all = paths(value);
      const inner = all.filter((p) => p.length > 0);
      const path = inner.length ? inner[pick % inner.length]! : [];
      const containers = all.filter((p) => {
        const v = p.reduce<unknown>((at, k) => (at as Record<string | number, unknown>)[k], value);
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      switch (mutation) {
        case 'valid':
          return { mutation, value };
        case 'drop':
          return { mutation, value: inner.length ? setAt(value, path, () => REMOVE) : undefined };
        case 'unknown': {
          const target = containers.length ? containers[pick % containers.length]! : [];
          // defineProperty, so "__proto__" becomes an own field (as JSON.parse makes it), not a prototype change.
          return { mutation, value: setAt(value, target, (current) => Object.defineProperty({ ...(current as object) }, field, { value: hostile, enumerable: true, writable: true, configurable: true })) };
        }
        case 'wrongType':
          return { mutation, value: setAt(value, path, (current) => (typeof current === typeof hostile && hostile !== null ? [hostile] : hostile)) };
        case 'hostileText':
          return { mutation, value: setAt(value, path, () => text) };
        case 'everyString':
          return { mutation, value: everyString(value, text) };
        case 'deep':
          return { mutation, value: setAt(value, path, () => nested(depth, pick % 2 ? 'array' : 'object')) };
        case 'replaceRoot':
          return { mutation, value: hostile };
      }
    });
}

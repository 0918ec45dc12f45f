// The fast path answers exactly what superjson answers for plain JSON, and hands everything else to superjson.
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { isPlainJson, transformer } from './transformer';

const roundTrip = (value: unknown) => superjson.deserialize(JSON.parse(JSON.stringify(transformer.output.serialize(value))) as never);

describe('tRPC output transformer', () => {
  it('sends plain JSON as superjson would, without annotations', () => {
    const page = { count: 2, results: [{ id: 'a', at: '2025-01-01T00:00:00.000Z', n: 1.5, ok: true, none: null, tags: ['x'] }, { id: 'b', nested: { deep: [[1], { k: 'v' }] } }] };
    expect(transformer.output.serialize(page)).toEqual(superjson.serialize(page));
    expect(transformer.output.serialize(page)).toEqual({ json: page });
    expect(roundTrip(page)).toEqual(page);
    expect(transformer.output.serialize(null)).toEqual(superjson.serialize(null));
    expect(transformer.output.serialize('text')).toEqual(superjson.serialize('text'));
  });

  it('hands what JSON cannot carry to superjson, so it arrives intact', () => {
    const cases: unknown[] = [
      { at: new Date('2025-01-01T00:00:00Z') },
      { missing: undefined, kept: 1 },
      [1, undefined, 3],
      { big: 10n },
      { n: Number.NaN },
      { n: Number.POSITIVE_INFINITY },
      { n: -0 },
      { set: new Set([1, 2]) },
      { map: new Map([['a', 1]]) },
      { re: /x/g },
      { deep: { deeper: { date: new Date(0) } } },
    ];
    for (const value of cases) {
      expect(isPlainJson(value)).toBe(false);
      expect(transformer.output.serialize(value)).toEqual(superjson.serialize(value));
      expect(roundTrip(value)).toEqual(value);
    }
  });

  it('treats cycles, class instances and very deep values as not plain (superjson decides)', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(isPlainJson(cyclic)).toBe(false);
    class Money { amount = 1; }
    expect(isPlainJson({ m: new Money() })).toBe(false);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = { d: deep };
    expect(isPlainJson(deep)).toBe(false);
    expect(roundTrip(deep)).toEqual(deep);
    // eslint-disable-next-line no-sparse-arrays
    expect(isPlainJson([1, , 3])).toBe(false); // a hole: superjson's business (it sends null)
    expect(isPlainJson(Object.assign(Object.create(null), { a: 1 }))).toBe(true);
  });

  it('reads inputs as superjson does', () => {
    const input = superjson.serialize({ from: new Date('2025-03-01T00:00:00Z'), limit: 50 });
    expect(transformer.input.deserialize(input)).toEqual({ from: new Date('2025-03-01T00:00:00Z'), limit: 50 });
  });
});

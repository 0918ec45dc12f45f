// The input both doors refuse before any schema: NUL characters, lone surrogates and absurd nesting, with paths.
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { assertStorableInput, MAX_INPUT_DEPTH, unstorableInput } from './storable-input';

const deep = (levels: number) => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};

describe('unstorableInput', () => {
  it('finds a NUL or a lone surrogate in any string, key or element, and names where', () => {
    expect(unstorableInput({ name: 'a\u0000b', location: 'fine' })).toEqual([{ path: 'name', message: 'contains a NUL character or invalid Unicode' }]);
    expect(unstorableInput({ list: ['ok', { deep: 'x\ud800' }] })).toEqual([{ path: 'list.1.deep', message: 'contains a NUL character or invalid Unicode' }]);
    expect(unstorableInput({ 'k\u0000': 1 })[0]?.message).toBe('field name contains a NUL character or invalid Unicode');
    expect(unstorableInput('\udc00')).toEqual([{ path: '(root)', message: 'contains a NUL character or invalid Unicode' }]);
  });

  it('accepts every other text, well-formed astral characters and line breaks included', () => {
    expect(unstorableInput({ a: '💩 Ω\n\t\u0001 田中', b: ['\ud83d\ude00'], c: null, d: 7, e: true })).toEqual([]);
  });

  it(`refuses nesting past ${MAX_INPUT_DEPTH} levels without overflowing the stack on 100 000`, () => {
    expect(unstorableInput(deep(MAX_INPUT_DEPTH))).toEqual([]);
    expect(unstorableInput(deep(MAX_INPUT_DEPTH + 1))[0]?.message).toMatch(/nested deeper than 64 levels/);
    expect(unstorableInput(deep(100_000))).toHaveLength(1);
  });

  it('throws a 422 validation_failed carrying the field errors', () => {
    const thrown = (() => {
      try {
        assertStorableInput({ email: 'a\u0000@b.c' });
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'validation_failed', status: 422, errors: [{ path: 'email' }] });
  });
});

// Query integers are decimal digits only: what z.coerce.number() would read differently is refused.
import { describe, expect, it } from 'vitest';
import { decimalInteger } from './decimal-integer';

describe('decimalInteger', () => {
  it.each([['16', 16], ['-420', -420], ['007', 7], [12, 12]])('reads %j as %j', (input, expected) => {
    expect(decimalInteger.parse(input)).toBe(expected);
  });

  it.each(['0x10', '1e3', ' 5', '5 ', '+5', '', '1.5', '١٢', 'NaN', 'Infinity', '9'.repeat(16), 1.5])('refuses %j', (input) => {
    expect(decimalInteger.safeParse(input).success).toBe(false);
  });
});

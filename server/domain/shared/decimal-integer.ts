// Integers written in decimal digits, as query strings carry them (`limit=20`), or as JSON numbers.
// z.coerce.number() would read `0x10` as 16, `1e3` as 1000, ` 5` as 5 and an empty value as 0; this reads none of them.
import { z } from 'zod';

const DECIMAL = /^-?\d{1,15}$/;

export const decimalInteger = z
  .union([z.number(), z.string()])
  .transform((value, ctx) => {
    if (typeof value === 'number') return value;
    if (DECIMAL.test(value)) return Number(value);
    ctx.addIssue({ code: 'custom', message: 'Enter a whole number, in digits only (like 20)' });
    return z.NEVER;
  })
  .pipe(z.number().int('Enter a whole number'));

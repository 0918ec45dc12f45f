// Repeats within one batch are dropped in Node before the merge; they must be exactly the rows the database would
// call repeats: an earlier row of the batch — kept or itself a repeat — has the phone or (in any case) the email.
import { describe, expect, it } from 'vitest';
import { dropRepeats } from './merge-batch';

const row = (line: number, phone: string, email: string | null) => ({ line, row: ['A', null, phone, email, null, null, null, null, null] });

describe('dropRepeats', () => {
  it('keeps the first row of each phone and email; a dropped row still claims its email', () => {
    const { rows, repeats } = dropRepeats([
      row(2, '+12125550100', 'a@x.io'),
      row(3, '+12125550100', 'b@x.io'), // phone of line 2
      row(4, '+12125550101', 'B@X.IO'), // email of line 3 (dropped, but it was there first), in another case
      row(5, '+12125550102', null),
      row(6, '+12125550103', null), // no email: nothing to repeat
      row(7, '+12125550104', 'A@x.io'), // email of line 2
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 5, 6]);
    expect(repeats).toBe(3);
  });

  it('keeps everything in a batch without repeats, in order', () => {
    const input = Array.from({ length: 100 }, (_, i) => row(i + 2, `+1212555${String(i).padStart(4, '0')}`, `c${i}@x.io`));
    expect(dropRepeats(input)).toEqual({ rows: input, repeats: 0 });
  });
});

// Notes and messages keep their line breaks and tabs; every other control character is refused.
import { describe, expect, it } from 'vitest';
import { multiLineText } from './multi-line-text';

describe('multiLineText', () => {
  const note = multiLineText({ max: 30, required: 'Write something' });

  it('keeps line breaks and tabs, trims the ends', () => {
    expect(note.parse('  first line\r\nsecond\tline \n')).toBe('first line\r\nsecond\tline');
  });

  it.each(['a\u0000b', 'esc\u001b[31m', 'bell\u0007', 'del\u007f', 'c1\u0085', 'vt\u000bx'])('refuses %j', (v) => {
    expect(note.safeParse(v).error?.issues[0]?.message).toBe('Remove control characters (only line breaks and tabs may be used)');
  });

  it('says when it is missing or too long', () => {
    expect(note.safeParse(' \n ').error?.issues[0]?.message).toBe('Write something');
    expect(note.safeParse('x'.repeat(31)).error?.issues[0]?.message).toBe('Use at most 30 characters');
  });
});

// Names and titles are one line of text: control characters and line breaks are refused, the rest is kept.
import { describe, expect, it } from 'vitest';
import { singleLineText } from './single-line-text';

describe('singleLineText', () => {
  const name = singleLineText({ max: 20, required: 'Name is required' });

  it('trims and keeps any printable text', () => {
    expect(name.parse('  Zoë 田中 💼 ')).toBe('Zoë 田中 💼');
  });

  it.each(['a\u0000b', 'tab\there', 'two\nlines', 'esc\u001b[31m', 'del\u007f', 'c1\u0085', 'line\u2028separator'])('refuses %j', (v) => {
    expect(name.safeParse(v).error?.issues[0]?.message).toBe('Use one line of text, without tabs, line breaks or control characters');
  });

  it('says when it is missing or too long', () => {
    expect(name.safeParse('   ').error?.issues[0]?.message).toBe('Name is required');
    expect(name.safeParse('x'.repeat(21)).error?.issues[0]?.message).toBe('Use at most 20 characters');
  });
});

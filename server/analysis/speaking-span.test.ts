import { describe, expect, it } from 'vitest';
import { speakingSpan } from './speaking-span';

describe('speakingSpan', () => {
  it('runs from the first start to the latest end', () => {
    expect(speakingSpan([{ text: 'a', start: 2, end: 5 }, { text: 'b', start: 3, end: 4 }])).toEqual({ start: 2, end: 5, seconds: 3 });
  });

  it('never reports less than one second', () => {
    expect(speakingSpan([{ text: 'a', start: 2, end: 2.2 }]).seconds).toBe(1);
  });
});

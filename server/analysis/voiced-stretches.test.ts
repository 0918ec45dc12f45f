import { describe, expect, it } from 'vitest';
import { voicedStretches } from './voiced-stretches';

const rate = 8000;
function audio(parts: Array<[level: number, seconds: number]>) {
  const samples = new Float32Array(Math.round(parts.reduce((s, [, d]) => s + d, 0) * rate));
  let at = 0;
  for (const [level, seconds] of parts) for (let i = 0; i < seconds * rate; i++, at++) samples[at] = level * Math.sin((2 * Math.PI * 200 * at) / rate);
  return { sampleRate: rate, channels: 1, samples };
}

describe('voicedStretches', () => {
  it('finds the runs above silence, bridges dips between syllables and drops clicks', () => {
    const found = voicedStretches(audio([[0, 0.5], [0.3, 1], [0, 0.2], [0.3, 1], [0, 1.5], [0.3, 0.1], [0, 1], [0.2, 2]]));
    // 0.2 s dip bridged; the 0.1 s click dropped.
    expect(found).toEqual([{ start: 0.5, end: 2.7 }, { start: 5.3, end: 7.3 }]);
  });
  it('is empty for silence', () => {
    expect(voicedStretches(audio([[0, 3]]))).toEqual([]);
  });
});

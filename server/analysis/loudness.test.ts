import { describe, expect, it } from 'vitest';
import { DBFS_FLOOR, loudnessLevels, mean, rmsDbfs, standardDeviation } from './loudness';

function sine(hz: number, amplitude: number, seconds: number, sampleRate: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i += 1) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate);
  return out;
}

describe('rmsDbfs', () => {
  it('gives -3.01 dBFS for a full-scale sine and 0 dBFS for a full-scale square', () => {
    expect(rmsDbfs(sine(440, 1, 0.1, 16000), 0, 1600)).toBeCloseTo(-3.01, 2);
    expect(rmsDbfs(new Float32Array([1, -1, 1, -1]), 0, 4)).toBe(0);
  });

  it('floors digital silence and empty ranges at -100 dBFS', () => {
    expect(rmsDbfs(new Float32Array(100), 0, 100)).toBe(DBFS_FLOOR);
    expect(rmsDbfs(new Float32Array(100), 5, 5)).toBe(DBFS_FLOOR);
  });
});

describe('loudnessLevels', () => {
  it('reports one value per whole 100 ms window', () => {
    expect(loudnessLevels(new Float32Array(16000 * 2 + 500), 16000)).toHaveLength(20);
  });

  it('uses one window for audio shorter than 100 ms and none for empty audio', () => {
    expect(loudnessLevels(sine(440, 1, 0.05, 16000), 16000)).toHaveLength(1);
    expect(loudnessLevels(new Float32Array(0), 16000)).toEqual([]);
  });
});

describe('statistics', () => {
  it('computes mean and population standard deviation', () => {
    expect(mean([1, 2, 3])).toBe(2);
    expect(mean([])).toBe(0);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(standardDeviation([5])).toBe(0);
  });
});

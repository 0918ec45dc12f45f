import { describe, expect, it } from 'vitest';
import * as api from './index';

describe('public API', () => {
  it('exports the entry points, errors and documented constants', () => {
    for (const name of ['parseTranscript', 'decodeWav', 'analyzeSession']) expect(typeof api[name as keyof typeof api]).toBe('function');
    for (const name of ['TranscriptValidationError', 'ModuleValidationError', 'TranscriptFormatError', 'AudioDecodeError']) {
      expect(typeof api[name as keyof typeof api]).toBe('function');
    }
    expect(api.WPM_BOUNDS).toEqual({ slow: 110, fast: 170 });
    expect(api.PAUSE_THRESHOLDS).toEqual({ pause: 1, long: 2.5 });
    expect(Object.keys(api.SCORE_WEIGHTS)).toHaveLength(7);
    expect(api.FILLERS.length).toBeGreaterThan(10);
  });

  it('runs end to end from a VTT string', () => {
    const words = api.parseTranscript('WEBVTT\n\n00:00.000 --> 00:02.000\nSo, um, our free trials rock');
    const result = api.analyzeSession({ words, module: { keywords: ['free trial'], targetTime: 2 } });
    expect(result.fillers.summary).toEqual({ so: 1, um: 1 });
    expect(result.keywords.hit).toEqual(['free trial']);
    expect(result.targetTime!.delta).toBe(0);
  });
});

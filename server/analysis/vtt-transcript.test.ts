import { describe, expect, it } from 'vitest';
import { TranscriptFormatError, TranscriptValidationError } from './analysis-errors';
import { parseVtt } from './vtt-transcript';

describe('parseVtt', () => {
  it('parses multiple cues without hours, spreading each cue over its words by length', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:03.000\nHi team\n\n00:04.000 --> 00:05.000\nok go\n';
    expect(parseVtt(vtt)).toEqual([
      { text: 'Hi', start: 1, end: 1 + 2 * (2 / 6) },
      { text: 'team', start: 1 + 2 * (2 / 6), end: 3 },
      { text: 'ok', start: 4, end: 4.5 },
      { text: 'go', start: 4.5, end: 5 },
    ]);
  });

  it('parses hours, cue ids, cue settings, tags, entities, CRLF, BOM and NOTE blocks', () => {
    const vtt = [
      '\uFEFFWEBVTT - practice pitch',
      'Kind: captions',
      '',
      'NOTE recorded in the Pitchcraft app',
      'spanning two lines',
      '',
      'intro-1',
      '01:00:00.500 --> 01:00:01.500 align:start position:10%',
      '<v Ana>Tom &amp; Jerry</v>',
      '',
      '2',
      '01:00:02.000 --> 01:00:03.000 line:0',
      'pay <c.loud>less</c>',
      '<00:00:02.500>today',
      '',
    ].join('\r\n');
    const words = parseVtt(vtt);
    expect(words.map((w) => w.text)).toEqual(['Tom', '&', 'Jerry', 'pay', 'less', 'today']);
    expect(words[0]?.start).toBe(3600.5);
    expect(words[2]?.end).toBe(3601.5);
    expect(words[3]?.start).toBe(3602);
    expect(words[5]?.end).toBe(3603);
  });

  it('accepts a comma as decimal separator', () => {
    expect(parseVtt('WEBVTT\n\n00:00:01,250 --> 00:00:02,250\nhello')).toEqual([{ text: 'hello', start: 1.25, end: 2.25 }]);
  });

  it('refuses a malformed timing line with its line number', () => {
    expect(() => parseVtt('WEBVTT\n\n00:01 --> 00:02\nhello')).toThrow(TranscriptFormatError);
    expect(() => parseVtt('WEBVTT\n\n00:01 --> 00:02\nhello')).toThrow(/line 3/);
  });

  it('refuses text without the WEBVTT header', () => {
    expect(() => parseVtt('00:01.000 --> 00:02.000\nhello')).toThrow(TranscriptFormatError);
  });

  it('rejects a VTT without cues as an empty transcript', () => {
    expect(() => parseVtt('WEBVTT\n\n')).toThrow(TranscriptValidationError);
  });

  it('rejects cues that go backwards in time', () => {
    const vtt = 'WEBVTT\n\n00:05.000 --> 00:06.000\nlater\n\n00:01.000 --> 00:02.000\nearlier';
    expect(() => parseVtt(vtt)).toThrow(/words\.1\.start/);
  });
});

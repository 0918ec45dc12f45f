// Reads a WebVTT caption file into timed words (cue timing spread over the cue's words by word length).

import { TranscriptFormatError } from './analysis-errors';
import type { TranscriptWord } from './session-types';
import { validateTranscriptWords } from './transcript-validation';
import { spreadTextOverWords } from './word-timing-spread';

// Hours are optional in WebVTT ("01:02.500"); a comma decimal is accepted because SRT-converted files often keep it.
const TIMESTAMP = String.raw`(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})`;
const TIMING_LINE = new RegExp(String.raw`^\s*${TIMESTAMP}\s+-->\s+${TIMESTAMP}(?:\s+.*)?$`);

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&#39;': "'",
  '&nbsp;': ' ',
  '&lrm;': '',
  '&rlm;': '',
};

function toSeconds(hours: string | undefined, minutes: string, seconds: string, millis: string): number {
  return Number(hours ?? '0') * 3600 + Number(minutes) * 60 + Number(seconds) + Number(millis) / 1000;
}

/** Removes voice/class/timestamp tags (`<v Ana>`, `<c.loud>`, `<00:01.000>`) and decodes common entities. */
function cleanPayload(payload: string): string {
  return payload.replace(/<[^>]*>/g, ' ').replace(/&[#a-z0-9]+;/gi, (entity) => ENTITIES[entity.toLowerCase()] ?? entity);
}

/**
 * Parses WebVTT text. Header, NOTE, STYLE and REGION blocks are skipped; cue ids and cue settings
 * (`align:start position:10%`) are ignored. Throws TranscriptFormatError on a malformed timing line and
 * TranscriptValidationError when the resulting words are invalid (e.g. cues out of order).
 */
export function parseVtt(source: string): TranscriptWord[] {
  const text = source.replace(/^\uFEFF/, '');
  const lines = text.split(/\r\n|\r|\n/);
  if (!(lines[0] ?? '').startsWith('WEBVTT')) {
    throw new TranscriptFormatError('WebVTT must start with "WEBVTT"');
  }

  const words: TranscriptWord[] = [];
  let lineIndex = 1;
  // Skip the rest of the header block (metadata lines up to the first blank line).
  while (lineIndex < lines.length && (lines[lineIndex] ?? '').trim() !== '') lineIndex += 1;

  while (lineIndex < lines.length) {
    while (lineIndex < lines.length && (lines[lineIndex] ?? '').trim() === '') lineIndex += 1;
    const blockStart = lineIndex;
    const block: string[] = [];
    while (lineIndex < lines.length && (lines[lineIndex] ?? '').trim() !== '') {
      block.push(lines[lineIndex] ?? '');
      lineIndex += 1;
    }
    if (block.length === 0) break;
    const first = block[0] ?? '';
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(first)) continue;

    const timingAt = block.findIndex((line) => line.includes('-->'));
    if (timingAt === -1 || timingAt > 1) {
      // A block with no timing (or timing after more than one id line) is not a cue we can place in time.
      if (timingAt > 1) {
        throw new TranscriptFormatError(`WebVTT line ${blockStart + timingAt + 1}: cue timing must follow at most one id line`);
      }
      continue;
    }
    const timingLine = block[timingAt] ?? '';
    const match = TIMING_LINE.exec(timingLine);
    if (!match) {
      throw new TranscriptFormatError(`WebVTT line ${blockStart + timingAt + 1}: malformed cue timing "${timingLine.trim()}"`);
    }
    const [, h1, m1, s1, ms1, h2, m2, s2, ms2] = match;
    const start = toSeconds(h1, m1 ?? '0', s1 ?? '0', ms1 ?? '0');
    const end = toSeconds(h2, m2 ?? '0', s2 ?? '0', ms2 ?? '0');
    const payload = cleanPayload(block.slice(timingAt + 1).join(' '));
    words.push(...spreadTextOverWords(payload, start, end));
  }
  return validateTranscriptWords(words);
}

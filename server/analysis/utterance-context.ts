// Gives filler rules a view of a word's neighbours and whether it opens or closes an utterance.

import type { TranscriptWord } from './session-types';
import { endsSentence, endsWithBreak, normalizeToken } from './word-tokens';

/** A silence at least this long (seconds) between two words ends one utterance and starts the next. */
export const UTTERANCE_GAP_SECONDS = 0.5;

export class UtteranceContext {
  readonly tokens: string[];

  constructor(readonly words: readonly TranscriptWord[]) {
    this.tokens = words.map((word) => normalizeToken(word.text));
  }

  /** Normalized token at `index`, or '' outside the transcript so rules need no bounds checks. */
  token(index: number): string {
    return this.tokens[index] ?? '';
  }

  text(index: number): string {
    return this.words[index]?.text ?? '';
  }

  /** First word, or the previous word ends a sentence, or a pause of ≥ UTTERANCE_GAP_SECONDS precedes it. */
  isUtteranceStart(index: number): boolean {
    const previous = this.words[index - 1];
    const current = this.words[index];
    if (!previous || !current) return true;
    return endsSentence(previous.text) || current.start - previous.end >= UTTERANCE_GAP_SECONDS;
  }

  /** Last word, or it ends a sentence, or a pause of ≥ UTTERANCE_GAP_SECONDS follows it. */
  isUtteranceEnd(index: number): boolean {
    const current = this.words[index];
    const next = this.words[index + 1];
    if (!current || !next) return true;
    return endsSentence(current.text) || next.start - current.end >= UTTERANCE_GAP_SECONDS;
  }

  /** The word at `index` is followed by a comma-like break (`,` `;` `:` dash, ellipsis). */
  hasBreakAfter(index: number): boolean {
    return endsWithBreak(this.text(index));
  }
}

// Where in the transcript each filler and keyword was said, as word ranges the review page highlights.
import { FILLERS, keywordLocations, type SessionAnalysis } from '../../analysis';
import { normalizeToken } from '../../analysis/word-tokens';

export type Highlights = {
  fillers: { index: number; length: number; word: string }[];
  keywords: { index: number; length: number; keyword: string }[];
};

/** A filler's spoken form can be shorter than its name ("y'know" for "you know"): count the words actually said. */
function spokenLength(analysis: SessionAnalysis, index: number, filler: string): number {
  const forms = FILLERS.find((f) => f.filler === filler)?.forms ?? [filler];
  const said = (offset: number) => normalizeToken(analysis.words[index + offset]?.text ?? '');
  const matching = forms.map((form) => form.split(' ')).filter((tokens) => tokens.every((token, offset) => said(offset) === token));
  return Math.max(1, ...matching.map((tokens) => tokens.length));
}

export function sessionHighlights(analysis: SessionAnalysis, keywords: readonly string[]): Highlights {
  return {
    fillers: analysis.fillers.locations.map((l) => ({ index: l.index, length: spokenLength(analysis, l.index, l.word), word: l.word })),
    keywords: keywordLocations(analysis.words, keywords).map((k) => ({ index: k.index, length: k.length, keyword: k.keyword })),
  };
}

// One or two initials for a name, by user-perceived character (an emoji or an accented letter is never cut in half),
// skipping punctuation and symbols that open a word ("<Acme>" → "A", "(Zoë) Ng" → "ZN").
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const MEANINGFUL = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

export function initialsOf(name: string): string {
  const initials: string[] = [];
  for (const word of name.split(/\s+/)) {
    for (const { segment } of graphemes.segment(word)) {
      if (!MEANINGFUL.test(segment)) continue;
      initials.push(segment.toLocaleUpperCase());
      break;
    }
    if (initials.length === 2) break;
  }
  return initials.join('');
}

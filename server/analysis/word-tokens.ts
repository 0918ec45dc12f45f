// Turns a spoken word's display text into a comparable token and reads the punctuation around it.

/** Lowercases, unifies curly apostrophes and strips surrounding punctuation: `"Pricing,"` → `pricing`. */
export function normalizeToken(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[^\p{L}\p{N}]+$/u, '');
}

/** True when the word closes a sentence (`.`, `?`, `!`, `…`), optionally followed by a closing quote/bracket. */
export function endsSentence(text: string): boolean {
  return /[.?!\u2026]["'\u201d\u2019)\]]*$/.test(text.trim());
}

/** True when the word is followed by a comma-like break (`,` `;` `:` dashes or an ellipsis). */
export function endsWithBreak(text: string): boolean {
  return /[,;:\u2014\u2013\u2026-]["'\u201d\u2019)\]]*$/.test(text.trim()) || /\.\.\.$/.test(text.trim());
}

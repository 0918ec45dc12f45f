// A small, predictable suffix stripper so "trials", "Pricing," and "integrated" match "trial", "price", "integrate".

import { normalizeToken } from './word-tokens';

/** Stems shorter than this are left alone so short words ("is", "bus", "only") are not mangled. */
export const MIN_STEM_LENGTH = 3;

function strip(word: string, suffix: string, minStem = MIN_STEM_LENGTH): string | null {
  if (!word.endsWith(suffix)) return null;
  const stem = word.slice(0, -suffix.length);
  return stem.length >= minStem ? stem : null;
}

/** "running" → "run": undo the consonant doubling that -ing/-ed adds. */
function undouble(stem: string): string {
  const last = stem.at(-1) ?? '';
  return stem.length > MIN_STEM_LENGTH && last === stem.at(-2) && !'aeiouls'.includes(last) ? stem.slice(0, -1) : stem;
}

/**
 * Three steps, each applying at most one rule, and a rule only applies if at least MIN_STEM_LENGTH letters remain:
 *   1. plural / possessive:
 *        's or '                  → removed   (company's → company)
 *        -ies, -ied               → -y        (companies, applied → company, apply)
 *        -sses                    → -ss       (businesses → business)
 *        -es after s x z ch sh    → removed   (boxes, pitches → box, pitch)
 *        -s (not after s, u, i)   → removed   (trials, prices → trial, price)
 *   2. verb / adverb endings:
 *        -eed (4+ letters remain) → -ee      (guaranteed → guarantee)
 *        -ing, -ed                → removed, doubled consonant undone (pricing, planned → pric, plan)
 *        -ly (4+ letters remain)  → removed   (quickly → quick; apply stays)
 *   3. a final silent -e is dropped, so "price", "pricing" and "priced" all become "pric".
 */
export function stemWord(token: string): string {
  let word = token.replace(/'s$/, '').replace(/'$/, '');
  const ies = strip(word, 'ies') ?? strip(word, 'ied');
  if (ies !== null) word = `${ies}y`;
  else if (word.endsWith('sses')) word = word.slice(0, -2);
  else if (/(s|x|z|ch|sh)es$/.test(word) && strip(word, 'es') !== null) word = word.slice(0, -2);
  else if (/[^sui]s$/.test(word) && strip(word, 's') !== null) word = word.slice(0, -1);

  // "-eed" words keep their double e ("guaranteed" → "guarantee") so they still meet the base form.
  const eedStem = word.endsWith('eed') ? strip(word, 'd', MIN_STEM_LENGTH + 1) : null;
  const verbStem = strip(word, 'ing') ?? strip(word, 'ed');
  if (eedStem !== null) word = eedStem;
  else if (verbStem !== null) word = undouble(verbStem);
  // -ly needs a 4-letter stem so "apply" and "supply" keep their endings.
  else word = strip(word, 'ly', MIN_STEM_LENGTH + 1) ?? word;

  return word.length > MIN_STEM_LENGTH && word.endsWith('e') ? word.slice(0, -1) : word;
}

/** Splits text (a spoken word or a keyword) into stemmed tokens; hyphens and slashes separate words. */
export function stemPhrase(text: string): string[] {
  return text
    .split(/[\s\-\u2013\u2014/]+/)
    .map((part) => normalizeToken(part))
    .filter((part) => part.length > 0)
    .map(stemWord);
}

// Decides whether an ambiguous word ("like", "so", "right", "you know", ...) is being used as a filler here.

import type { UtteranceContext } from './utterance-context';

const set = (words: string): ReadonlySet<string> => new Set(words.split(' '));

/** Words that make the following "like" a real verb or preposition: "I like", "would like", "looks like". */
export const LIKE_GOVERNORS = set(
  "i you we they he she who people would i'd you'd we'd they'd he'd she'd do does did don't doesn't didn't " +
    'feel feels felt feeling look looks looked looking sound sounds sounded seem seems seemed ' +
    'something anything nothing much more most lot exactly just things stuff',
);
/** Forms of "to be"; "it was like great" is a filler, but see LIKE_COMPARISON_FOLLOWERS. */
export const BE_FORMS = set("is was were am are be been being it's that's he's she's i'm you're we're they're there's what's");
/** After a form of "be", these keep "like" a comparison: "it's like a bank", "what it's like to work here". */
export const LIKE_COMPARISON_FOLLOWERS = set(
  'a an the this that these those my your our their his her its me you him us them it someone something ' +
    'anything nothing everyone everything what to when if in on at with for before after',
);
/** After "so", these make it an intensifier or connective, not a filler: "so that", "so much". */
export const SO_CONTENT_FOLLOWERS = set('that much many far long few little to');
/** Before "so", these make it part of a phrase: "and so on", "I think so", "if so". */
export const SO_PHRASE_PRECEDERS = set('and or think hope guess believe suppose said say not if do even');
/** Before "you know", these make it a real question or clause: "do you know", "as you know", "let you know". */
export const YOU_KNOW_PRECEDERS = set(
  "do does did don't doesn't didn't if as would will could should can might may must what let make making whether",
);
/** Before "kind of"/"sort of", these make it a real noun: "what kind of", "the right kind of". */
export const KIND_OF_PRECEDERS = set(
  'a an the this that these those what which some any every each no one another same different my your our their ' +
    'his her its whatever all certain right new other special whole wrong best perfect',
);
/** Around "I mean", these make it literal: "what I mean", "I mean it", "I mean to". */
export const I_MEAN_PRECEDERS = set('what which that know see');
export const I_MEAN_FOLLOWERS = set('it to that this well');

/** `index` is the filler's first word; returns true when that occurrence is a filler. */
export type FillerContextRule = (context: UtteranceContext, index: number) => boolean;

/**
 * "like" is a filler when (1) it is set off by punctuation ("was, like, great" or "like," after any word) and not
 * governed by the previous word, or (2) it directly follows a form of "be" and is not followed by a comparison
 * word and does not end the utterance ("it was like great", "there were like 20"). Otherwise it is a verb or
 * preposition ("I would like to", "looks like", "tools like Slack").
 */
export const isFillerLike: FillerContextRule = (context, index) => {
  const previous = context.token(index - 1);
  const previousHasBreak = index > 0 && context.hasBreakAfter(index - 1);
  if (LIKE_GOVERNORS.has(previous) && !previousHasBreak) return false;
  if (previousHasBreak || context.hasBreakAfter(index)) return true;
  if (BE_FORMS.has(previous) && !context.isUtteranceStart(index)) {
    return !context.isUtteranceEnd(index) && !LIKE_COMPARISON_FOLLOWERS.has(context.token(index + 1));
  }
  return false;
};

/**
 * "so" is a filler when it opens an utterance (see UtteranceContext) but does not close it, is not followed by an
 * intensified/connective word ("so that", "so much") and is not preceded by a phrase word ("and so on", "I think
 * so"; relevant when a pause split the phrase).
 */
export const isFillerSo: FillerContextRule = (context, index) =>
  context.isUtteranceStart(index) &&
  !context.isUtteranceEnd(index) &&
  !SO_CONTENT_FOLLOWERS.has(context.token(index + 1)) &&
  !SO_PHRASE_PRECEDERS.has(context.token(index - 1));

/** "right" is a filler as a tag question after a comma ("it saves time, right?") or as an opener ("Right, so..."). */
export const isFillerRight: FillerContextRule = (context, index) => {
  const text = context.text(index).trim();
  if (text.endsWith('?') && index > 0 && context.hasBreakAfter(index - 1)) return true;
  return context.isUtteranceStart(index) && context.hasBreakAfter(index);
};

/** "you know" is a filler unless a word like "do", "as", "if", "let" makes it a real clause. */
export const isFillerYouKnow: FillerContextRule = (context, index) => !YOU_KNOW_PRECEDERS.has(context.token(index - 1));

/** "kind of"/"sort of" is a filler unless a determiner makes it a noun phrase ("what kind of", "a sort of"). */
export const isFillerKindOf: FillerContextRule = (context, index) => !KIND_OF_PRECEDERS.has(context.token(index - 1));

/** "I mean" is a filler unless it is literal: "what I mean", "I mean it", "I mean to". */
export const isFillerIMean: FillerContextRule = (context, index) =>
  !I_MEAN_PRECEDERS.has(context.token(index - 1)) && !I_MEAN_FOLLOWERS.has(context.token(index + 2));

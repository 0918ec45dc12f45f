import { describe, expect, it } from 'vitest';
import { stemPhrase, stemWord } from './keyword-stemmer';

describe('stemWord', () => {
  it.each([
    ['trials', 'trial'],
    ['trial', 'trial'],
    ['prices', 'pric'],
    ['pricing', 'pric'],
    ['priced', 'pric'],
    ['price', 'pric'],
    ['companies', 'company'],
    ['company', 'company'],
    ["company's", 'company'],
    ['businesses', 'business'],
    ['business', 'business'],
    ['pitches', 'pitch'],
    ['boxes', 'box'],
    ['integrated', 'integrat'],
    ['integrate', 'integrat'],
    ['planned', 'plan'],
    ['running', 'run'],
    ['calling', 'call'],
    ['quickly', 'quick'],
    ['meetings', 'meet'],
    ['speeds', 'spe'],
    ['speed', 'spe'],
    ['applied', 'apply'],
    ['guaranteed', 'guarante'],
    ['guarantee', 'guarante'],
    ['agreed', 'agre'],
    ['agree', 'agre'],
    ['needed', 'need'],
    ['need', 'need'],
    ['freed', 'fre'],
    ['free', 'fre'],
  ])('%s → %s', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });

  it('leaves short words alone', () => {
    for (const word of ['is', 'bus', 'was', 'this', 'only', 'roi', 'thing']) expect(stemWord(word)).toBe(word);
  });
});

describe('stemPhrase', () => {
  it('lowercases, strips punctuation and splits on spaces, hyphens and slashes', () => {
    expect(stemPhrase('Free-Trials!')).toEqual(['fre', 'trial']);
    expect(stemPhrase('"Pricing,"')).toEqual(['pric']);
    expect(stemPhrase('CRM/ERP  integrations')).toEqual(['crm', 'erp', 'integration']);
    expect(stemPhrase(' -- ')).toEqual([]);
  });
});

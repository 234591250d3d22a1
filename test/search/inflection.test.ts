import { describe, expect, it } from 'vitest';
import { inflectionStem, measure } from '../../src/search/inflection.js';

describe('inflectionStem (Porter step 1)', () => {
  // The examples Porter gives for step 1 in "An algorithm for suffix stripping" (1980).
  const examples: [string, string][] = [
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['ties', 'ti'],
    ['caress', 'caress'],
    ['cats', 'cat'],
    ['feed', 'feed'],
    ['agreed', 'agree'],
    ['plastered', 'plaster'],
    ['bled', 'bled'],
    ['motoring', 'motor'],
    ['sing', 'sing'],
    ['conflated', 'conflate'],
    ['troubled', 'trouble'],
    ['sized', 'size'],
    ['hopping', 'hop'],
    ['tanned', 'tan'],
    ['falling', 'fall'],
    ['hissing', 'hiss'],
    ['fizzed', 'fizz'],
    ['failing', 'fail'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['sky', 'sky'],
  ];
  it.each(examples)('%s → %s', (word, stemmed) => expect(inflectionStem(word)).toBe(stemmed));

  it('leaves derivations alone', () => {
    expect(inflectionStem('generalization')).toBe('generalization');
    expect(inflectionStem('distribution')).toBe('distribution');
    expect(inflectionStem('distributed')).toBe('distribut');
  });
});

describe('measure', () => {
  it('counts vowel-consonant sequences', () => {
    expect(['tr', 'ee', 'tree', 'y', 'by'].map(measure)).toEqual([0, 0, 0, 0, 0]);
    expect(['trouble', 'oats', 'trees', 'ivy'].map(measure)).toEqual([1, 1, 1, 1]);
    expect(['troubles', 'private', 'oaten', 'orrery'].map(measure)).toEqual([2, 2, 2, 2]);
  });
});

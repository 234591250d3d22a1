import { describe, expect, it } from 'vitest';
import { analyzeWord, camelPieces, family, foldText, nameTerms, stem, textTerms, wordTokens } from '../../src/search/analyzer.js';

describe('wordTokens', () => {
  it('keeps inner hyphens, drops punctuation and possessives', () => {
    expect(wordTokens("Mamba's long-context (LC) results, e.g. GPT-4.")).toEqual(['Mamba', 'long-context', 'LC', 'results', 'e', 'g', 'GPT-4']);
  });

  it('folds accents', () => {
    expect(foldText('Uznański café')).toBe('Uznanski cafe');
    expect(wordTokens('Milenković')).toEqual(['Milenkovic']);
  });
});

describe('camelPieces', () => {
  it('splits words glued in camelCase', () => {
    expect(camelPieces('LongWriter')).toEqual(['Long', 'Writer']);
    expect(camelPieces('AnchorAttention')).toEqual(['Anchor', 'Attention']);
    expect(camelPieces('OryxViT')).toEqual(['Oryx', 'ViT']);
  });

  it('keeps acronyms with lowercase letters whole', () => {
    for (const word of ['LoRA', 'RoPE', 'eDKM', 'LaRA', 'looK', 'NatureLM']) expect(camelPieces(word)).toEqual([word]);
    expect(camelPieces('LongLoRA')).toEqual(['Long', 'LoRA']);
  });
});

describe('analyzeWord', () => {
  it('indexes a hyphenated compound both split and solid', () => {
    expect(analyzeWord('Long-Context')).toEqual({ surface: 'long-context', pieces: ['long', 'context'], joins: ['longcontext'] });
  });

  it('gives the solid spelling the same term as the joined compound', () => {
    expect(analyzeWord('pre-training').joins).toEqual(analyzeWord('pretraining').pieces);
  });

  it('splits camelCase names into words', () => {
    expect(analyzeWord('LongLoRA')).toMatchObject({ pieces: ['long', 'lora'], joins: ['longlora'] });
  });

  it('drops stop words inside compounds', () => {
    expect(analyzeWord('state-of-the-art').pieces).toEqual(['state', 'art']);
  });

  it('stems inflections only', () => {
    expect(analyzeWord('Models').pieces).toEqual(['model']);
    expect(stem('quantized')).toBe(stem('quantizing'));
    expect(stem('generalization')).not.toBe(stem('generation'));
  });

  it('puts derivational relatives in one Porter family', () => {
    expect(family(stem('quantization'))).toBe(family(stem('quantized')));
    expect(family(stem('generalization'))).toBe(family(stem('generation')));
  });
});

describe('textTerms', () => {
  it('drops stop words and repeats terms as often as they occur', () => {
    expect(textTerms('The models and the model')).toEqual(['model', 'model']);
  });
});

describe('nameTerms', () => {
  it('lowercases, folds, splits hyphenated names and drops initials', () => {
    expect(nameTerms('Chun-Liang Li; S. Jahromi; Uznański')).toEqual(['chun', 'liang', 'chunliang', 'li', 'jahromi', 'uznanski']);
  });
});

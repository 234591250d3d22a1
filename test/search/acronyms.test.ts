import { describe, expect, it } from 'vitest';
import { AcronymTable, acronymTerm, bestLongForm, findAcronymDefinitions } from '../../src/search/acronyms.js';
import { analyzeWord, wordTokens } from '../../src/search/analyzer.js';

const terms = (text: string) => wordTokens(text).flatMap((t) => analyzeWord(t).pieces);

describe('bestLongForm (Schwartz–Hearst)', () => {
  it('finds the shortest tail whose words spell the acronym', () => {
    expect(bestLongForm('RAG', 'offers Retrieval-Augmented Generation')).toBe('Retrieval-Augmented Generation');
    expect(bestLongForm('ZeRO', 'a novel solution, Zero Redundancy Optimizer')).toBe('Zero Redundancy Optimizer');
  });

  it('needs the first letter at the start of a word', () => {
    expect(bestLongForm('NoPE', 'Transformers without positional encoding')).toBeNull();
  });
});

describe('findAcronymDefinitions', () => {
  it('reads "long form (SHORT)" and "SHORT (long form)", plurals included', () => {
    const text = 'Large Language Models (LLMs) are big. We propose NASK (Need A Second looK) for text. See (i) and (e.g., this).';
    expect(findAcronymDefinitions(text)).toEqual([
      { short: 'LLMs', long: 'Large Language Models' },
      { short: 'NASK', long: 'Need A Second looK' },
    ]);
  });

  it('ignores parentheses that are not acronyms', () => {
    expect(findAcronymDefinitions('results (table 2) and steps (1st stage) of the model (ours)')).toEqual([]);
  });
});

describe('acronymTerm', () => {
  it('is the term the acronym is indexed as', () => {
    expect(acronymTerm('LLMs')).toBe('llm');
    expect(acronymTerm('RAG')).toBe(analyzeWord('rag').pieces[0]);
  });
});

describe('AcronymTable', () => {
  const table = AcronymTable.mine(['We use Retrieval-Augmented Generation (RAG) here.', 'Rotary Positional Embedding (RoPE) works.']);

  it('maps each acronym to its expansion', () => {
    expect(table.size).toBe(2);
    expect(table.has('rag')).toBe(true);
  });

  it('finds expansions written out elsewhere, in any inflection', () => {
    expect(table.spans(terms('we study retrieval augmented generations today'))).toEqual([{ start: 1, end: 4, term: 'rag' }]);
    expect(table.spans(terms('rotary position embeddings'))).toEqual([{ start: 0, end: 3, term: 'rope' }]);
    expect(table.spans(terms('retrieval then generation'))).toEqual([]);
  });

  it('survives JSON', () => {
    const again = AcronymTable.fromJSON(JSON.parse(JSON.stringify(table.toJSON())));
    expect(again.spans(terms('retrieval-augmented generation'))).toEqual(table.spans(terms('retrieval-augmented generation')));
  });
});

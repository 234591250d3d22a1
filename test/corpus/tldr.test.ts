import { describe, expect, it } from 'vitest';
import { TLDR } from '../../src/config.js';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { splitSentences } from '../../src/corpus/sentences.js';
import { summarize } from '../../src/corpus/tldr.js';

const papers = loadCorpus(DEFAULT_DATA_DIR).papers;
const summaries = papers.map((paper) => ({ paper, tldr: summarize(paper.abstract) }));

describe('TL;DR on all 99 papers', () => {
  it('is what papers.json holds', () => {
    expect(summaries.map((s) => s.tldr)).toEqual(papers.map((p) => p.tldr));
  });

  it.each(summaries.map((s) => [s.paper.id, s.tldr, s.paper.abstract] as const))('%s: 40–280 chars, whole sentences from the abstract', (_id, tldr, abstract) => {
    expect(tldr.length).toBeGreaterThanOrEqual(TLDR.minChars);
    expect(tldr.length).toBeLessThanOrEqual(TLDR.maxChars);
    expect(tldr).not.toMatch(/^In this (paper|work)/i);
    expect(tldr).not.toMatch(/[\\{}$]|\^\{/);
    expect(tldr).toMatch(/[.!?]["')\]]?$/);
    // Each sentence is the abstract's own, less any scene-setting lead, never cut mid-word.
    for (const sentence of splitSentences(tldr)) {
      const body = sentence.slice(1);
      expect(abstract).toContain(body);
      const at = abstract.indexOf(body);
      expect(abstract.slice(at + body.length, at + body.length + 1)).toMatch(/^(\s|)$/);
    }
  });

  it("speaks in the paper's own voice (what it contributes), not the field's background, for nearly all papers", () => {
    const ownVoice = summaries.filter((s) => /\b(we|our|us|this (paper|work|study))\b/i.test(s.tldr));
    expect(ownVoice.length).toBeGreaterThanOrEqual(90);
  });
});

describe('summarize', () => {
  it('drops "In this paper," and scene-setting leads but keeps the sentence whole', () => {
    const abstract = 'Large models are costly to serve in practice today. In this paper, we propose FastThing, a method that halves serving cost for large models. It is evaluated on three benchmarks.';
    expect(summarize(abstract)).toBe('We propose FastThing, a method that halves serving cost for large models.');
  });

  it('adds the headline result when both fit', () => {
    const abstract = 'Serving is costly. We introduce FastThing, a scheduler for serving large language models. Experiments show FastThing outperforms vLLM by 2.3× in throughput.';
    expect(summarize(abstract)).toBe('We introduce FastThing, a scheduler for serving large language models. Experiments show FastThing outperforms vLLM by 2.3× in throughput.');
  });

  it('keeps abbreviations and decimals inside a sentence', () => {
    expect(splitSentences('We use e.g. BERT and 2.4× more data. Then we stop.')).toEqual(['We use e.g. BERT and 2.4× more data.', 'Then we stop.']);
  });
});

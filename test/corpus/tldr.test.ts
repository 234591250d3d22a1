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

  it.each(summaries.map((s) => [s.paper.id, s.tldr, s.paper.abstract] as const))(
    '%s: 40–280 chars, whole sentences from the abstract (or its contribution cut at a clause)',
    (_id, tldr, abstract) => {
      expect(tldr.length).toBeGreaterThanOrEqual(TLDR.minChars);
      expect(tldr.length).toBeLessThanOrEqual(TLDR.maxChars);
      expect(tldr).not.toMatch(/^In this (paper|work)/i);
      expect(tldr).not.toMatch(/[\\{}$]|\^\{/);
      // A contribution sentence too long to show whole ends at a clause break, with an ellipsis.
      const clipped = tldr.endsWith('…');
      if (!clipped) expect(tldr).toMatch(/[.!?]["')\]]?$/);
      // Each sentence is the abstract's own, less any scene-setting lead, never cut mid-word.
      for (const sentence of splitSentences(clipped ? tldr.slice(0, -1) : tldr)) {
        const body = sentence.slice(1);
        expect(abstract).toContain(body);
        const at = abstract.indexOf(body);
        expect(abstract.slice(at + body.length, at + body.length + 1)).toMatch(clipped ? /^[\s,;:]$/ : /^(\s|)$/);
      }
    },
  );

  it("speaks in the paper's own voice (what it contributes), never the field's background, for every paper", () => {
    const ownVoice = summaries.filter((s) => /\b(we|our|us|(this|the present) ([\w-]+ ){0,2}(paper|work|study|report|survey|analysis))\b/i.test(s.tldr));
    expect(ownVoice.map((s) => s.paper.id)).toEqual(summaries.map((s) => s.paper.id));
  });
});

describe('summarize', () => {
  it('prefers what the paper contributes, cut at a clause, over a background sentence that fits', () => {
    const contribution = `We present an empirical study of ${'many approaches for boosting performance on rare languages, '.repeat(4)}with clear results.`;
    const abstract = `Language models rely on large and diverse datasets to learn the syntax of programming languages. ${contribution}`;
    const tldr = summarize(abstract);
    expect(tldr.startsWith('We present an empirical study')).toBe(true);
    expect(tldr.endsWith('…')).toBe(true);
    expect(tldr.length).toBeLessThanOrEqual(TLDR.maxChars);
  });

  it('reads "this survey provides" and "this technical report presents" as the contribution', () => {
    expect(
      summarize('The field grew fast over the years and privacy became a concern. This survey provides a systematic overview of privacy protection methods.'),
    ).toBe('This survey provides a systematic overview of privacy protection methods.');
    expect(
      summarize(
        'Earth observation needs large models trained on many samples. This technical report presents GeoThing, a new geospatial foundation model for remote sensing.',
      ),
    ).toBe('This technical report presents GeoThing, a new geospatial foundation model for remote sensing.');
  });

  it('drops "In this paper," and scene-setting leads but keeps the sentence whole', () => {
    const abstract =
      'Large models are costly to serve in practice today. In this paper, we propose FastThing, a method that halves serving cost for large models. It is evaluated on three benchmarks.';
    expect(summarize(abstract)).toBe('We propose FastThing, a method that halves serving cost for large models.');
  });

  it('adds the headline result when both fit', () => {
    const abstract =
      'Serving is costly. We introduce FastThing, a scheduler for serving large language models. Experiments show FastThing outperforms vLLM by 2.3× in throughput.';
    expect(summarize(abstract)).toBe(
      'We introduce FastThing, a scheduler for serving large language models. Experiments show FastThing outperforms vLLM by 2.3× in throughput.',
    );
  });

  it('keeps abbreviations and decimals inside a sentence', () => {
    expect(splitSentences('We use e.g. BERT and 2.4× more data. Then we stop.')).toEqual(['We use e.g. BERT and 2.4× more data.', 'Then we stop.']);
  });
});

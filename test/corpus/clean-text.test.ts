import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/corpus/clean-text.js';

describe('cleanText', () => {
  it.each([
    ['360{\\deg} panoramic video', '360° panoramic video'],
    [
      'a Text Instance Segmentation network (\\(1^{st}\\) stage) and FOX (\\(2^{nd}\\) stage)',
      'a Text Instance Segmentation network (1st stage) and FOX (2nd stage)',
    ],
    ['merely 0.07\\% away', 'merely 0.07% away'],
    ['up to 2.4\\times speedup', 'up to 2.4× speedup'],
    ['at https://github.com/Alibaba-NLP/LaRA{https://github.com/Alibaba-NLP/LaRA}.', 'at https://github.com/Alibaba-NLP/LaRA.'],
    ['three critical textit{O}bstacles', 'three critical Obstacles'],
    ["[Gawrychowski and Uzna\\'{n}ski, ICALP 2018]", '[Gawrychowski and Uznański, ICALP 2018]'],
    ["the concept of ``capacity density'' as", 'the concept of “capacity density” as'],
    ['loss (ie D_{KL}) in nats', 'loss (ie D_KL) in nats'],
    ['O(nm(log mloglog m)^{1/4}) time', 'O(nm(log mloglog m)^(1/4)) time'],
    ['stretch 1+varepsilon and', 'stretch 1+ε and'],
    // Numeric exponents become superscripts; others keep `^`.
    ['has size O(log^2 n).', 'has size O(log² n).'],
    ['O(epsilon^{-1}n) time', 'O(epsilon⁻¹n) time'],
    ['O(epsilon^{-0.93}n) and 2^k and 10^2.5', 'O(epsilon^(-0.93)n) and 2^k and 10^2.5'],
    // `\times` after a number, with or without its backslash; a spaced English "times" stays.
    ['downsampled to an 8times 8 resolution', 'downsampled to an 8×8 resolution'],
    ['a 3 \\times 3 grid', 'a 3×3 grid'],
    ['by 130times, while 4.31times faster', 'by 130×, while 4.31× faster'],
    ['7 times larger, 2timestamps, sometimes', '7 times larger, 2timestamps, sometimes'],
    // Alpha-style citation keys go; citations a reader can follow, and intervals, stay.
    ['has size O(log n) [BFN19].', 'has size O(log n).'],
    ['Than [CCLMST23], is new; graphs [And86, AGG14] and [ABC+18].', 'Than, is new; graphs and.'],
    ['[Abrahamson, SICOMP 1987] for ε in [0,1] and [i, ., i+m-1]', '[Abrahamson, SICOMP 1987] for ε in [0,1] and [i, ., i+m-1]'],
    // Typed dashes as LaTeX prints them; flags, decrements and URLs stay.
    ['Part I -- Optimal Scaling', 'Part I – Optimal Scaling'],
    ['exponents---the "steepness"---yet', 'exponents—the "steepness"—yet'],
    ['output window--all you need, pages 10--20', 'output window–all you need, pages 10–20'],
    ['run it with --no-cache (or --dry-run), or -- as i-- does', 'run it with --no-cache (or --dry-run), or – as i-- does'],
    ['a rule ---- stays', 'a rule ---- stays'],
    ['at https://example.org/a--b--c and x--y', 'at https://example.org/a--b--c and x–y'],
  ])('%s', (raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });

  it('expands an unexpanded project-name macro to the name it is given', () => {
    expect(cleanText('demonstrate that \\prjname can fine-tune', { projectName: 'eDKM' })).toBe('demonstrate that eDKM can fine-tune');
  });

  it("mends the paper's own name where the page flattened its superscript", () => {
    const abstract = 'a method called E 2 -LLM. Third, in E 2 - LLM, we';
    expect(cleanText(abstract, { projectName: 'E^2-LLM' })).toBe('a method called E²-LLM. Third, in E²-LLM, we');
    expect(cleanText('E^2-LLM: Efficient and Extreme Length Extension')).toBe('E²-LLM: Efficient and Extreme Length Extension');
    // Without the name, spaced digits are ordinary text.
    expect(cleanText(abstract)).toBe(abstract);
    expect(cleanText('in Table E 2 we', { projectName: 'E^2' })).toBe('in Table E 2 we');
  });

  it('leaves plain text, comparisons and brackets alone', () => {
    const text = 'We propose <projektor>, with <0.5 point gap & 8x reduction.';
    expect(cleanText(text)).toBe(text);
  });

  it('joins lines and collapses white space', () => {
    expect(cleanText('  two\r\nlines   here ')).toBe('two lines here');
  });
});

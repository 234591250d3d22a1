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
  ])('%s', (raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });

  it('expands an unexpanded project-name macro to the name it is given', () => {
    expect(cleanText('demonstrate that \\prjname can fine-tune', { projectName: 'eDKM' })).toBe('demonstrate that eDKM can fine-tune');
  });

  it('leaves plain text, comparisons and brackets alone', () => {
    const text = 'We propose <projektor>, with <0.5 point gap & 8x reduction.';
    expect(cleanText(text)).toBe(text);
  });

  it('joins lines and collapses white space', () => {
    expect(cleanText('  two\r\nlines   here ')).toBe('two lines here');
  });
});

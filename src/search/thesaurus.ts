import { textTerms } from './analyzer.js';
import type { WeightedTerm } from './bm25f.js';

/**
 * The domain thesaurus: ways researchers write the same thing, applied at query time at a lower
 * weight than the word typed (`synonymWeight` in options.ts). Each group lists expressions that a
 * researcher would read as the same; an expression is a word or a few words, written as in a
 * paper (the analyzer makes terms of them, so `models`, `model` and `Model` are one).
 *
 * NOTE: written from domain knowledge, one group per idea, never from evaluation failures: every
 * group must make sense on its own to someone who reads ML papers. Spelling variants come first,
 * then abbreviations a paper spells out once (when the corpus itself defines an acronym, the
 * mined acronym table covers it as well), then everyday synonyms of research writing.
 */
export const THESAURUS: readonly (readonly string[])[] = [
  // British and American spellings.
  ['optimisation', 'optimization'],
  ['optimise', 'optimize'],
  ['optimiser', 'optimizer'],
  ['quantisation', 'quantization'],
  ['quantise', 'quantize'],
  ['generalisation', 'generalization'],
  ['normalisation', 'normalization'],
  ['regularisation', 'regularization'],
  ['tokenisation', 'tokenization'],
  ['tokeniser', 'tokenizer'],
  ['parallelisation', 'parallelization'],
  ['summarisation', 'summarization'],
  ['visualisation', 'visualization'],
  ['modelling', 'modeling'],
  ['labelled', 'labeled'],
  ['behaviour', 'behavior'],
  ['analyse', 'analyze'],
  ['minimise', 'minimize'],
  ['utilise', 'utilize'],
  ['recognise', 'recognize'],
  // Abbreviations and what they stand for.
  ['LLM', 'large language model'],
  ['SLM', 'small language model'],
  ['VLM', 'vision language model', 'visual language model', 'MLLM', 'multimodal large language model', 'multimodal LLM'],
  ['RAG', 'retrieval augmented generation'],
  ['RLHF', 'reinforcement learning from human feedback'],
  ['DPO', 'direct preference optimization'],
  ['SFT', 'supervised fine tuning'],
  ['PEFT', 'parameter efficient fine tuning'],
  ['LoRA', 'low rank adaptation'],
  ['MoE', 'mixture of experts'],
  ['NAS', 'neural architecture search'],
  ['GNN', 'graph neural network'],
  ['CNN', 'convolutional neural network'],
  ['RNN', 'recurrent neural network'],
  ['ViT', 'vision transformer'],
  ['ICL', 'in context learning'],
  ['CoT', 'chain of thought'],
  ['RoPE', 'rotary position embedding', 'rotary positional embedding', 'rotary embedding'],
  ['NLP', 'natural language processing'],
  ['ASR', 'automatic speech recognition', 'speech recognition'],
  ['OCR', 'optical character recognition'],
  ['GPU', 'graphics processing unit'],
  // Everyday synonyms of research writing.
  ['phone', 'smartphone', 'mobile phone', 'mobile device'],
  ['vision', 'visual'],
  ['multimodal', 'multi modal'],
  ['image generation', 'image synthesis'],
  ['video generation', 'video synthesis'],
  ['data generation', 'data synthesis'],
  ['code generation', 'program synthesis'],
  ['evaluation', 'benchmark'],
  ['evaluate', 'benchmark'],
  ['context window', 'context length', 'context size'],
  ['context extension', 'length extension', 'length extrapolation', 'context extrapolation'],
  ['position embedding', 'positional embedding', 'position encoding', 'positional encoding'],
  ['LLM generated text', 'machine generated text', 'AI generated text'],
  ['remote sensing', 'earth observation', 'satellite imagery'],
];

/** An expression's analyzed terms, and those of the expressions it is the same as. */
interface Entry {
  readonly terms: readonly string[];
  readonly alternatives: readonly (readonly string[])[];
}

/** What a query gains from the thesaurus at one place: terms for some of its clauses, or a set of terms that must all be present. */
export interface Expansion {
  /** Index of the first clause of the matched expression. */
  readonly start: number;
  /** Per clause of the expression (from `start`), terms that also match it. */
  readonly anyOf: readonly (readonly WeightedTerm[])[];
  /** Term sets that match the whole expression when all their terms are present. */
  readonly allOf: readonly (readonly string[])[];
}

/**
 * The thesaurus, indexed by each expression's first term.
 *
 * @example
 * const thesaurus = new Thesaurus(THESAURUS);
 * thesaurus.expand(['phone'], 0.5); // one expansion: `smartphon`, and `mobile` + `devic` together
 */
export class Thesaurus {
  private readonly byFirst = new Map<string, Entry[]>();

  constructor(groups: readonly (readonly string[])[]) {
    for (const group of groups) {
      const expressions = group.map((text) => textTerms(text)).filter((terms) => terms.length > 0);
      for (const terms of expressions) {
        const alternatives = expressions.filter((other) => other.join(' ') !== terms.join(' '));
        const list = this.byFirst.get(terms[0]!) ?? [];
        list.push({ terms, alternatives });
        this.byFirst.set(terms[0]!, list);
      }
    }
  }

  /**
   * Where `clauseTerms` (one term per clause, in query order) holds an expression of the
   * thesaurus, what else it may be written as, at `weight`. An alternative of the same length
   * replaces the words that differ (`image generation` → `synthesis` for `generation`); a single
   * term matches every word of a longer expression (`large language model` → `llm`); a longer
   * alternative of a shorter expression is a set of terms all required (`phone` → `mobile device`).
   */
  expand(clauseTerms: readonly string[], weight: number): Expansion[] {
    const expansions: Expansion[] = [];
    for (let start = 0; start < clauseTerms.length; start++) {
      for (const { terms, alternatives } of this.byFirst.get(clauseTerms[start]!) ?? []) {
        if (!terms.every((term, j) => clauseTerms[start + j] === term)) continue;
        const anyOf: WeightedTerm[][] = terms.map(() => []);
        const allOf: string[][] = [];
        for (const alternative of alternatives) {
          if (alternative.length === terms.length) {
            alternative.forEach((term, j) => {
              if (term !== terms[j]) anyOf[j]!.push({ term, weight });
            });
          } else if (alternative.length === 1) for (const list of anyOf) list.push({ term: alternative[0]!, weight });
          else allOf.push([...alternative]);
        }
        expansions.push({ start, anyOf, allOf });
      }
    }
    return expansions;
  }
}

/** The thesaurus search uses. */
export const domainThesaurus = new Thesaurus(THESAURUS);

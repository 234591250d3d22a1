import { TLDR } from '../config.js';
import { splitSentences } from './sentences.js';

/** Phrases that announce what a paper contributes. */
const CONTRIBUTION = [
  /\bwe (propose|introduce|present|develop|design|build|release|construct|create|contribute|curate|formulate)\b/i,
  /\b(this|our|the present) (\w+ ){0,2}(paper|work|study|report|letter|survey|article|review) (proposes|introduces|presents|develops|describes|studies|tackles|addresses|investigates|explores|examines|surveys|reviews|provides|offers|reveals|shows|confirms|reports)\b/i,
  /\b(we|this paper|this work) (show|find|demonstrate|prove|reveal|identify|confirm|showcase)\b/i,
  /\b(we|our|this)\b.*\b(called|named|dubbed|termed)\b/i,
  /\b(a|an) (novel|new|simple|unified|general) ([\w-]+ ){0,2}(framework|method|approach|model|benchmark|dataset|technique|algorithm|architecture|paradigm|study)\b/i,
  /\bus to (propose|introduce|present|develop)\b/i,
  /\bthe present (analysis|study) (reveals|shows|finds)\b/i,
  /\b(we|this paper|this work|our (work|study|paper))\s+(\w+\s+){0,2}(prove|formulate|focus|argue|explore|examine|investigate|analy[sz]e|study|evaluate|conduct|establish|derive|provide|obtain|tackles?)\b/i,
];
/** Phrases that carry a headline result. */
const RESULT = [
  /\b(outperform(s|ed|ing)?|surpass(es|ed)?|beats?|improv(es|ed|ing)|reduc(es|ed|ing)|speeds? up|achiev(es|ed|ing)|faster|better)\b/i,
  /\d+(\.\d+)?\s*(%|×|x\b|times|-fold)/i,
];
/** Openings that only set the scene. */
const BACKGROUND = [
  /^(recent(ly)?|however|although|while|despite|existing|current|traditional|large language models|with the|the advent|the (rapid|recent)|in recent years|nowadays|modern|many|most)\b/i,
  /\b(is|are) key\b|\b(often|typically|usually|commonly|widely|increasingly)\b/i,
  /\b(remains? (a )?(challenging|unclear|open|underexplored)|has (been|attracted|shown)|have (been|shown|attracted)|is (a|an) (key|crucial|important|fundamental))\b/i,
];
/** Leads that tie a sentence to the one before it; a TL;DR stands alone without them. */
const LEADS = [
  /^in (this|our) ([\w-]+ )?(paper|work|study|letter|report|article|note),?\s+/i,
  /^(here|specifically|moreover|additionally|furthermore|finally|therefore|thus|hence|consequently|concretely|overall|then|first|second|third|lastly|instead|to this end|in addition|in particular|in response),\s+/i,
];
/** A scene-setting clause before "we …" ("To address these issues, we propose …") is dropped. */
const LEAD_CLAUSE =
  /^(to|inspired|motivated|based|building|through|by|in|from|within|following|given|besides|notably|strikingly|remarkably|recognizing|leveraging|it)\b[^.]{0,200}?,\s+(?=(we|this paper|this work|our|in this (paper|work),? we)\b)/i;

interface Candidate {
  text: string;
  index: number;
  contribution: number;
  result: number;
}

/**
 * An extractive TL;DR of an abstract: the sentence that says what the paper contributes, plus its
 * headline result when both fit in {@link TLDR.maxChars}. Whole sentences only, never cut.
 */
export function summarize(abstract: string): string {
  const candidates = splitSentences(abstract)
    .map((sentence, index) => score(stripLead(sentence), index))
    .filter((c) => c.text.length >= TLDR.minChars);
  if (candidates.length === 0) return shortenClause(abstract);

  const value = (c: Candidate) => c.contribution * 2 + c.result * 0.5 - c.index * 0.05 - (c.index === 0 ? 1 : 0);
  const fitting = candidates.filter((c) => c.text.length <= TLDR.maxChars);
  const pool = fitting.length > 0 ? fitting : candidates;
  const main = best(pool, value);
  // NOTE: what the paper contributes beats a sentence that merely fits: when the only
  // contribution sentence is too long, it is shortened at a clause rather than passed over for
  // the field's background.
  const contribution = best(candidates, value);
  if (contribution.contribution > 0 && main.contribution <= 0) return shortenClause(contribution.text);
  if (main.text.length > TLDR.maxChars) return shortenClause(main.text);

  const room = TLDR.maxChars - main.text.length - 1;
  const results = pool.filter((c) => c !== main && c.result > 0 && c.text.length <= room && c.index > main.index);
  const headline = results.length > 0 ? best(results, (c) => c.result - c.index * 0.05) : null;
  const parts = headline ? [main, headline].sort((a, b) => a.index - b.index) : [main];
  return parts.map((c) => c.text).join(' ');
}

function score(text: string, index: number): Candidate {
  const count = (patterns: RegExp[]) => patterns.filter((p) => p.test(text)).length;
  return {
    text,
    index,
    contribution: count(CONTRIBUTION) - count(BACKGROUND) - (text.endsWith('?') ? 1 : 0),
    // A result only counts where the sentence states one rather than describing the field.
    result: count(BACKGROUND) > 0 || !RESULT[0]!.test(text) ? 0 : count(RESULT),
  };
}

function best(pool: Candidate[], value: (c: Candidate) => number): Candidate {
  return pool.reduce((top, c) => (value(c) > value(top) ? c : top));
}

function stripLead(sentence: string): string {
  let text = sentence.replace(LEAD_CLAUSE, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const lead of LEADS) {
      const next = text.replace(lead, '');
      if (next !== text && next.length > 0) {
        text = next;
        changed = true;
      }
    }
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A sentence too long to show whole ends at its last clause break that fits, with an ellipsis. */
function shortenClause(text: string): string {
  const limit = TLDR.maxChars - 1;
  const head = text.slice(0, limit);
  const clauseEnd = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(': '));
  const wordEnd = head.lastIndexOf(' ');
  const cut = clauseEnd >= TLDR.minChars ? clauseEnd : wordEnd;
  return `${head.slice(0, cut).replace(/[\s,;:]+$/, '')}…`;
}

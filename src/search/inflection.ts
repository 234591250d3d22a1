/**
 * Step 1 of Porter's algorithm (1980): inflections only (`models` → `model`, `trained` →
 * `train`, `quantized` → `quantize`, `studies` → `studi`), not derivations. The full algorithm
 * also folds `generalization` and `generation` into `gener`, and `distributed` and `distribution`
 * into `distribut`, which in abstracts are different topics; those wider families are matched
 * separately, at a lower weight (see `Lexicon.relatives`).
 */

const VOWEL = /[aeiou]/;

/** Porter's consonant: not a vowel, and `y` only after a vowel (or at the start). */
function isConsonant(word: string, i: number): boolean {
  const c = word[i]!;
  if (VOWEL.test(c)) return false;
  if (c === 'y') return i === 0 || !isConsonant(word, i - 1);
  return true;
}

/** Porter's measure m: the number of vowel-consonant sequences in `[C](VC)^m[V]`. */
export function measure(word: string): number {
  let m = 0;
  let previousVowel = false;
  for (let i = 0; i < word.length; i++) {
    const vowel = !isConsonant(word, i);
    if (!vowel && previousVowel) m += 1;
    previousVowel = vowel;
  }
  return m;
}

function hasVowel(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isConsonant(word, i)) return true;
  return false;
}

function endsDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

/** Consonant-vowel-consonant at the end, the last not w, x or y: `hop`, not `snow`. */
function endsCvc(word: string): boolean {
  const n = word.length;
  return n >= 3 && isConsonant(word, n - 3) && !isConsonant(word, n - 2) && isConsonant(word, n - 1) && !/[wxy]$/.test(word);
}

/**
 * Porter step 1 (1a plurals, 1b `-ed`/`-ing`, 1c `-y`) on a lowercase word.
 *
 * @example
 * inflectionStem('quantized'); // 'quantize'
 * inflectionStem('generalization'); // 'generalization'
 */
export function inflectionStem(word: string): string {
  if (word.length <= 2) return word;
  let w = word;
  if (w.endsWith('sses') || w.endsWith('ies')) w = w.slice(0, -2);
  else if (!w.endsWith('ss') && w.endsWith('s')) w = w.slice(0, -1);

  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else {
    const suffix = w.endsWith('ed') ? 2 : w.endsWith('ing') ? 3 : 0;
    if (suffix > 0 && hasVowel(w.slice(0, -suffix))) {
      w = w.slice(0, -suffix);
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (endsDoubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
      else if (measure(w) === 1 && endsCvc(w)) w += 'e';
    }
  }
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  return w;
}

import { runToEnd, type Steps } from './work-slices.js';

/**
 * A sparse matrix in compressed rows: row `r`'s entries are `columns`/`values` from
 * `rowStarts[r]` to `rowStarts[r + 1]`.
 */
export interface SparseRows {
  readonly rows: number;
  readonly columns: number;
  readonly rowStarts: Uint32Array;
  readonly columnIds: Int32Array;
  readonly values: Float32Array;
}

export interface TruncatedSvd {
  /** Singular values kept, largest first (none is zero). */
  readonly singularValues: Float64Array;
  /** Right singular vectors, one row per column of the input: `columns × rank`, row-major. */
  readonly right: Float64Array;
  readonly rank: number;
}

export interface SvdOptions {
  /** Singular triples wanted; fewer come back when the matrix has a lower rank. */
  readonly rank: number;
  /** Extra random directions beyond `rank` (Halko et al. suggest 5 to 10). */
  readonly oversampling: number;
  /** Power iterations: each sharpens the spectrum's gap at the cost of two passes over the matrix. */
  readonly powerIterations: number;
  /** The random test matrix is seeded, so a build gives the same model every time. */
  readonly seed: number;
}

/**
 * The `rank` largest singular values of a sparse matrix and their right singular vectors, by
 * randomized subspace iteration (Halko, Martinsson & Tropp, "Finding structure with randomness",
 * 2011, algorithms 4.4 and 5.1): a random block of directions is multiplied by AᵀA
 * (1 + `powerIterations` times, orthonormalised after each), which turns it towards the top
 * right singular vectors; the exact eigen-decomposition of the small projected matrix then
 * gives them.
 *
 * NOTE: chosen over Lanczos for its few, predictable passes over the matrix (2 × (1 +
 * `powerIterations`) + 1), each a plain sparse × dense product. Orthonormalising on the term
 * side (a few thousand to tens of thousands of rows) instead of the paper side keeps that step
 * cheap at any corpus size.
 *
 * The work is a generator that pauses every few hundred rows (see work-slices.ts), so that a
 * refresh can run between searches; {@link truncatedSvd} runs it straight through.
 *
 * @example
 * const { singularValues, right } = truncatedSvd(matrix, { rank: 64, oversampling: 8, powerIterations: 1, seed: 1 });
 */
export function* truncatedSvdSteps(matrix: SparseRows, options: SvdOptions): Steps<TruncatedSvd> {
  const width = Math.min(options.rank + options.oversampling, matrix.rows, matrix.columns);
  if (width === 0) return { singularValues: new Float64Array(0), right: new Float64Array(0), rank: 0 };
  const random = gaussian(options.seed);
  let basis: Float64Array = new Float64Array(matrix.columns * width);
  for (let row = 0; row < matrix.columns; row += ROWS_PER_STEP) {
    yield;
    const end = Math.min(matrix.columns, row + ROWS_PER_STEP) * width;
    for (let at = row * width; at < end; at++) basis[at] = random();
  }
  for (let i = 0; i <= options.powerIterations; i++) {
    const there = yield* timesDense(matrix, basis, width);
    const back = yield* timesDense(matrix, there, width, true);
    basis = yield* orthonormalColumns(back, matrix.columns, width);
  }
  // With Q the basis (orthonormal columns): AᵀA ≈ Q (Qᵀ AᵀA Q) Qᵀ, and Qᵀ AᵀA Q = CᵀC, C = A Q.
  const projected = yield* timesDense(matrix, basis, width);
  const gram = new Float64Array(width * width);
  for (let row = 0; row < matrix.rows; row += ROWS_PER_STEP) {
    yield;
    addGram(projected, width, row, Math.min(matrix.rows, row + ROWS_PER_STEP), gram);
  }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) gram[i * width + j] = gram[j * width + i]!;
  // CᵀC = W Λ Wᵀ: σ = √λ, and the right singular vectors are Q W.
  const { values, vectors } = symmetricEigen(gram, width);
  const order = Array.from({ length: width }, (_, i) => i).sort((a, b) => values[b]! - values[a]!);
  const largest = values[order[0]!]!;
  const kept = order.filter((i) => values[i]! > largest * 1e-12).slice(0, options.rank);
  const rank = kept.length;
  const singularValues = Float64Array.from(kept, (i) => Math.sqrt(values[i]!));
  const right = new Float64Array(matrix.columns * rank);
  for (let row = 0; row < matrix.columns; row += ROWS_PER_STEP) {
    yield;
    rotateRows(basis, vectors, kept, width, row, Math.min(matrix.columns, row + ROWS_PER_STEP), right);
  }
  return { singularValues, right, rank };
}

/** {@link truncatedSvdSteps} run straight through. */
export function truncatedSvd(matrix: SparseRows, options: SvdOptions): TruncatedSvd {
  return runToEnd(truncatedSvdSteps(matrix, options));
}

/** Rows of a pass between two pauses: about a millisecond of work each at 64 dimensions. */
const ROWS_PER_STEP = 256;

/**
 * A × X (X row-major `matrix.columns × width`, the result `matrix.rows × width`), or with
 * `transposed` Aᵀ × X (X `matrix.rows × width`, the result `matrix.columns × width`).
 */
function* timesDense(matrix: SparseRows, dense: Float64Array, width: number, transposed = false): Steps<Float64Array> {
  const out = new Float64Array((transposed ? matrix.columns : matrix.rows) * width);
  for (let row = 0; row < matrix.rows; row += ROWS_PER_STEP) {
    yield;
    multiplyRows(matrix, dense, width, row, Math.min(matrix.rows, row + ROWS_PER_STEP), out, transposed);
  }
  return out;
}

/**
 * Rows `from` to `to` of A × X into `out` (or, `transposed`, their share of Aᵀ × X).
 * NOTE: the loops live outside the generators: V8 optimises plain functions' loops far better
 * than loops that hold a `yield` (seven times slower per multiply-add, measured).
 */
function multiplyRows(matrix: SparseRows, dense: Float64Array, width: number, from: number, to: number, out: Float64Array, transposed: boolean): void {
  const { rowStarts, columnIds, values } = matrix;
  for (let row = from; row < to; row++) {
    const rowBase = row * width;
    for (let at = rowStarts[row]!; at < rowStarts[row + 1]!; at++) {
      const value = values[at]!;
      const columnBase = columnIds[at]! * width;
      const target = transposed ? columnBase : rowBase;
      const source = transposed ? rowBase : columnBase;
      for (let i = 0; i < width; i++) out[target + i]! += value * dense[source + i]!;
    }
  }
}

/** Rows `from` to `to` of Q W, for W's columns `kept` only, into `out` (row-major, `kept.length` wide). */
function rotateRows(basis: Float64Array, vectors: Float64Array, kept: readonly number[], width: number, from: number, to: number, out: Float64Array): void {
  const rank = kept.length;
  for (let row = from; row < to; row++) {
    const base = row * width;
    for (let k = 0; k < rank; k++) {
      const column = kept[k]!;
      let sum = 0;
      for (let i = 0; i < width; i++) sum += basis[base + i]! * vectors[i * width + column]!;
      out[row * rank + k] = sum;
    }
  }
}

/** Adds rows `from` to `to` of C (row-major, `width` wide) to the upper triangle of CᵀC. */
function addGram(projected: Float64Array, width: number, from: number, to: number, gram: Float64Array): void {
  for (let row = from; row < to; row++) {
    const base = row * width;
    for (let i = 0; i < width; i++) {
      const value = projected[base + i]!;
      if (value === 0) continue;
      for (let j = i; j < width; j++) gram[i * width + j]! += value * projected[base + j]!;
    }
  }
}

/**
 * The columns of a row-major `rows × width` matrix made orthonormal (modified Gram–Schmidt,
 * twice over, which keeps them orthogonal to working precision), as a new row-major matrix. A
 * column that depends on the ones before it becomes zero, which later drops out as a zero
 * singular value.
 */
function* orthonormalColumns(matrix: Float64Array, rows: number, width: number): Steps<Float64Array> {
  // Column-major while working: each column is one contiguous run, which the cache likes.
  const columns = new Float64Array(rows * width);
  for (let r = 0; r < rows; r += ROWS_PER_STEP) {
    yield;
    transpose(matrix, rows, width, r, Math.min(rows, r + ROWS_PER_STEP), columns, false);
  }
  for (let c = 0; c < width; c++) {
    yield;
    orthonormalise(columns, rows, c);
  }
  const out = new Float64Array(rows * width);
  for (let r = 0; r < rows; r += ROWS_PER_STEP) {
    yield;
    transpose(columns, rows, width, r, Math.min(rows, r + ROWS_PER_STEP), out, true);
  }
  return out;
}

/** Rows `from` to `to` of a `rows × width` matrix between row-major and column-major (`back`: column-major to row-major). */
function transpose(source: Float64Array, rows: number, width: number, from: number, to: number, target: Float64Array, back: boolean): void {
  for (let r = from; r < to; r++) {
    for (let c = 0; c < width; c++) {
      if (back) target[r * width + c] = source[c * rows + r]!;
      else target[c * rows + r] = source[r * width + c]!;
    }
  }
}

/** Column `c` of column-major `columns` made orthogonal to those before it, then of unit length (or zero). */
function orthonormalise(columns: Float64Array, rows: number, c: number): void {
  const column = columns.subarray(c * rows, (c + 1) * rows);
  const before = Math.sqrt(dot(column, column));
  for (let pass = 0; pass < 2; pass++) {
    for (let p = 0; p < c; p++) {
      const previous = columns.subarray(p * rows, (p + 1) * rows);
      const projection = dot(column, previous);
      if (projection !== 0) for (let r = 0; r < rows; r++) column[r]! -= projection * previous[r]!;
    }
  }
  const norm = Math.sqrt(dot(column, column));
  if (norm <= before * 1e-10 || norm === 0) column.fill(0);
  else for (let r = 0; r < rows; r++) column[r]! /= norm;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/**
 * Eigenvalues and eigenvectors (as the columns of `vectors`, row-major) of a small symmetric
 * matrix, by cyclic Jacobi rotations: slow in the matrix's size, but it is at most a few hundred
 * wide here, and Jacobi is accurate for the small eigenvalues too.
 */
export function symmetricEigen(matrix: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(size * size);
  for (let i = 0; i < size; i++) v[i * size + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diagonal = 0;
    for (let i = 0; i < size; i++) {
      diagonal += a[i * size + i]! ** 2;
      for (let j = i + 1; j < size; j++) off += a[i * size + j]! ** 2;
    }
    if (off <= diagonal * 1e-30 || off === 0) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q]!;
        if (apq === 0) continue;
        const theta = (a[q * size + q]! - a[p * size + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p]!;
          const akq = a[k * size + q]!;
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k]!;
          const aqk = a[q * size + k]!;
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k * size + p]!;
          const vkq = v[k * size + q]!;
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: size }, (_, i) => a[i * size + i]!), vectors: v };
}

/** Standard normal numbers from a seeded generator (mulberry32, then Box–Muller). */
function gaussian(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

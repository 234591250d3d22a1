import { describe, expect, it } from 'vitest';
import { type SparseRows, symmetricEigen, truncatedSvd, truncatedSvdSteps } from '../../src/search/semantic/truncated-svd.js';
import { runInSlices } from '../../src/search/semantic/work-slices.js';

/** A seeded uniform generator, so every run checks the same matrices. */
function uniform(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** A dense row-major matrix as compressed rows, zeros left out. */
function sparse(dense: Float64Array, rows: number, columns: number): SparseRows {
  const rowStarts = new Uint32Array(rows + 1);
  const columnIds: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const value = dense[r * columns + c]!;
      if (value !== 0) {
        columnIds.push(c);
        values.push(value);
      }
    }
    rowStarts[r + 1] = columnIds.length;
  }
  return { rows, columns, rowStarts, columnIds: Int32Array.from(columnIds), values: Float32Array.from(values) };
}

/** AᵀA's eigenvalues, largest first: the squared singular values, computed the slow, exact way. */
function exactSquaredSingularValues(matrix: SparseRows): number[] {
  const m = matrix.columns;
  const gram = new Float64Array(m * m);
  for (let r = 0; r < matrix.rows; r++) {
    for (let a = matrix.rowStarts[r]!; a < matrix.rowStarts[r + 1]!; a++) {
      for (let b = matrix.rowStarts[r]!; b < matrix.rowStarts[r + 1]!; b++) {
        gram[matrix.columnIds[a]! * m + matrix.columnIds[b]!]! += matrix.values[a]! * matrix.values[b]!;
      }
    }
  }
  return [...symmetricEigen(gram, m).values].sort((a, b) => b - a);
}

/** ‖A v‖ for column `k` of the right singular vectors (`columns × rank`, row-major). */
function stretch(matrix: SparseRows, right: Float64Array, rank: number, k: number): number {
  let sum = 0;
  for (let r = 0; r < matrix.rows; r++) {
    let dot = 0;
    for (let a = matrix.rowStarts[r]!; a < matrix.rowStarts[r + 1]!; a++) dot += matrix.values[a]! * right[matrix.columnIds[a]! * rank + k]!;
    sum += dot * dot;
  }
  return Math.sqrt(sum);
}

/** A sparse matrix of words in documents: most entries zero, a few topics, a long tail. */
function documentLike(rows: number, columns: number, seed: number): SparseRows {
  const random = uniform(seed);
  const dense = new Float64Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const topic = r % 5;
    for (let c = 0; c < columns; c++) {
      const inTopic = c % 5 === topic;
      if (random() < (inTopic ? 0.5 : 0.05)) dense[r * columns + c] = random() + (inTopic ? 1 : 0);
    }
  }
  return sparse(dense, rows, columns);
}

describe('truncated SVD', () => {
  it('finds the singular values and vectors of a matrix of exactly that rank', () => {
    const random = uniform(3);
    const [rows, columns, rank] = [60, 30, 6];
    const left = Float64Array.from({ length: rows * rank }, () => random() - 0.5);
    const right = Float64Array.from({ length: rank * columns }, () => random() - 0.5);
    const dense = new Float64Array(rows * columns);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) for (let k = 0; k < rank; k++) dense[r * columns + c]! += left[r * rank + k]! * right[k * columns + c]!;
    const matrix = sparse(dense, rows, columns);
    const svd = truncatedSvd(matrix, { rank, oversampling: 4, powerIterations: 1, seed: 1 });
    expect(svd.rank).toBe(rank);
    const exact = exactSquaredSingularValues(matrix).slice(0, rank).map(Math.sqrt);
    svd.singularValues.forEach((value, k) => expect(value).toBeCloseTo(exact[k]!, 4));
    for (let k = 0; k < rank; k++) expect(stretch(matrix, svd.right, rank, k)).toBeCloseTo(svd.singularValues[k]!, 4);
  });

  it('on a sparse, full-rank matrix: the top values close to exact, the vectors orthonormal, fewer when the rank is lower', () => {
    const matrix = documentLike(300, 80, 11);
    const svd = truncatedSvd(matrix, { rank: 5, oversampling: 10, powerIterations: 2, seed: 1 });
    const exact = exactSquaredSingularValues(matrix).map(Math.sqrt);
    svd.singularValues.forEach((value, k) => expect(Math.abs(value - exact[k]!) / exact[k]!).toBeLessThan(0.01));
    for (let i = 0; i < svd.rank; i++) {
      for (let j = 0; j < svd.rank; j++) {
        let dot = 0;
        for (let c = 0; c < matrix.columns; c++) dot += svd.right[c * svd.rank + i]! * svd.right[c * svd.rank + j]!;
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 8);
      }
    }
    // Asking for more dimensions than the matrix has: only those it has.
    const tiny = sparse(Float64Array.from([1, 0, 0, 0, 2, 0]), 2, 3);
    expect(truncatedSvd(tiny, { rank: 10, oversampling: 5, powerIterations: 1, seed: 1 }).rank).toBe(2);
    expect(truncatedSvd(sparse(new Float64Array(0), 0, 0), { rank: 10, oversampling: 5, powerIterations: 1, seed: 1 }).rank).toBe(0);
  });

  it('is the same straight through and in slices, and the slices give the event loop turns', async () => {
    const matrix = documentLike(2_000, 300, 5);
    const options = { rank: 16, oversampling: 8, powerIterations: 1, seed: 1 };
    const straight = truncatedSvd(matrix, options);
    let turns = 0;
    let done = false;
    const tick = () => {
      turns += 1;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const sliced = await runInSlices(truncatedSvdSteps(matrix, options), 0);
    done = true;
    expect(sliced.singularValues).toEqual(straight.singularValues);
    expect(sliced.right).toEqual(straight.right);
    expect(turns).toBeGreaterThan(10);
  });

  it('symmetric eigen-decomposition puts the matrix back together', () => {
    const random = uniform(9);
    const size = 12;
    const matrix = new Float64Array(size * size);
    for (let i = 0; i < size; i++) for (let j = i; j < size; j++) matrix[i * size + j] = matrix[j * size + i] = random() - 0.5;
    const { values, vectors } = symmetricEigen(matrix, size);
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        let sum = 0;
        for (let k = 0; k < size; k++) sum += vectors[i * size + k]! * values[k]! * vectors[j * size + k]!;
        expect(sum).toBeCloseTo(matrix[i * size + j]!, 10);
      }
    }
  });
});

export interface CoverageResult {
  k: number;
  /** Share of synthetic samples inside the union of real k-NN balls (realism). */
  precision: number;
  /** Share of real samples inside the union of synthetic k-NN balls (how much of the real data is covered). */
  recall: number;
}

/** Distance (squared) from each member of `set` to its k-th nearest other member of `set`. */
export function kthNeighbourSq(d2: Float64Array, n: number, set: number[], k: number): Float64Array {
  const out = new Float64Array(set.length);
  const buf = new Float64Array(set.length - 1);
  set.forEach((i, a) => {
    let m = 0;
    for (const j of set) if (j !== i) buf[m++] = d2[i * n + j];
    const sorted = buf.subarray(0, m).slice().sort();
    out[a] = sorted[Math.min(k, m) - 1];
  });
  return out;
}

function shareInside(d2: Float64Array, n: number, queries: number[], centres: number[], radius2: Float64Array): number {
  let inside = 0;
  for (const q of queries) {
    for (let c = 0; c < centres.length; c++)
      if (d2[q * n + centres[c]] <= radius2[c]) {
        inside++;
        break;
      }
  }
  return queries.length ? inside / queries.length : NaN;
}

/**
 * Improved precision and recall (Kynkaanniemi et al., NeurIPS 2019): each sample set's manifold is the union of
 * balls reaching each member's k-th nearest neighbour in its own set.
 */
export function knnPrecisionRecall(d2: Float64Array, n: number, real: number[], synthetic: number[], k = 5): CoverageResult {
  const kk = Math.max(1, Math.min(k, real.length - 1, synthetic.length - 1));
  const rReal = kthNeighbourSq(d2, n, real, kk);
  const rSyn = kthNeighbourSq(d2, n, synthetic, kk);
  return { k: kk, precision: shareInside(d2, n, synthetic, real, rReal), recall: shareInside(d2, n, real, synthetic, rSyn) };
}

/** Seeded uniform generator in [0, 1) (mulberry32): same seed, same figures and same CV folds. */
export function seededRandom(seed: number): () => number {
  let a = (Math.floor(seed) >>> 0) ^ 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box-Muller) from a uniform generator. */
export function gaussian(rand: () => number): () => number {
  return () => {
    const u = Math.max(rand(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
}

/** Fisher-Yates shuffle of 0..n-1. */
export function permutation(n: number, rand: () => number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** Stratified k-fold assignment: each label's (shuffled) rows are dealt round-robin to the folds. */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, rand: () => number): Int32Array {
  const fold = new Int32Array(labels.length);
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (!byLabel.has(l)) byLabel.set(l, []);
    byLabel.get(l)!.push(i);
  }
  let next = 0;
  for (const key of [...byLabel.keys()].sort((a, b) => a - b)) {
    const rows = byLabel.get(key)!;
    const order = permutation(rows.length, rand);
    for (const o of order) fold[rows[o]] = next++ % k;
  }
  return fold;
}

import { z } from 'zod';
import type { Dataset } from '../data/dataset.js';
import type { Synthetic } from './types.js';
import { SeededRandom as AugmentRng } from '../util/random.js';
import { BaseAugmenter, countOptions, parseOptions } from './base.js';
import { columnStd, cycleRows, rowsByClass } from './counts.js';

/**
 * The k nearest same-class neighbours of each member (indices into `members`), by Euclidean distance on
 * features scaled by 1/sigma (so large-valued openSMILE features do not dominate the neighbourhoods).
 */
export function classNeighbours(x: Float32Array, cols: number, members: readonly number[], k: number, invSigma: Float64Array): number[][] {
  const n = members.length;
  const dist = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    const oa = members[a] * cols;
    for (let b = a + 1; b < n; b++) {
      const ob = members[b] * cols;
      let s = 0;
      for (let j = 0; j < cols; j++) {
        const d = (x[oa + j] - x[ob + j]) * invSigma[j];
        s += d * d;
      }
      dist[a * n + b] = s;
      dist[b * n + a] = s;
    }
  }
  return members.map((_, a) => {
    const order: number[] = [];
    for (let b = 0; b < n; b++) if (b !== a) order.push(b);
    order.sort((p, q) => dist[a * n + p] - dist[a * n + q] || p - q);
    return order.slice(0, k);
  });
}

const smoteSchema = z.object({
  ...countOptions,
  /** Nearest same-class neighbours to interpolate towards. */
  smoteK: z.number().int().min(1).default(5),
});
export type SmoteOptions = z.input<typeof smoteSchema>;

/**
 * SMOTE (Chawla et al. 2002; paper Table I): a synthetic row is x_i + u (x_j - x_i), u ~ U(0, 1), x_j one of the
 * k nearest neighbours of x_i within its class. A class with n <= k members uses its n - 1 neighbours; a class
 * with a single member is duplicated (no segment exists).
 */
export class SmoteAugmenter extends BaseAugmenter {
  static readonly schema = smoteSchema;
  static readonly help: string = 'SMOTE: interpolation towards same-class nearest neighbours (paper Table I)';
  readonly name: string = 'smote';
  readonly options: z.output<typeof smoteSchema>;
  constructor(options: SmoteOptions = {}, seed = 0) {
    super(seed);
    this.options = parseOptions('smote', smoteSchema, options);
  }
  protected sample(train: Dataset): Synthetic {
    const { x, rows, cols, classes } = train;
    const rng = new AugmentRng(this.seed);
    const yy = train.y.subarray(0, rows);
    const sigma = columnStd(x, rows, cols);
    const inv = sigma.map((s) => (s > 0 ? 1 / s : 0));
    const byClass = rowsByClass(yy, classes);
    const want = this.wanted(train, this.options.count);
    const total = want.reduce((s, v) => s + v, 0);
    const synthX = new Float32Array(total * cols);
    const synthY = new Int32Array(total);
    let k = 0;
    for (let c = 0; c < classes; c++) {
      const members = byClass[c];
      if (members.length === 0 || want[c] === 0) continue;
      const kk = Math.min(this.options.smoteK, members.length - 1);
      const nn = kk > 0 ? classNeighbours(x, cols, members, kk, inv) : [];
      const pos = new Map(members.map((r, i) => [r, i]));
      for (const base of cycleRows(members, want[c], rng)) {
        const o = k * cols;
        const b = base * cols;
        if (kk === 0) {
          synthX.set(x.subarray(b, b + cols), o);
        } else {
          const neigh = nn[pos.get(base) as number];
          const other = members[neigh[rng.int(neigh.length)]] * cols;
          const u = rng.next();
          for (let j = 0; j < cols; j++) synthX[o + j] = x[b + j] + u * (x[other + j] - x[b + j]);
        }
        synthY[k++] = c;
      }
    }
    return { x: synthX.subarray(0, k * cols), y: synthY.subarray(0, k) };
  }
}

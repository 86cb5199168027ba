import { z } from 'zod';
import type { Dataset } from '../data/dataset.js';
import { fitDataset, parseClassifierOptions, type Classifier, type FitArgs } from './classifier.js';
import { defaultGemmNT } from './gemm-select.js';
import type { GemmNT } from './gemm-nt.js';
import { KernelRows, rbfBlock, squaredNorms } from './rbf-kernel.js';
import { solveBinary } from './smo.js';
import { checkTrainingData, classWeights } from './validate.js';

/** The SVM's parameters, declared once: types, ranges and defaults (validated in the constructor). */
export const svmOptionsSchema = z
  .object({
    /** Box constraint (the authors used 10). */
    C: z.number().positive().finite().default(10),
    /** RBF width: a number, 'auto' = 1/n_features (the authors' and libsvm's default), or 'scale' = 1/(n_features var(X)). */
    gamma: z.union([z.number().positive().finite(), z.literal('scale'), z.literal('auto')]).default('auto'),
    /** Stopping tolerance on the KKT violation (scikit-learn's default 1e-3). */
    tol: z.number().positive().finite().default(1e-3),
    /**
     * Kernel cache in MB (default 3072; memory is allocated only as far as the problem needs): when the n x n
     * kernel fits it is computed once with gemm and shared by all pairs; else when a pair's l x l kernel fits it is
     * computed per pair (IEMOCAP real + 10x synthetic: pairs of about 24,000 rows = 2.3 GB); else LRU rows.
     */
    cacheMB: z.number().positive().finite().default(3072),
    /** 'balanced' scales C per class by n / (classes * count), as scikit-learn. */
    classWeight: z.union([z.literal('balanced'), z.null()]).default(null),
    /** libsvm's shrinking heuristic (default true, as scikit-learn): same optimum within tol, faster on large sets. */
    shrinking: z.boolean().default(true),
  })
  .strict();

/** What a caller may pass (every field optional, defaults from svmOptionsSchema). */
export type SvmOptions = z.input<typeof svmOptionsSchema>;

/** Statistics of the last fit, for benchmarks and diagnostics. */
export interface SvmFitInfo {
  gamma: number;
  pairs: number;
  iterations: number;
  /** SMO iterations per pair, in pair order (scikit-learn's n_iter_). */
  pairIterations: number[];
  supportVectors: number;
  kernelRowsComputed: number;
  fullKernel: boolean;
}

/**
 * C-SVC with an RBF kernel, multi-class one-vs-one with voting, as libsvm (and so scikit-learn's SVC): one SMO
 * sub-problem per pair of classes, all sharing one kernel cache indexed by global sample index.
 */
export class SvmClassifier implements Classifier {
  readonly C: number;
  readonly gamma: number | 'scale' | 'auto';
  readonly tol: number;
  readonly cacheMB: number;
  readonly classWeight: 'balanced' | null;
  readonly shrinking: boolean;
  /** Lets benchmarks and tests choose the dot-product path; defaults to the engine's gemm when available. */
  gemm: GemmNT;

  private cols = 0;
  private classes = 0;
  private gammaValue = 0;
  /** Classes present in training, ascending; pairs are formed among them (libsvm never predicts absent classes). */
  private present: Int32Array = new Int32Array(0);
  private sv: Float32Array = new Float32Array(0);
  private svNorms: Float64Array = new Float64Array(0);
  private nSv = 0;
  /** pairs x nSv dual coefficients (zero where a support vector is not in the pair). */
  private pairCoef: Float64Array = new Float64Array(0);
  private rho: Float64Array = new Float64Array(0);
  /** Training-set index of each support vector, and support vector count per present class. */
  supportIndices: Int32Array = new Int32Array(0);
  nSupport: Int32Array = new Int32Array(0);
  info: SvmFitInfo | null = null;

  static readonly schema = svmOptionsSchema;

  /** Throws a UserError naming each bad option. The SVM is deterministic: `_seed` only matches the registry's shape. */
  constructor(options: SvmOptions = {}, _seed = 0) {
    const o = parseClassifierOptions('svm', svmOptionsSchema, options);
    this.C = o.C;
    this.gamma = o.gamma;
    this.tol = o.tol;
    this.cacheMB = o.cacheMB;
    this.classWeight = o.classWeight;
    this.shrinking = o.shrinking;
    this.gemm = defaultGemmNT();
  }

  fit(data: Dataset): this;
  fit(x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number): this;
  fit(...args: FitArgs): this {
    const data = fitDataset(args);
    checkTrainingData(data, 'SvmClassifier.fit');
    const { x, rows, cols, y, classes } = data;
    this.cols = cols;
    this.classes = classes;
    this.gammaValue = resolveGamma(this.gamma, x, rows, cols);
    const counts = new Int32Array(classes);
    for (let i = 0; i < rows; i++) counts[y[i]]++;
    const present = [...counts.keys()].filter((c) => counts[c] > 0);
    this.present = Int32Array.from(present);
    const weights = this.classWeight === 'balanced' ? classWeights(counts) : new Float64Array(classes).fill(1);
    // libsvm groups samples by class, keeping their order within a class.
    const members = present.map((c) => {
      const idx = new Int32Array(counts[c]);
      let k = 0;
      for (let i = 0; i < rows; i++) if (y[i] === c) idx[k++] = i;
      return idx;
    });
    // One kernel for all pairs when the whole n x n matrix fits the cache (computed once with gemm, reused by
    // every pair). Otherwise each pair gets its own kernel over its samples only: the l x l pair matrix may
    // still fit (l = 2n/classes), and if not its rows are half as long as global ones, so twice as many fit.
    const cacheBytes = this.cacheMB * 1024 * 1024;
    const shared =
      present.length > 1 && rows * rows * 4 <= cacheBytes ? new KernelRows(x, rows, cols, this.gammaValue, cacheBytes, this.gemm) : null;
    let rowsComputed = 0;
    let fullKernel = true;
    // Per-pair kernels that fit share one buffer (sized for the largest pair) instead of one allocation each.
    let maxPair = 0;
    for (let a = 0; a < present.length; a++)
      for (let b = a + 1; b < present.length; b++) maxPair = Math.max(maxPair, counts[present[a]] + counts[present[b]]);
    const pairStorage = !shared && maxPair * maxPair * 4 <= cacheBytes ? new Float32Array(maxPair * maxPair) : undefined;
    const P = present.length;
    const pairs: { a: number; b: number; index: Int32Array; coef: Float64Array }[] = [];
    const rho: number[] = [];
    const pairIterations: number[] = [];
    for (let a = 0; a < P; a++) {
      for (let b = a + 1; b < P; b++) {
        const ia = members[a];
        const ib = members[b];
        const index = new Int32Array(ia.length + ib.length);
        index.set(ia, 0);
        index.set(ib, ia.length);
        const yy = new Int8Array(index.length).fill(-1).fill(1, 0, ia.length);
        let kernel = shared;
        let local = index;
        if (!kernel) {
          const xp = new Float32Array(index.length * cols);
          index.forEach((r, k) => xp.set(x.subarray(r * cols, (r + 1) * cols), k * cols));
          kernel = new KernelRows(xp, index.length, cols, this.gammaValue, cacheBytes, this.gemm, pairStorage);
          local = Int32Array.from(index.keys());
        }
        const s = solveBinary(
          {
            index: local,
            y: yy,
            Cp: this.C * weights[present[a]],
            Cn: this.C * weights[present[b]],
            eps: this.tol,
            shrinking: this.shrinking,
          },
          kernel,
        );
        if (!shared) {
          rowsComputed += kernel.computed;
          fullKernel = fullKernel && kernel.computed === 0;
        }
        pairs.push({ a, b, index, coef: s.coef });
        rho.push(s.rho);
        pairIterations.push(s.iterations);
      }
    }
    // Support vectors: samples with a non-zero coefficient in any pair, in training order grouped by class.
    const isSv = new Uint8Array(rows);
    for (const p of pairs) for (let k = 0; k < p.index.length; k++) if (p.coef[k] !== 0) isSv[p.index[k]] = 1;
    const svList: number[] = [];
    this.nSupport = new Int32Array(P);
    members.forEach((m, a) => {
      for (const i of m) {
        if (isSv[i]) {
          svList.push(i);
          this.nSupport[a]++;
        }
      }
    });
    this.nSv = svList.length;
    this.supportIndices = Int32Array.from(svList);
    const svPos = new Int32Array(rows).fill(-1);
    svList.forEach((i, k) => (svPos[i] = k));
    this.sv = new Float32Array(this.nSv * cols);
    svList.forEach((i, k) => this.sv.set(x.subarray(i * cols, (i + 1) * cols), k * cols));
    this.svNorms = squaredNorms(this.sv, this.nSv, cols);
    this.pairCoef = new Float64Array(pairs.length * this.nSv);
    pairs.forEach((p, q) => {
      for (let k = 0; k < p.index.length; k++) if (p.coef[k] !== 0) this.pairCoef[q * this.nSv + svPos[p.index[k]]] = p.coef[k];
    });
    this.rho = Float64Array.from(rho);
    this.info = {
      gamma: this.gammaValue,
      pairs: pairs.length,
      iterations: pairIterations.reduce((a, b) => a + b, 0),
      pairIterations,
      supportVectors: this.nSv,
      kernelRowsComputed: rowsComputed,
      fullKernel,
    };
    return this;
  }

  /**
   * One-vs-one decision values, rows x P(P-1)/2 for the P classes present in training, pairs in libsvm's order
   * (0,1), (0,2), ..., positive for the first class of the pair (scikit-learn's decision_function_shape='ovo'
   * for three or more classes; scikit-learn negates the binary case).
   */
  decisionFunction(x: Float32Array, rows: number): Float32Array {
    if (this.nSv === 0 && this.present.length === 0) throw new Error('SvmClassifier: decisionFunction before fit');
    if (x.length !== rows * this.cols)
      throw new Error(`SvmClassifier: expected ${rows} x ${this.cols} = ${rows * this.cols} values, got ${x.length}`);
    const nPairs = this.rho.length;
    const out = new Float32Array(rows * nPairs);
    const norms = squaredNorms(x, rows, this.cols);
    const B = 256;
    const kb = new Float32Array(B * this.nSv);
    for (let r0 = 0; r0 < rows; r0 += B) {
      const m = Math.min(B, rows - r0);
      if (this.nSv > 0) rbfBlock(this.gemm, this.gammaValue, x, norms, r0, m, this.sv, this.svNorms, 0, this.nSv, this.cols, kb, this.nSv);
      for (let i = 0; i < m; i++) {
        const ko = i * this.nSv;
        for (let q = 0; q < nPairs; q++) {
          const co = q * this.nSv;
          let s = 0;
          for (let k = 0; k < this.nSv; k++) s += this.pairCoef[co + k] * kb[ko + k];
          out[(r0 + i) * nPairs + q] = s - this.rho[q];
        }
      }
    }
    return out;
  }

  /** Majority vote over the one-vs-one pairs; ties go to the lowest class index, as libsvm. */
  predict(x: Float32Array, rows: number): Int32Array {
    const P = this.present.length;
    if (P === 0) throw new Error('SvmClassifier: predict before fit');
    if (P === 1) return new Int32Array(rows).fill(this.present[0]);
    const dec = this.decisionFunction(x, rows);
    const nPairs = this.rho.length;
    const out = new Int32Array(rows);
    const votes = new Int32Array(P);
    for (let r = 0; r < rows; r++) {
      votes.fill(0);
      let q = 0;
      for (let a = 0; a < P; a++) for (let b = a + 1; b < P; b++) votes[dec[r * nPairs + q++] > 0 ? a : b]++;
      let best = 0;
      for (let a = 1; a < P; a++) if (votes[a] > votes[best]) best = a;
      out[r] = this.present[best];
    }
    return out;
  }

  /** Number of classes given to fit (labels are 0..classes-1). */
  get classCount(): number {
    return this.classes;
  }
}

/** scikit-learn's gamma rules: 'auto' = 1/n_features, 'scale' = 1/(n_features * var(X)) (1 if var is 0). */
export function resolveGamma(gamma: number | 'scale' | 'auto', x: Float32Array, rows: number, cols: number): number {
  if (typeof gamma === 'number') return gamma;
  if (gamma === 'auto') return 1 / cols;
  let s = 0;
  let s2 = 0;
  const n = rows * cols;
  for (let i = 0; i < n; i++) s += x[i];
  const mean = s / n;
  for (let i = 0; i < n; i++) s2 += (x[i] - mean) * (x[i] - mean);
  const v = s2 / n;
  return v > 0 ? 1 / (cols * v) : 1;
}

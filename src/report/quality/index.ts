import { gram, sqDistFromGram, stackRows, takeRows, zNormalise, type Samples } from './matrix.js';
import { mmdUnbiased, type MmdResult } from './mmd.js';
import { knnPrecisionRecall, type CoverageResult } from './coverage.js';
import { nnDistances, type NnDistanceResult } from './nn-distance.js';
import { detectionAuc, type DetectionResult } from './detection.js';
import { logisticTrainTest, svmTrainTest, tstrScores, TSTR_CLASSIFIER_NAMES, type TstrClassifier, type TstrResult } from './tstr.js';
import { seededRandom, permutation } from '../../util/random.js';

export { samples, type Samples } from './matrix.js';

export interface QualityInput {
  /** Real rows (raw features), e.g. the ADAN model's training rows. */
  real: Samples;
  realLabels: Int32Array;
  /** Synthetic rows in the same feature columns (decoded generator output). */
  synthetic: Samples;
  syntheticLabels: Int32Array;
  classNames: string[];
  /** Optional latent codes (encoder output for the real rows, generator output for the synthetic rows). */
  realLatent?: Samples;
  syntheticLatent?: Samples;
}

export interface QualityOptions {
  /** k of the k-NN precision/recall balls (default 5). */
  k?: number;
  /** Cross-validation folds of the detection classifier and TRTR (default 5). */
  folds?: number;
  seed?: number;
  /** Keep at most this many rows per class and group (seeded subsample) to bound the O(n^2) cost; default 400. */
  maxPerClass?: number;
  /** Classifier of TSTR/TRTR/TRTS: src/classify's SVM (default) or the built-in logistic regression. */
  classifier?: TstrClassifier;
}

export interface SpaceMetrics {
  /** Columns after dropping zero-variance ones (z-normalised on the real rows). */
  dims: number;
  detection: DetectionResult;
  coverage: CoverageResult;
  nnDistance: NnDistanceResult;
  mmd: { overall: MmdResult; perClass: Array<MmdResult & { class: string }> };
}

export interface QualityReport {
  kind: 'adan-quality';
  created: string;
  seed: number;
  classNames: string[];
  rows: { real: number; synthetic: number; realPerClass: number[]; syntheticPerClass: number[] };
  tstr: TstrResult;
  feature: SpaceMetrics;
  latent: SpaceMetrics | null;
  /** Free-form provenance (model folder, table) filled in by the caller. */
  source: Record<string, string>;
}

function perClassCounts(y: Int32Array, classes: number): number[] {
  const c = new Array<number>(classes).fill(0);
  for (const v of y) c[v]++;
  return c;
}

/** Seeded subsample of at most `max` rows per class (all rows when max is large enough). */
function capPerClass(y: Int32Array, classes: number, max: number, rand: () => number): number[] {
  const keep: number[] = [];
  for (let c = 0; c < classes; c++) {
    const rows: number[] = [];
    y.forEach((v, i) => v === c && rows.push(i));
    const order =
      rows.length > max
        ? permutation(rows.length, rand)
            .slice(0, max)
            .sort((a, b) => a - b)
        : rows.map((_, i) => i);
    for (const o of order) keep.push(rows[o]);
  }
  return keep.sort((a, b) => a - b);
}

function spaceMetrics(
  real: Samples,
  syn: Samples,
  yReal: Int32Array,
  ySyn: Int32Array,
  classNames: string[],
  opts: Required<QualityOptions>,
): { metrics: SpaceMetrics; k: Float64Array; n: number; pooled: Samples } {
  const [zr, zs] = zNormalise(real, [real, syn]);
  const pooled = stackRows([zr, zs]);
  const n = pooled.rows;
  const k = gram(pooled);
  const d2 = sqDistFromGram(k, n);
  const realIdx = Array.from({ length: real.rows }, (_, i) => i);
  const synIdx = Array.from({ length: syn.rows }, (_, i) => real.rows + i);
  const perClass = classNames.map((name, c) => ({
    class: name,
    ...mmdUnbiased(
      d2,
      n,
      realIdx.filter((i) => yReal[i] === c),
      synIdx.filter((i) => ySyn[i - real.rows] === c),
    ),
  }));
  const metrics: SpaceMetrics = {
    dims: pooled.cols,
    detection: detectionAuc(d2, n, realIdx, synIdx, opts.folds, opts.seed),
    coverage: knnPrecisionRecall(d2, n, realIdx, synIdx, opts.k),
    nnDistance: nnDistances(d2, n, realIdx, synIdx),
    mmd: { overall: mmdUnbiased(d2, n, realIdx, synIdx), perClass },
  };
  return { metrics, k, n, pooled };
}

/**
 * Synthetic-data quality of a generator against real data: TSTR vs TRTR, detection AUC, per-class MMD, k-NN
 * precision/recall and nearest-neighbour distances, in the z-normalised feature space (and the latent space
 * when latent codes are given).
 */
export function computeQuality(input: QualityInput, options: QualityOptions = {}): QualityReport {
  const opts: Required<QualityOptions> = { k: 5, folds: 5, seed: 1, maxPerClass: 400, classifier: 'svm', ...options };
  const classes = input.classNames.length;
  const rand = seededRandom(opts.seed);
  const keepR = capPerClass(input.realLabels, classes, opts.maxPerClass, rand);
  const keepS = capPerClass(input.syntheticLabels, classes, opts.maxPerClass, rand);
  const real = takeRows(input.real, keepR);
  const syn = takeRows(input.synthetic, keepS);
  const yReal = Int32Array.from(keepR, (i) => input.realLabels[i]);
  const ySyn = Int32Array.from(keepS, (i) => input.syntheticLabels[i]);
  const feat = spaceMetrics(real, syn, yReal, ySyn, input.classNames, opts);
  const labels = Int32Array.from([...yReal, ...ySyn]);
  const realIdx = Array.from({ length: real.rows }, (_, i) => i);
  const synIdx = Array.from({ length: syn.rows }, (_, i) => real.rows + i);
  const trainTest = opts.classifier === 'svm' ? svmTrainTest(feat.pooled, classes, opts.seed) : logisticTrainTest(feat.k, feat.n, classes);
  const tstr = tstrScores(trainTest, TSTR_CLASSIFIER_NAMES[opts.classifier], realIdx, synIdx, labels, classes, opts.folds, opts.seed);
  let latent: SpaceMetrics | null = null;
  if (input.realLatent && input.syntheticLatent) {
    latent = spaceMetrics(
      takeRows(input.realLatent, keepR),
      takeRows(input.syntheticLatent, keepS),
      yReal,
      ySyn,
      input.classNames,
      opts,
    ).metrics;
  }
  return {
    kind: 'adan-quality',
    created: new Date().toISOString(),
    seed: opts.seed,
    classNames: input.classNames,
    rows: {
      real: real.rows,
      synthetic: syn.rows,
      realPerClass: perClassCounts(yReal, classes),
      syntheticPerClass: perClassCounts(ySyn, classes),
    },
    tstr,
    feature: feat.metrics,
    latent,
    source: {},
  };
}

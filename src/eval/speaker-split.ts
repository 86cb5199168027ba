import { deriveSeed } from './seeds.js';
import type { Fold } from './folds.js';
import {
  applyMoments,
  clipToTrainingRange,
  drawEnrolment,
  enrolmentSize,
  isSpeakerMode,
  moments,
  rowsByGroup,
  type Moments,
  type Normalisation,
} from './speaker-norm.js';
import {
  EM_ITERATIONS,
  enrolMoments,
  refineByPredictions,
  speakerMoments,
  unitVariance,
  type EnrolEstimator,
  type SpeakerStats,
} from './speaker-stats.js';

/** The speaker-normalisation settings of a run (EvaluateConfig's fields). */
export interface SpeakerSplitConfig {
  normalisation: Normalisation;
  speakerStats?: SpeakerStats;
  enrolEstimator?: EnrolEstimator;
  seed: number;
}

/**
 * `--speaker-fallback`: this fold's inner check found the speaker mode no better than per-fold, so the fold is
 * normalised per-fold; under speaker-enrol:K its enrolment utterances are still drawn and left unscored, so every
 * fold of the run scores the rows its protocol names (and pairs with a run without the fallback row for row).
 */
export type FoldStep = 'speaker' | 'per-fold';

/** Speaker-normalised rows predicted by the fold's classifier (the fold's z-norm applied by the caller). */
export type PredictRows = (x: Float32Array, rows: number) => Promise<ArrayLike<number>>;

export interface SpeakerSplit {
  xTrain: Float32Array;
  /** The scored test rows, normalised with the initial statistics. */
  xTest: Float32Array;
  /** Dataset row indices of the scored test rows. */
  scored: number[];
  /** Under the speaker modes: the statistics each training speaker (group) was normalised with. */
  trainingMoments?: ReadonlyMap<string, Moments>;
  /**
   * Under `--speaker-stats em`: re-estimates the test speaker's statistics from the classifier's predicted labels
   * (EM_ITERATIONS rounds) and returns the scored rows normalised with them.
   */
  refine?: (predict: PredictRows) => Promise<Float32Array>;
}

export function gather(x: Float32Array, cols: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) out.set(x.subarray(rows[i] * cols, (rows[i] + 1) * cols), i * cols);
  return out;
}

/**
 * A fold's training and scored test rows after the normalisation protocol's speaker step (raw for per-fold).
 * Reads the training labels only (class-balanced training statistics); the test speaker's labels are not passed in.
 */
export function speakerSplit(
  x: Float32Array,
  cols: number,
  fold: Fold,
  trainGroups: string[],
  yTrain: Int32Array,
  classes: number,
  config: SpeakerSplitConfig,
  repeat: number,
  step: FoldStep = 'speaker',
): SpeakerSplit {
  const xTrainRaw = gather(x, cols, fold.train);
  const xTestRaw = gather(x, cols, fold.test);
  const all = Array.from(fold.test, (_, i) => i);
  if (!isSpeakerMode(config.normalisation)) return { xTrain: xTrainRaw, xTest: xTestRaw, scored: Array.from(fold.test) };
  const k = enrolmentSize(config.normalisation);
  // The rows the test speaker's statistics come from: all its utterances, or the K enrolment ones (not scored).
  let statRows = all;
  let keep = all;
  if (k !== undefined) {
    // The enrolment draw depends on the seed, repeat and fold only, so every method scores the same utterances.
    statRows = drawEnrolment(all, k, deriveSeed(config.seed, 'enrol', repeat, fold.index));
    const inEnrol = new Set(statRows);
    keep = all.filter((i) => !inEnrol.has(i));
  }
  if (step === 'per-fold') return { xTrain: xTrainRaw, xTest: gather(xTestRaw, cols, keep), scored: keep.map((i) => fold.test[i]) };
  const statsMode = config.speakerStats ?? 'plain';
  const meanOnly = k !== undefined && config.enrolEstimator === 'mean-only';
  const scale = (m: Moments): Moments => (meanOnly ? unitVariance(m) : m);
  const training = [...rowsByGroup(trainGroups)].map(([group, rows]) => {
    const labels = statsMode === 'plain' ? undefined : rows.map((r) => yTrain[r]);
    return { group, rows, m: scale(speakerMoments(xTrainRaw, cols, rows, labels, classes)) };
  });
  const xTrain = new Float32Array(xTrainRaw.length);
  for (const t of training) applyMoments(xTrainRaw, xTrain, cols, t.rows, t.m);
  const trainingMoments = training.map((t) => t.m);
  const finish = (m: Moments): Moments => (k === undefined ? m : enrolMoments(config.enrolEstimator ?? 'shrunk', m, trainingMoments));
  const init = finish(moments(xTestRaw, cols, statRows));
  const normalised = (m: Moments, rows: number[]): Float32Array => {
    const out = new Float32Array(xTestRaw.length);
    applyMoments(xTestRaw, out, cols, rows, m);
    const v = gather(out, cols, rows);
    if (k !== undefined) clipToTrainingRange(v, rows.length, xTrain, fold.train.length, cols);
    return v;
  };
  const split: SpeakerSplit = {
    xTrain,
    xTest: normalised(init, keep),
    scored: keep.map((i) => fold.test[i]),
    trainingMoments: new Map(training.map((t) => [t.group, t.m])),
  };
  if (statsMode !== 'em') return split;
  split.refine = async (predict) => {
    const m = await refineByPredictions(
      init,
      EM_ITERATIONS,
      (cur) => predict(normalised(cur, statRows), statRows.length),
      (labels) => finish(scale(speakerMoments(xTestRaw, cols, statRows, labels, classes))),
    );
    return normalised(m, keep);
  };
  return split;
}

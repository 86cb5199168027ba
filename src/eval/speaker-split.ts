import { deriveSeed } from './seeds.js';
import { UserError } from '../util/errors.js';
import type { Fold } from './folds.js';
import {
  applyMoments,
  clipToTrainingRange,
  drawEnrolment,
  drawUpTo,
  enrolmentSize,
  hasEnrolment,
  isSpeakerMode,
  neutralEnrolmentSize,
  DEFAULT_NEUTRAL_LABEL,
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
  /** speaker-neutral:K: the neutral class (index into the classes, and its name for messages). */
  neutral?: { index: number; label: string };
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
  /** Under the enrolment modes: how many test utterances the statistics came from (speaker-neutral:K: <= K). */
  enrolled?: number;
}

/** Which test rows (fold order) give the test speaker's statistics, and which are scored. */
interface TestEnrolment {
  statRows: number[];
  keep: number[];
}

/**
 * The test speaker's enrolment: all its utterances under `speaker` (all scored); K drawn at random under
 * speaker-enrol:K, or K of its neutral ones under speaker-neutral:K (all of them when it has fewer), not scored.
 * The draw depends on the seed, repeat and fold only, so every method scores the same utterances.
 */
function testEnrolment(config: SpeakerSplitConfig, fold: Fold, repeat: number, testNeutral: readonly boolean[] | undefined): TestEnrolment {
  const all = Array.from(fold.test, (_, i) => i);
  const k = enrolmentSize(config.normalisation);
  const kNeutral = neutralEnrolmentSize(config.normalisation);
  let statRows = all;
  if (k !== undefined) statRows = drawEnrolment(all, k, deriveSeed(config.seed, 'enrol', repeat, fold.index));
  if (kNeutral !== undefined) {
    if (!config.neutral || !testNeutral) throw new Error(`${config.normalisation}: no neutral class or test rows' neutral flags given`);
    const label = config.neutral.label;
    const pool = all.filter((i) => testNeutral[i]);
    if (pool.length === 0)
      throw new UserError(`${config.normalisation}: test speaker '${fold.group}' has no utterance labelled '${label}'`);
    statRows = drawUpTo(pool, kNeutral, deriveSeed(config.seed, 'neutral-enrol', repeat, fold.index));
    if (statRows.length === all.length)
      throw new UserError(`${config.normalisation}: test speaker '${fold.group}' has only '${label}' utterances, so none is left to score`);
  }
  if (statRows === all) return { statRows, keep: all };
  const inEnrol = new Set(statRows);
  return { statRows, keep: all.filter((i) => !inEnrol.has(i)) };
}

export function gather(x: Float32Array, cols: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) out.set(x.subarray(rows[i] * cols, (rows[i] + 1) * cols), i * cols);
  return out;
}

/** A training speaker's statistics over its neutral utterances (speaker-neutral:K). */
function neutralMoments(
  x: Float32Array,
  cols: number,
  rows: readonly number[],
  y: Int32Array,
  config: SpeakerSplitConfig,
  group: string,
): Moments {
  const neutral = config.neutral;
  if (!neutral) throw new Error(`${config.normalisation}: no neutral class given`);
  const own = rows.filter((r) => y[r] === neutral.index);
  if (own.length === 0)
    throw new UserError(`${config.normalisation}: training speaker '${group}' has no utterance labelled '${neutral.label}'`);
  return moments(x, cols, own);
}

/**
 * A fold's training and scored test rows after the normalisation protocol's speaker step (raw for per-fold).
 * Reads the training labels only (class-balanced or neutral training statistics); of the test speaker's labels only
 * `testNeutral` (speaker-neutral:K: which of its rows are neutral speech, to draw the enrolment from) is passed in.
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
  testNeutral?: readonly boolean[],
): SpeakerSplit {
  const xTrainRaw = gather(x, cols, fold.train);
  const xTestRaw = gather(x, cols, fold.test);
  if (!isSpeakerMode(config.normalisation)) return { xTrain: xTrainRaw, xTest: xTestRaw, scored: Array.from(fold.test) };
  const { statRows, keep } = testEnrolment(config, fold, repeat, testNeutral);
  const enrolling = hasEnrolment(config.normalisation);
  if (step === 'per-fold')
    return {
      xTrain: xTrainRaw,
      xTest: gather(xTestRaw, cols, keep),
      scored: keep.map((i) => fold.test[i]),
      ...(enrolling ? { enrolled: statRows.length } : {}),
    };
  const neutral = neutralEnrolmentSize(config.normalisation) !== undefined;
  const statsMode = config.speakerStats ?? 'plain';
  const estimator = config.enrolEstimator ?? 'shrunk';
  const meanOnly = enrolling && estimator === 'mean-only';
  const scale = (m: Moments): Moments => (meanOnly ? unitVariance(m) : m);
  // Each training speaker's own statistics: over its neutral utterances (speaker-neutral), class-balanced with its
  // labels (`balanced`, `em`) or over all its utterances.
  const training = [...rowsByGroup(trainGroups)].map(([group, rows]) => {
    if (neutral) return { group, rows, own: neutralMoments(xTrainRaw, cols, rows, yTrain, config, group) };
    const labels = statsMode === 'plain' ? undefined : rows.map((r) => yTrain[r]);
    return { group, rows, own: scale(speakerMoments(xTrainRaw, cols, rows, labels, classes)) };
  });
  const owns = training.map((t) => t.own);
  // Enrolment statistics shrink towards the training speakers'; under speaker-neutral a training speaker's few
  // neutral utterances are an enrolment too, estimated the same way, so both sides are normalised alike.
  const finish = (m: Moments): Moments => (enrolling ? enrolMoments(estimator, m, owns) : m);
  const trainingMoments = new Map(training.map((t) => [t.group, neutral ? finish(t.own) : t.own]));
  const xTrain = new Float32Array(xTrainRaw.length);
  for (const t of training) applyMoments(xTrainRaw, xTrain, cols, t.rows, trainingMoments.get(t.group)!);
  const init = finish(moments(xTestRaw, cols, statRows));
  const normalised = (m: Moments, rows: number[]): Float32Array => {
    const out = new Float32Array(xTestRaw.length);
    applyMoments(xTestRaw, out, cols, rows, m);
    const v = gather(out, cols, rows);
    if (enrolling) clipToTrainingRange(v, rows.length, xTrain, fold.train.length, cols);
    return v;
  };
  const split: SpeakerSplit = {
    xTrain,
    xTest: normalised(init, keep),
    scored: keep.map((i) => fold.test[i]),
    trainingMoments,
    ...(enrolling ? { enrolled: statRows.length } : {}),
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

/**
 * speaker-neutral:K: the neutral class, by name (`neutralLabel`, default DEFAULT_NEUTRAL_LABEL); undefined under the
 * other modes. Class-balanced or EM statistics do not apply: the statistics are neutral speech's by construction.
 */
export function neutralClass(
  config: Pick<SpeakerSplitConfig, 'normalisation' | 'speakerStats'> & { neutralLabel?: string },
  classes: readonly string[],
): { index: number; label: string } | undefined {
  if (neutralEnrolmentSize(config.normalisation) === undefined) {
    if (config.neutralLabel !== undefined)
      throw new UserError(`--neutral-label applies to --normalisation speaker-neutral:K only (got ${config.normalisation})`);
    return undefined;
  }
  if ((config.speakerStats ?? 'plain') !== 'plain')
    throw new UserError(
      `--speaker-stats ${config.speakerStats} does not apply to ${config.normalisation}: its statistics are neutral speech's`,
    );
  const label = config.neutralLabel ?? DEFAULT_NEUTRAL_LABEL;
  const index = classes.indexOf(label);
  if (index < 0)
    throw new UserError(
      `${config.normalisation}: no class '${label}' to enrol with (classes: ${classes.join(', ')}); name it with --neutral-label`,
    );
  return { index, label };
}

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
  /** Under the enrolment modes: per test speaker, how many of its utterances the statistics came from (speaker-neutral:K: <= K). */
  enrolled?: ReadonlyMap<string, number>;
}

/** Which of a test speaker's rows (fold order) give its statistics, and which are scored. */
interface TestEnrolment {
  statRows: number[];
  keep: number[];
}

/**
 * The test fold's speakers, each with its rows (fold order), in first-seen order: the fold's one group, unless
 * `testSpeakers` names several (a session of two speakers, a group of speakers).
 */
function testSpeakerRows(fold: Fold, testSpeakers: readonly string[] | undefined): [string, number[]][] {
  if (!testSpeakers) return [[fold.group, Array.from(fold.test, (_, i) => i)]];
  if (testSpeakers.length !== fold.test.length)
    throw new Error(`fold ${fold.index}: ${testSpeakers.length} speakers for ${fold.test.length} test rows`);
  return [...rowsByGroup(testSpeakers)];
}

/**
 * A test speaker's enrolment: all its utterances under `speaker` (all scored); K drawn at random under
 * speaker-enrol:K, or K of its neutral ones under speaker-neutral:K (all of them when it has fewer), not scored.
 * The draw depends on the seed, repeat, fold and (in a fold of several speakers) the speaker only, so every method
 * scores the same utterances; a fold of one speaker draws as it always did.
 */
function testEnrolment(
  config: SpeakerSplitConfig,
  fold: Fold,
  speaker: { name: string; rows: number[]; ofSeveral: boolean },
  repeat: number,
  testNeutral: readonly boolean[] | undefined,
): TestEnrolment {
  const all = speaker.rows;
  const who = speaker.ofSeveral ? [speaker.name] : [];
  const k = enrolmentSize(config.normalisation);
  const kNeutral = neutralEnrolmentSize(config.normalisation);
  let statRows = all;
  if (k !== undefined) statRows = drawEnrolment(all, k, deriveSeed(config.seed, 'enrol', repeat, fold.index, ...who), speaker.name);
  if (kNeutral !== undefined) {
    if (!config.neutral || !testNeutral) throw new Error(`${config.normalisation}: no neutral class or test rows' neutral flags given`);
    const label = config.neutral.label;
    const pool = all.filter((i) => testNeutral[i]);
    if (pool.length === 0)
      throw new UserError(`${config.normalisation}: test speaker '${speaker.name}' has no utterance labelled '${label}'`);
    statRows = drawUpTo(pool, kNeutral, deriveSeed(config.seed, 'neutral-enrol', repeat, fold.index, ...who));
    if (statRows.length === all.length)
      throw new UserError(
        `${config.normalisation}: test speaker '${speaker.name}' has only '${label}' utterances, so none is left to score`,
      );
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
 * Reads the training labels only (class-balanced or neutral training statistics); of the test speakers' labels only
 * `testNeutral` (speaker-neutral:K: which of their rows are neutral speech, to draw the enrolment from) is passed in.
 * `trainSpeakers` names the speaker of each training row; `testSpeakers` that of each test row when the held-out
 * group holds several speakers (each is then normalised by its own statistics; undefined: the group is one speaker).
 */
export function speakerSplit(
  x: Float32Array,
  cols: number,
  fold: Fold,
  trainSpeakers: readonly string[],
  yTrain: Int32Array,
  classes: number,
  config: SpeakerSplitConfig,
  repeat: number,
  step: FoldStep = 'speaker',
  testNeutral?: readonly boolean[],
  testSpeakers?: readonly string[],
): SpeakerSplit {
  const xTrainRaw = gather(x, cols, fold.train);
  const xTestRaw = gather(x, cols, fold.test);
  if (!isSpeakerMode(config.normalisation)) return { xTrain: xTrainRaw, xTest: xTestRaw, scored: Array.from(fold.test) };
  const speakers = testSpeakerRows(fold, testSpeakers);
  const tests = speakers.map(([name, rows]) => ({
    name,
    rows,
    ...testEnrolment(config, fold, { name, rows, ofSeveral: speakers.length > 1 }, repeat, testNeutral),
  }));
  // Scored rows in fold order, whichever speaker they belong to.
  const keep = tests.flatMap((t) => t.keep).sort((i, j) => i - j);
  const enrolling = hasEnrolment(config.normalisation);
  const enrolled = enrolling ? { enrolled: new Map(tests.map((t) => [t.name, t.statRows.length])) } : {};
  if (step === 'per-fold')
    return { xTrain: xTrainRaw, xTest: gather(xTestRaw, cols, keep), scored: keep.map((i) => fold.test[i]), ...enrolled };
  const neutral = neutralEnrolmentSize(config.normalisation) !== undefined;
  const statsMode = config.speakerStats ?? 'plain';
  const estimator = config.enrolEstimator ?? 'shrunk';
  const meanOnly = enrolling && estimator === 'mean-only';
  const scale = (m: Moments): Moments => (meanOnly ? unitVariance(m) : m);
  // Each training speaker's own statistics: over its neutral utterances (speaker-neutral), class-balanced with its
  // labels (`balanced`, `em`) or over all its utterances.
  const training = [...rowsByGroup(trainSpeakers)].map(([group, rows]) => {
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
  // Test rows (fold order) normalised, each speaker's with its own statistics, then the given rows gathered.
  const normalised = (stats: readonly Moments[], rows: number[]): Float32Array => {
    const out = new Float32Array(xTestRaw.length);
    tests.forEach((t, s) => applyMoments(xTestRaw, out, cols, t.rows, stats[s]));
    const v = gather(out, cols, rows);
    if (enrolling) clipToTrainingRange(v, rows.length, xTrain, fold.train.length, cols);
    return v;
  };
  const init = tests.map((t) => finish(moments(xTestRaw, cols, t.statRows)));
  const split: SpeakerSplit = {
    xTrain,
    xTest: normalised(init, keep),
    scored: keep.map((i) => fold.test[i]),
    trainingMoments,
    ...enrolled,
  };
  if (statsMode !== 'em') return split;
  split.refine = async (predict) => {
    const refined: Moments[] = [];
    for (const [s, t] of tests.entries()) {
      // Only this speaker's rows are classified, so the others' statistics do not matter here.
      const others = (m: Moments): Moments[] => init.map((mi, i) => (i === s ? m : mi));
      refined.push(
        await refineByPredictions(
          init[s],
          EM_ITERATIONS,
          (cur) => predict(normalised(others(cur), t.statRows), t.statRows.length),
          (labels) => finish(scale(speakerMoments(xTestRaw, cols, t.statRows, labels, classes))),
        ),
      );
    }
    return normalised(refined, keep);
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

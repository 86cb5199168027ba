import { UserError } from '../util/errors.js';
import {
  DEFAULT_NEUTRAL_LABEL,
  hasEnrolment,
  isSpeakerMode,
  moments,
  neutralEnrolmentSize,
  shrunkEnrolmentMoments,
  type Moments,
  type Normalisation,
} from './speaker-norm.js';

/**
 * Which speaker statistics the speaker modes normalise with. `plain`: each speaker's mean and std over its
 * utterances. `balanced`: training speakers' statistics class-balanced with their true labels (training labels
 * only), the test speaker's plain. `em`: training speakers balanced as in `balanced`; the test speaker's
 * statistics re-estimated class-balanced from the classifier's own predicted labels (EM_ITERATIONS rounds of
 * classify, re-estimate, re-normalise). A speaker's plain mean mixes who speaks with what they feel: one who is
 * angry in half of their turns gets an "angry" mean, and subtracting it removes emotion; a class-balanced mean
 * weighs every emotion the same whatever the speaker's mix.
 */
export type SpeakerStats = 'plain' | 'balanced' | 'em';
export const SPEAKER_STATS: readonly SpeakerStats[] = ['plain', 'balanced', 'em'];

/**
 * How the test speaker's statistics are estimated from K enrolment utterances (`speaker-enrol:K`, and under
 * `speaker-neutral:K` every speaker's from its neutral ones). `shrunk`: mean
 * and std shrunk towards the training speakers' (speaker-norm.ts shrunkEnrolmentMoments). `plain`: the K
 * utterances' own mean and std. `mean-only`: every speaker (training and test) only mean-centred, no std
 * scaling, the K utterances' own mean (the per-fold z-norm on top still scales each column).
 */
export type EnrolEstimator = 'shrunk' | 'plain' | 'mean-only';
export const ENROL_ESTIMATORS: readonly EnrolEstimator[] = ['shrunk', 'plain', 'mean-only'];
/** An estimator, or `search`: chosen per outer fold by inner leave-one-speaker-out (estimator-search.ts). */
export type EnrolEstimatorSetting = EnrolEstimator | 'search';

/**
 * Rounds of re-estimation under `em`, fixed in advance: each costs one prediction of the test speaker's
 * statistics rows, and hard-label EM on one speaker's utterances changes few labels after the second round.
 */
export const EM_ITERATIONS = 3;

export function parseSpeakerStats(v: string): SpeakerStats {
  if ((SPEAKER_STATS as readonly string[]).includes(v)) return v as SpeakerStats;
  throw new UserError(`--speaker-stats: expected ${SPEAKER_STATS.join(' | ')} (got '${v}')`);
}

export function parseEnrolEstimator(v: string): EnrolEstimatorSetting {
  if (v === 'search' || (ENROL_ESTIMATORS as readonly string[]).includes(v)) return v as EnrolEstimatorSetting;
  throw new UserError(`--enrol-estimator: expected ${ENROL_ESTIMATORS.join(' | ')} | search (got '${v}')`);
}

/**
 * Class-balanced statistics of the given rows: the mean is the mean of the per-class means of the classes present;
 * the variance is that of the equal-weight mixture of the classes, mean over classes of (within-class variance +
 * squared distance of the class mean from the balanced mean). The variance is balanced like the mean (not the
 * pooled within-class variance) so that it keeps the spread between emotions, as the plain std does, while a
 * speaker's mix no longer weights it; `n` stays the number of rows (the sampling size of the estimate).
 */
export function balancedMoments(
  x: Float32Array,
  cols: number,
  rows: readonly number[],
  labels: ArrayLike<number>,
  classes: number,
): Moments {
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  rows.forEach((r, i) => byClass[labels[i]].push(r));
  const present = byClass.filter((c) => c.length > 0).map((c) => moments(x, cols, c));
  const mean = new Float64Array(cols);
  const variance = new Float64Array(cols);
  for (const m of present) for (let j = 0; j < cols; j++) mean[j] += m.mean[j] / present.length;
  for (const m of present) {
    for (let j = 0; j < cols; j++) variance[j] += (m.variance[j] + (m.mean[j] - mean[j]) ** 2) / present.length;
  }
  return { mean, variance, n: rows.length };
}

/** The same statistics with unit variance (mean-centring only). */
export function unitVariance(m: Moments): Moments {
  return { mean: m.mean, variance: new Float64Array(m.mean.length).fill(1), n: m.n };
}

/** A speaker's statistics under the chosen option: balanced with the given (training) labels, or plain. */
export function speakerMoments(
  x: Float32Array,
  cols: number,
  rows: readonly number[],
  labels: ArrayLike<number> | undefined,
  classes: number,
): Moments {
  return labels ? balancedMoments(x, cols, rows, labels, classes) : moments(x, cols, rows);
}

/** The test speaker's statistics from its enrolment statistics under the chosen estimator. */
export function enrolMoments(estimator: EnrolEstimator, enrol: Moments, training: readonly Moments[]): Moments {
  if (estimator === 'plain') return enrol;
  if (estimator === 'mean-only') return unitVariance(enrol);
  return shrunkEnrolmentMoments(enrol, training);
}

/**
 * Hard-label EM for the test speaker's statistics: normalise with the current statistics, let the classifier
 * label the statistics rows, re-estimate the statistics from those labels; `iterations` rounds, stopping early when
 * no label changes. No true label is involved: the only labels are the classifier's.
 */
export async function refineByPredictions(
  init: Moments,
  iterations: number,
  classify: (m: Moments) => Promise<ArrayLike<number>>,
  estimate: (labels: ArrayLike<number>) => Moments,
): Promise<Moments> {
  let m = init;
  let last: number[] | undefined;
  for (let it = 0; it < iterations; it++) {
    const labels = Array.from(await classify(m));
    if (last && labels.every((v, i) => v === last![i])) break;
    m = estimate(labels);
    last = labels;
  }
  return m;
}

/** The speaker options as the CLI gives them (undefined = not given). */
export interface SpeakerFlags {
  speakerStats?: string;
  enrolEstimator?: string;
  innerCheck?: boolean;
  speakerFallback?: boolean;
  neutralLabel?: string;
}

/**
 * The speaker settings of a run from its flags, with the defaults of its normalisation mode (plain statistics,
 * shrunk enrolment, the inner check on: issue 12 asks the tool to measure, not assume, whether a speaker mode helps
 * on the user's corpus); a flag that does not apply to the mode is refused rather than ignored.
 */
export function speakerOptionsFrom(
  f: SpeakerFlags,
  normalisation: Normalisation,
): {
  speakerStats?: SpeakerStats;
  enrolEstimator?: EnrolEstimatorSetting;
  innerCheck?: boolean;
  speakerFallback?: boolean;
  neutralLabel?: string;
} {
  const speaker = isSpeakerMode(normalisation);
  const enrol = hasEnrolment(normalisation);
  const neutral = neutralEnrolmentSize(normalisation) !== undefined;
  const refuse = (flag: string, modes: string) => {
    throw new UserError(`${flag} applies to --normalisation ${modes} only (got ${normalisation})`);
  };
  const speakerModes = 'speaker, speaker-enrol:K and speaker-neutral:K';
  if (f.speakerStats !== undefined && (!speaker || neutral)) refuse('--speaker-stats', 'speaker and speaker-enrol:K');
  if (f.innerCheck !== undefined && !speaker) refuse(f.innerCheck ? '--inner-check' : '--no-inner-check', speakerModes);
  if (f.enrolEstimator !== undefined && !enrol) refuse('--enrol-estimator', 'speaker-enrol:K and speaker-neutral:K');
  if (f.speakerFallback && !speaker) refuse('--speaker-fallback', speakerModes);
  if (f.neutralLabel !== undefined && !neutral) refuse('--neutral-label', 'speaker-neutral:K');
  if (!speaker) return {};
  // The fallback acts on the inner check's verdict per fold, so it cannot run without it.
  if (f.speakerFallback && f.innerCheck === false) throw new UserError('--speaker-fallback needs the inner check: drop --no-inner-check');
  return {
    ...(neutral
      ? { neutralLabel: f.neutralLabel ?? DEFAULT_NEUTRAL_LABEL }
      : { speakerStats: parseSpeakerStats(f.speakerStats ?? 'plain') }),
    ...(enrol ? { enrolEstimator: parseEnrolEstimator(f.enrolEstimator ?? 'shrunk') } : {}),
    innerCheck: f.innerCheck !== false,
    ...(f.speakerFallback ? { speakerFallback: true } : {}),
  };
}

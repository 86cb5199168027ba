import { UserError } from '../util/errors.js';
import { SeededRandom as AugmentRng } from '../util/random.js';
import { moments, type Moments } from '../data/moments.js';
import { rowsByGroup } from '../data/rows-by-group.js';

// Shared with the augmenters (recolour), which sit below eval: the one implementation lives in data/.
export { moments, rowsByGroup, type Moments };

/**
 * Normalisation protocols. `per-fold`: z-norm with the training fold's statistics. `speaker`: every speaker
 * z-normed by its own utterances (the test speaker's unlabelled utterances included: transductive).
 * `speaker-enrol:K`: training speakers as in `speaker`; the test speaker's statistics from K utterances drawn at
 * random per repeat, which are then not scored (a short unlabelled enrolment). `speaker-neutral:K`: every speaker
 * normalised by statistics of neutral speech only, the test speaker's from K of its neutral utterances, which are
 * then not scored (a deployed system asks the user to read a short text calmly): a neutral mean does not move with
 * the speaker's emotion mix, which a mean over all utterances does (issue 12, section 2). The test labels only
 * select that enrolment, as the protocol's premise; nothing else reads them. `corpus-leaky`: the authors'
 * whole-corpus z-norm (replication only). No other mode reads a test label.
 */
export type Normalisation = 'per-fold' | 'speaker' | `speaker-enrol:${number}` | `speaker-neutral:${number}` | 'corpus-leaky';
export const NORMALISATION_HELP = 'per-fold | speaker | speaker-enrol:K | speaker-neutral:K | corpus-leaky';

export function parseNormalisation(v: string): Normalisation {
  if (v === 'per-fold' || v === 'speaker' || v === 'corpus-leaky') return v;
  const m = /^speaker-(enrol|neutral):(\d+)$/.exec(v);
  if (m?.[1] === 'enrol' && Number(m[2]) >= 2) return `speaker-enrol:${Number(m[2])}`;
  if (m?.[1] === 'neutral' && Number(m[2]) >= 1) return `speaker-neutral:${Number(m[2])}`;
  throw new UserError(
    `--normalisation: expected ${NORMALISATION_HELP} with K >= 2 (speaker-enrol) or K >= 1 (speaker-neutral) (got '${v}')`,
  );
}

/** K of `speaker-enrol:K`, else undefined. */
export function enrolmentSize(n: Normalisation): number | undefined {
  return n.startsWith('speaker-enrol:') ? Number(n.slice('speaker-enrol:'.length)) : undefined;
}

/** K of `speaker-neutral:K`, else undefined. */
export function neutralEnrolmentSize(n: Normalisation): number | undefined {
  return n.startsWith('speaker-neutral:') ? Number(n.slice('speaker-neutral:'.length)) : undefined;
}

/** The modes whose test speaker is normalised by K enrolment utterances that are then not scored. */
export function hasEnrolment(n: Normalisation): boolean {
  return enrolmentSize(n) !== undefined || neutralEnrolmentSize(n) !== undefined;
}

export function isSpeakerMode(n: Normalisation): boolean {
  return n === 'speaker' || hasEnrolment(n);
}

/** The class `speaker-neutral:K` takes as neutral speech when none is named (`--neutral-label`). */
export const DEFAULT_NEUTRAL_LABEL = 'neutral';

/** z-norm of the given rows of x (in place into out) with a mean and variance; a zero variance scales by 1. */
export function applyMoments(x: Float32Array, out: Float32Array, cols: number, rows: readonly number[], m: Moments): void {
  for (const r of rows) {
    for (let j = 0; j < cols; j++) {
      const s = m.variance[j] > 0 ? Math.sqrt(m.variance[j]) : 1;
      out[r * cols + j] = (x[r * cols + j] - m.mean[j]) / s;
    }
  }
}

/** The speaker of each row: `speakers` when the groups hold several speakers each, else the groups themselves. */
export function rowSpeakers(data: { groups: readonly string[]; speakers?: readonly string[] }): readonly string[] {
  return data.speakers ?? data.groups;
}

/** Each training speaker z-normed by its own statistics (a copy). */
export function normaliseEachSpeaker(x: Float32Array, cols: number, groups: readonly string[]): Float32Array {
  const out = new Float32Array(x.length);
  for (const rows of rowsByGroup(groups).values()) applyMoments(x, out, cols, rows, moments(x, cols, rows));
  return out;
}

/**
 * Statistics of a test speaker from K enrolment utterances, shrunk towards the training speakers' (empirical
 * Bayes, fixed in advance and computed inside the training fold only; nothing is tuned): per feature, the
 * enrolment mean gets weight B / (B + W / K), B the between-speaker variance of speaker means and W the mean
 * within-speaker variance of the training speakers; the log std gets weight b / (b + 1 / (2 (K - 1))), b the
 * between-speaker variance of the training speakers' log std and 1 / (2 (K - 1)) the sampling variance of a log
 * std from K normal draws. For large K both weights tend to 1 (the enrolment's own statistics); for small K a
 * noisy std falls back to the typical speaker's, which is what makes z-norm from 20 utterances usable.
 */
export function shrunkEnrolmentMoments(enrol: Moments, training: readonly Moments[]): Moments & { meanWeight: number; stdWeight: number } {
  const cols = enrol.mean.length;
  const S = training.length;
  const K = enrol.n;
  const mean = new Float64Array(cols);
  const variance = new Float64Array(cols);
  let mw = 0;
  let sw = 0;
  for (let j = 0; j < cols; j++) {
    let mu = 0;
    let within = 0;
    for (const t of training) {
      mu += t.mean[j] / S;
      within += t.variance[j] / S;
    }
    // Log stds only of speakers for whom the feature varies (a constant feature has no log std).
    const logStds = training.filter((t) => t.variance[j] > 0).map((t) => 0.5 * Math.log(t.variance[j]));
    const logs = logStds.reduce((a, v) => a + v, 0) / Math.max(logStds.length, 1);
    let between = 0;
    for (const t of training) between += (t.mean[j] - mu) ** 2 / Math.max(S - 1, 1);
    const betweenLog = logStds.reduce((a, v) => a + (v - logs) ** 2, 0) / Math.max(logStds.length - 1, 1);
    const wMean = between + within / K > 0 ? between / (between + within / K) : 1;
    // An enrolment with no spread in this feature says nothing about its std: use the training speakers'.
    const wStd = enrol.variance[j] > 0 ? betweenLog / (betweenLog + 1 / (2 * Math.max(K - 1, 1))) : 0;
    mean[j] = wMean * enrol.mean[j] + (1 - wMean) * mu;
    const enrolLog = enrol.variance[j] > 0 ? 0.5 * Math.log(enrol.variance[j]) : 0;
    // Floor: std >= a tenth of the typical training speaker's. Below that, K utterances of a zero-inflated feature
    // (e.g. jitter deltas) show sampling degeneracy, not a speaker trait, and would blow up the z-scores.
    const typical = Math.exp(2 * logs);
    variance[j] = logStds.length > 0 ? Math.max(Math.exp(2 * (wStd * enrolLog + (1 - wStd) * logs)), 0.01 * typical) : 0;
    mw += wMean / cols;
    sw += wStd / cols;
  }
  return { mean, variance, n: K, meanWeight: mw, stdWeight: sw };
}

/** K distinct row indices of `pool`, drawn with a seeded shuffle (all of them when the pool holds at most K). */
export function drawUpTo(pool: readonly number[], k: number, seed: number): number[] {
  return new AugmentRng(seed).shuffle([...pool]).slice(0, k);
}

/** K distinct row indices of `pool` (the utterances of test speaker `speaker`, if named), drawn with a seeded shuffle. */
export function drawEnrolment(pool: readonly number[], k: number, seed: number, speaker?: string): number[] {
  if (k >= pool.length) {
    const who = speaker === undefined ? 'a test speaker' : `test speaker '${speaker}'`;
    throw new UserError(`speaker-enrol:${k}: ${who} has only ${pool.length} utterances (need more than K to score any)`);
  }
  return drawUpTo(pool, k, seed);
}

/**
 * Mean Jensen-Shannon divergence (natural log, 0..ln 2) of each speaker's class distribution from the pooled one:
 * how much speakers' emotion mixes differ, i.e. how much a speaker's mean mixes who speaks with what they feel.
 */
export function labelMixDivergence(y: ArrayLike<number>, groups: readonly string[], classes: number): number {
  const pooled = new Float64Array(classes);
  for (let i = 0; i < y.length; i++) pooled[y[i]] += 1 / y.length;
  const kl = (p: Float64Array, q: Float64Array): number => p.reduce((s, v, c) => (v > 0 ? s + v * Math.log(v / q[c]) : s), 0);
  const by = rowsByGroup(groups);
  let total = 0;
  for (const rows of by.values()) {
    const p = new Float64Array(classes);
    for (const r of rows) p[y[r]] += 1 / rows.length;
    const m = p.map((v, c) => (v + pooled[c]) / 2);
    total += (kl(p, m) + kl(pooled, m)) / 2;
  }
  return total / Math.max(by.size, 1);
}

/**
 * Above this, speaker statistics mix speaker and emotion (reason: a speaker whose dominant class share differs by
 * about 30 points from the pooled mix, e.g. 55 % vs 25 % angry, gives a JS divergence of about 0.05).
 */
export const LABEL_MIX_WARN = 0.05;

/**
 * Clips each column of `x` to the range the speaker-normalised training rows take. A training row's z-score is
 * bounded by its own speaker's count (Samuelson: |z| <= sqrt(n - 1)); a test speaker normalised by K enrolment
 * utterances is not, and one heavy-tailed feature at z = 800 zeroes every RBF kernel value.
 */
export function clipToTrainingRange(x: Float32Array, rows: number, train: Float32Array, trainRows: number, cols: number): void {
  const lo = new Float64Array(cols).fill(Infinity);
  const hi = new Float64Array(cols).fill(-Infinity);
  for (let i = 0; i < trainRows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = train[i * cols + j];
      if (v < lo[j]) lo[j] = v;
      if (v > hi[j]) hi[j] = v;
    }
  }
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) x[i * cols + j] = Math.min(hi[j], Math.max(lo[j], x[i * cols + j]));
}

import type { Fold } from './folds.js';
import type { TrainOn } from './results.js';
import type { EvalData, EvalDeps } from './types.js';
import { labelMixDivergence, rowSpeakers, type Normalisation } from './speaker-norm.js';
import type { EnrolEstimator, SpeakerStats } from './speaker-stats.js';
import type { FoldStep } from './speaker-split.js';

/** The protocol settings an inner evaluation inherits from the outer run. */
export interface InnerProtocol {
  normalisation: Normalisation;
  speakerStats?: SpeakerStats;
  enrolEstimator?: EnrolEstimator;
  neutralLabel?: string;
}

/** An inner run's configuration (a part of protocol.ts's EvaluateConfig). */
export interface InnerRunConfig extends InnerProtocol {
  augment: string[];
  classifiers: string[];
  trainOn: TrainOn[];
  repeats: number;
  seed: number;
}

/**
 * Inner leave-one-speaker-out on the outer fold's training speakers only: the one mechanism behind every setting
 * chosen inside the training fold (`--svm-c auto`, `--svm-gamma search`) and behind the `--inner-check` of the
 * speaker modes. The outer test speaker is never part of it. `Evaluate` is protocol.ts's runEvaluation (passed in,
 * so that this file does not import the protocol that calls it).
 */
export type Evaluate = (data: EvalData, config: InnerRunConfig, deps: EvalDeps) => Promise<{ results: readonly InnerScore[] }>;

export interface InnerScore {
  /** Pooled over the inner folds, percent. */
  wa: number;
  uar: number;
}

/** The outer fold's training rows as a dataset of their own. */
export function trainingSubset(data: EvalData, fold: Fold): EvalData {
  const cols = data.cols;
  const x = new Float32Array(fold.train.length * cols);
  fold.train.forEach((r, i) => x.set(data.x.subarray(r * cols, (r + 1) * cols), i * cols));
  const pick = <T>(v: ArrayLike<T>): T[] => Array.from(fold.train, (r) => v[r]);
  return {
    name: `${data.name} (training speakers of fold ${fold.index})`,
    x,
    rows: fold.train.length,
    cols,
    featureNames: data.featureNames,
    ids: pick(data.ids),
    ...(data.sources ? { sources: pick(data.sources) } : {}),
    y: Int32Array.from(fold.train, (r) => data.y[r]),
    classes: data.classes,
    groups: pick(data.groups),
    ...(data.speakers ? { speakers: pick(data.speakers) } : {}),
    ...(data.augmentMask ? { augmentMask: Uint8Array.from(fold.train, (r) => data.augmentMask![r]) } : {}),
  };
}

/** What an inner run trains: a classifier (options on top of deps'), after an augmenter (default none, on real rows). */
export interface InnerMethod {
  classifier: string;
  options?: Record<string, unknown>;
  augment?: string;
  /** Training data of an augmented candidate (default real+synthetic); `none` is always trained on real rows. */
  trainOn?: TrainOn;
}

/** What an inner run of `method` trains on: `none` always the real rows, an augmenter real+synthetic unless given. */
function innerTrainOn(method: InnerMethod): TrainOn {
  return (method.augment ?? 'none') === 'none' ? 'real' : (method.trainOn ?? 'real+synthetic');
}

/** Pooled WA / UAR of one method under inner leave-one-speaker-out (the run's augmenter settings come with deps). */
export async function innerScore(
  evaluate: Evaluate,
  data: EvalData,
  protocol: InnerProtocol,
  seed: number,
  method: InnerMethod,
  deps: EvalDeps,
): Promise<InnerScore> {
  const { options } = method;
  const innerDeps: EvalDeps = options
    ? { ...deps, createClassifier: (name, s, cols, o) => deps.createClassifier(name, s, cols, { ...o, ...options }) }
    : deps;
  const augment = method.augment ?? 'none';
  const trainOn = innerTrainOn(method);
  const res = await evaluate(
    data,
    { augment: [augment], classifiers: [method.classifier], trainOn: [trainOn], repeats: 1, seed, ...protocol },
    innerDeps,
  );
  return { wa: res.results[0].wa, uar: res.results[0].uar };
}

/** Where inner scores are kept by key (a Map; the benchmark keeps them on disk, so its pieces share each fold's). */
export interface InnerScoreCache {
  get(key: string): InnerScore | undefined;
  set(key: string, score: InnerScore): unknown;
}

/**
 * Inner scores of the outer folds' training speakers, each (fold, seed, protocol, method) computed once: the SVM
 * search, `--inner-check` and `--augment auto` ask for the same unaugmented score, and every repeat for the same fold's.
 */
export class InnerScorer {
  private readonly subsets = new Map<number, EvalData>();
  constructor(
    private readonly evaluate: Evaluate,
    private readonly data: EvalData,
    readonly seedFor: (fold: Fold) => number,
    private readonly deps: EvalDeps,
    private readonly cache: InnerScoreCache = new Map<string, InnerScore>(),
  ) {}

  private key(fold: Fold, protocol: InnerProtocol, method: InnerMethod): string {
    const augment = method.augment ?? 'none';
    const trainOn = innerTrainOn(method);
    // Fields in a fixed order, so that every caller asking for the same inner run gets the same key.
    const { classifier, options } = method;
    const p = {
      normalisation: protocol.normalisation,
      speakerStats: protocol.speakerStats,
      enrolEstimator: protocol.enrolEstimator,
      ...(protocol.neutralLabel !== undefined ? { neutralLabel: protocol.neutralLabel } : {}),
    };
    return JSON.stringify([fold.index, fold.group, this.seedFor(fold), p, classifier, options ?? null, augment, trainOn]);
  }

  /** True when the score is known (no inner run needed). */
  has(fold: Fold, protocol: InnerProtocol, method: InnerMethod): boolean {
    return this.cache.get(this.key(fold, protocol, method)) !== undefined;
  }

  async score(fold: Fold, protocol: InnerProtocol, method: InnerMethod): Promise<InnerScore> {
    const seed = this.seedFor(fold);
    const key = this.key(fold, protocol, method);
    const hit = this.cache.get(key);
    if (hit) return hit;
    let subset = this.subsets.get(fold.index);
    if (!subset) this.subsets.set(fold.index, (subset = trainingSubset(this.data, fold)));
    const s = await innerScore(this.evaluate, subset, protocol, seed, method, this.deps);
    this.cache.set(key, s);
    return s;
  }
}

export interface GridPoint<T> {
  values: T;
  score: InnerScore;
}

/** Scores every candidate and picks the best inner WA (ties: the first in grid order). */
export async function gridSearch<T>(
  grid: readonly T[],
  score: (values: T) => Promise<InnerScore>,
): Promise<{ best: T; points: GridPoint<T>[] }> {
  const points: GridPoint<T>[] = [];
  for (const values of grid) points.push({ values, score: await score(values) });
  let best = points[0];
  for (const p of points) if (p.score.wa > best.score.wa) best = p;
  return { best: best.values, points };
}

/**
 * The SVM grid, fixed in advance (not tuned to any corpus): C a decade either side of the authors' 10 and one
 * below, gamma a factor 4 either side of 1/n_features (scikit-learn's 'auto', the authors'; after the fold's z-norm
 * 'scale' is the same value).
 */
export const SVM_C_GRID: readonly number[] = [0.1, 1, 10, 100];
export const SVM_GAMMA_FACTORS: readonly number[] = [0.25, 1, 4];

export interface SvmSearch {
  C: boolean;
  gamma: boolean;
  /** `--svm-grid extend`: step past an edge of the grid while the inner WA there keeps rising (extendPastEdges). */
  extend?: boolean;
}

/**
 * `--svm-grid extend`: at most this many steps past either end of the grid, each by the grid's own spacing (C x10,
 * gamma x4), so a corpus whose best setting lies outside the fixed grid can still reach it inside the training folds.
 */
export const SVM_GRID_EXTENSION = { steps: 3, C: 10, gamma: 4 } as const;

export interface SvmValues {
  C?: number;
  gamma?: number;
}

/** The gamma grid: SVM_GAMMA_FACTORS x 1/n_features. */
function svmGammaGrid(cols: number): number[] {
  return SVM_GAMMA_FACTORS.map((f) => f / cols);
}

/** The candidate SVM settings: the grid of each searched option (gamma relative to 1/cols); unsearched ones are left to deps. */
export function svmGrid(search: SvmSearch, cols: number): SvmValues[] {
  const cs: (number | undefined)[] = search.C ? [...SVM_C_GRID] : [undefined];
  const gs: (number | undefined)[] = search.gamma ? svmGammaGrid(cols) : [undefined];
  return cs.flatMap((C) => gs.map((gamma) => ({ ...(C !== undefined ? { C } : {}), ...(gamma !== undefined ? { gamma } : {}) })));
}

/** The SVM settings one outer fold chose, with every grid point's inner score (results JSON `search`). */
export interface FoldSearch {
  fold: number;
  group: string;
  classifier: string;
  chosen: SvmValues;
  innerWa: number;
  grid: { values: SvmValues; wa: number; uar: number }[];
}

/** Inner grid search of the searched SVM options for one outer fold. */
export async function searchSvmForFold(
  scorer: InnerScorer,
  fold: Fold,
  protocol: InnerProtocol,
  search: SvmSearch,
  cols: number,
): Promise<FoldSearch> {
  const score = (v: SvmValues): Promise<InnerScore> => scorer.score(fold, protocol, { classifier: 'svm', options: { ...v } });
  const grid = await gridSearch(svmGrid(search, cols), score);
  const points = grid.points;
  const best = search.extend ? await extendPastEdges(grid.best, points, search, cols, score) : grid.best;
  const bestPoint = points.find((p) => p.values === best)!;
  return {
    fold: fold.index,
    group: fold.group,
    classifier: 'svm',
    chosen: best,
    innerWa: bestPoint.score.wa,
    grid: points.map((p) => ({ values: p.values, wa: p.score.wa, uar: p.score.uar })),
  };
}

/**
 * From the grid's best point, for each searched setting (C, then gamma) that sits at an end of its grid: one step
 * further out, kept while its inner WA is strictly higher (ties keep the grid's value), at most
 * SVM_GRID_EXTENSION.steps steps. Every point tried is appended to `points` (the results JSON's grid).
 */
async function extendPastEdges(
  start: SvmValues,
  points: GridPoint<SvmValues>[],
  search: SvmSearch,
  cols: number,
  score: (v: SvmValues) => Promise<InnerScore>,
): Promise<SvmValues> {
  let best = start;
  let bestWa = points.find((p) => p.values === start)!.score.wa;
  const axes = [
    { key: 'C' as const, on: search.C, grid: SVM_C_GRID, factor: SVM_GRID_EXTENSION.C },
    { key: 'gamma' as const, on: search.gamma, grid: svmGammaGrid(cols), factor: SVM_GRID_EXTENSION.gamma },
  ];
  for (const { key, on, grid, factor } of axes) {
    const at = best[key];
    if (!on || at === undefined) continue;
    const step = at === grid[0] ? 1 / factor : at === grid[grid.length - 1] ? factor : undefined;
    if (step === undefined) continue;
    for (let s = 0; s < SVM_GRID_EXTENSION.steps; s++) {
      const values: SvmValues = { ...best, [key]: best[key]! * step };
      const point = { values, score: await score(values) };
      points.push(point);
      if (point.score.wa <= bestWa) break;
      [best, bestWa] = [values, point.score.wa];
    }
  }
  return best;
}

/** One outer fold of `--inner-check`: per-fold against the run's speaker mode on the training speakers only. */
export interface InnerCheckFold {
  fold: number;
  group: string;
  /** Of the training speakers only. */
  labelMixDivergence: number;
  perFold: InnerScore;
  speakerMode: InnerScore;
}

export interface InnerCheck {
  classifier: string;
  normalisation: Normalisation;
  folds: InnerCheckFold[];
  /** Mean over outer folds of (speaker mode - per-fold), percent points. */
  diffWa: number;
  diffUar: number;
  /** Outer folds where the speaker mode had the higher inner WA. */
  helped: number;
  /** `--speaker-fallback`: the test speakers (groups) of the folds normalised per-fold instead. */
  fallback?: { groups: string[] };
}

/**
 * `--speaker-fallback`: a fold keeps the speaker mode only where it had the higher inner WA on the training speakers
 * (a tie goes to per-fold, the mode that assumes less about the corpus): the check's own `helped` criterion.
 */
export function fallbackStep(f: Pick<InnerCheckFold, 'perFold' | 'speakerMode'>): FoldStep {
  return f.speakerMode.wa > f.perFold.wa ? 'speaker' : 'per-fold';
}

/** `--inner-check` over the given outer folds, with the run's first classifier and the deps' settings of it. */
export async function innerCheckOver(
  scorer: InnerScorer,
  data: EvalData,
  folds: readonly Fold[],
  protocolOf: (fold: Fold) => InnerProtocol,
  classifier: string,
  fallback = false,
): Promise<InnerCheck> {
  const out: InnerCheckFold[] = [];
  const speakerOf = rowSpeakers(data);
  for (const fold of folds) {
    const speakers = Array.from(fold.train, (r) => speakerOf[r]);
    const y = Int32Array.from(fold.train, (r) => data.y[r]);
    out.push({
      fold: fold.index,
      group: fold.group,
      labelMixDivergence: labelMixDivergence(y, speakers, data.classes.length),
      perFold: await scorer.score(fold, { normalisation: 'per-fold' }, { classifier }),
      speakerMode: await scorer.score(fold, protocolOf(fold), { classifier }),
    });
  }
  const normalisation = folds.length ? protocolOf(folds[0]).normalisation : 'per-fold';
  return summariseInnerCheck(classifier, normalisation, out, fallback);
}

export function summariseInnerCheck(
  classifier: string,
  normalisation: Normalisation,
  folds: InnerCheckFold[],
  fallback = false,
): InnerCheck {
  const d = (f: (x: InnerCheckFold) => number) => folds.reduce((s, x) => s + f(x), 0) / Math.max(folds.length, 1);
  return {
    classifier,
    normalisation,
    folds,
    diffWa: d((f) => f.speakerMode.wa - f.perFold.wa),
    diffUar: d((f) => f.speakerMode.uar - f.perFold.uar),
    helped: folds.filter((f) => fallbackStep(f) === 'speaker').length,
    ...(fallback ? { fallback: { groups: folds.filter((f) => fallbackStep(f) === 'per-fold').map((f) => f.group) } } : {}),
  };
}

/** "speaker normalisation inside training folds: +8.10 WA, +7.90 UAR (helped in 9 of 10 folds; ...)". */
export function innerCheckLine(
  c: Pick<InnerCheck, 'classifier' | 'diffWa' | 'diffUar' | 'helped' | 'fallback'> & {
    normalisation: string;
    folds: readonly Pick<InnerCheckFold, 'labelMixDivergence'>[];
  },
): string {
  const s = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;
  const mix = c.folds.reduce((a, f) => a + f.labelMixDivergence, 0) / Math.max(c.folds.length, 1);
  return (
    `${c.normalisation} normalisation inside training folds: ${s(c.diffWa)} WA, ${s(c.diffUar)} UAR against per-fold ` +
    `(helped in ${c.helped} of ${c.folds.length} folds; inner leave-one-speaker-out over the training speakers, ` +
    `${c.classifier}, no augmentation; training speakers' label-mix divergence ${mix.toFixed(3)})` +
    (c.fallback ? `; ${fallbackLine(c.fallback.groups, c.folds.length)}` : '')
  );
}

/**
 * The warning when the check finds the speaker mode no better than per-fold on balance and nothing acts on it. The
 * check measures the outcome on the training speakers whatever the cause (an emotion mix that differs per speaker,
 * or anything else that makes a speaker's statistics poor), so it is the signal to act on; the label-mix divergence
 * is only a hint (IEMOCAP's speaker mixes give 0.011, below EmoDB's 0.018).
 */
export function innerCheckWarning(c: Pick<InnerCheck, 'normalisation' | 'diffWa' | 'helped' | 'fallback' | 'folds'>): string | null {
  if (c.fallback || c.diffWa > 0) return null;
  return (
    `normalisation ${c.normalisation}: it did not help inside the training folds (${c.diffWa.toFixed(2)} WA against ` +
    `per-fold, helped in ${c.helped} of ${c.folds.length} folds), so per-fold may be the better protocol on this corpus ` +
    '(add --speaker-fallback to normalise per-fold the folds where it did not help)'
  );
}

/** "--speaker-fallback: per-fold normalisation for test speakers 11, 15 (2 of 10 folds)". */
function fallbackLine(groups: readonly string[], folds: number): string {
  return groups.length === 0
    ? `--speaker-fallback: the speaker mode kept in all ${folds} folds`
    : `--speaker-fallback: per-fold normalisation for test speaker${groups.length > 1 ? 's' : ''} ${groups.join(', ')} ` +
        `(${groups.length} of ${folds} folds, where the speaker mode did not help inside the training folds)`;
}

/** The inner results of partial runs (`--fold i`) as one: each outer fold's search and check once, by fold index. */
export function mergeInnerResults(parts: readonly { innerCheck?: InnerCheck; search?: FoldSearch[] }[]): {
  innerCheck?: InnerCheck;
  search?: FoldSearch[];
} {
  const byFold = <T extends { fold: number }>(items: T[]): T[] =>
    [...new Map(items.map((s) => [s.fold, s])).values()].sort((a, b) => a.fold - b.fold);
  const search = byFold(parts.flatMap((p) => p.search ?? []));
  const checks = parts.map((p) => p.innerCheck).filter((c): c is InnerCheck => c !== undefined);
  return {
    ...(checks.length
      ? {
          innerCheck: summariseInnerCheck(
            checks[0].classifier,
            checks[0].normalisation,
            byFold(checks.flatMap((c) => c.folds)),
            checks[0].fallback !== undefined,
          ),
        }
      : {}),
    ...(search.length ? { search } : {}),
  };
}

import {
  addConfusion,
  confusionMatrix,
  mean,
  perClassRecall,
  std,
  unweightedAverageRecall,
  weightedAccuracy,
  type Confusion,
} from './metrics.js';
import { mcnemarExact, pairedTTest } from './significance.js';
import { augmenterAlias } from '../augment/registry.js';

/** What training data a classifier saw: the real fold, only the augmenter's synthetic rows, or both. */
export type TrainOn = 'real' | 'synthetic' | 'real+synthetic';
export const TRAIN_ON: readonly TrainOn[] = ['real', 'synthetic', 'real+synthetic'];

/** Predictions of one (repeat, fold) for one method: kept in every JSON so `adan merge` can recompute metrics. */
export interface FoldPredictions {
  repeat: number;
  fold: number;
  group: string;
  /** Row indices (into the dataset) of the test utterances. */
  rows: number[];
  /** True and predicted class indices, aligned with rows. */
  y: number[];
  pred: number[];
  /** Augmentation time of this fold (shared by every classifier using it) plus this classifier's training and prediction time. */
  seconds: number;
  /** `--augment auto`: the augmenter this fold chose (inner leave-one-speaker-out) and trained with. */
  chosen?: string;
}

export interface FoldMetrics {
  group: string;
  wa: number;
  uar: number;
  n: number;
}

/** What an alias (`--augment recommended`) ran: the augmenter, its fixed settings and the protocol it is recommended with. */
export interface ResolvedAugmenter {
  augment: string;
  settings: Record<string, unknown>;
  normalisation: string;
  reason: string;
}

/** How many folds chose an augmenter (`--augment auto`). */
export interface ChosenCount {
  augment: string;
  folds: number;
}

export interface MethodResult {
  augment: string;
  /** Present when `augment` is an alias: what it resolved to. */
  resolvedAs?: ResolvedAugmenter;
  /** `--augment auto`: what the folds (of the first repeat present) chose, most chosen first. */
  resolvedPerFold?: ChosenCount[];
  classifier: string;
  trainOn: TrainOn;
  /** Percent, on predictions pooled over folds; mean over repeats when repeats > 1. */
  wa: number;
  uar: number;
  /** Mean and sample std over the folds of the first repeat present. */
  waMean: number;
  waStd: number;
  uarMean: number;
  uarStd: number;
  /** Pooled WA / UAR of each repeat (ascending repeat index). */
  waRepeats: number[];
  uarRepeats: number[];
  repeatIndices: number[];
  /** rows = true class, cols = predicted; pooled over folds and summed over repeats. */
  confusion: Confusion;
  perClassRecall: number[];
  folds: FoldMetrics[];
  seconds: number;
  predictions: FoldPredictions[];
}

export interface Comparison {
  a: string;
  b: string;
  test: 'paired t-test over repeats' | 'McNemar';
  p: number;
  /** b - a, percent WA (pooled; mean over repeats). */
  diffWa: number;
  diffUar: number;
  statistic: number;
  /** Repeats (t-test) or utterances where exactly one method was right (McNemar). */
  n: number;
}

export function methodKey(r: { augment: string; classifier: string; trainOn: string }): string {
  return `${r.augment}/${r.classifier}/${r.trainOn}`;
}

/** Metrics of one method from its per-fold predictions (any subset of repeats and folds). */
export function summarise(
  method: { augment: string; classifier: string; trainOn: TrainOn },
  predictions: FoldPredictions[],
  classes: number,
): MethodResult {
  const preds = [...predictions].sort((p, q) => p.repeat - q.repeat || p.fold - q.fold);
  const repeats = [...new Set(preds.map((p) => p.repeat))];
  const empty = (): Confusion => Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const waRepeats: number[] = [];
  const uarRepeats: number[] = [];
  let total = empty();
  for (const r of repeats) {
    let m = empty();
    for (const p of preds) if (p.repeat === r) m = addConfusion(m, confusionMatrix(p.y, p.pred, classes));
    waRepeats.push(weightedAccuracy(m));
    uarRepeats.push(unweightedAverageRecall(m));
    total = addConfusion(total, m);
  }
  const first = preds.filter((p) => p.repeat === repeats[0]);
  const folds = first.map((p) => {
    const m = confusionMatrix(p.y, p.pred, classes);
    return { group: p.group, wa: weightedAccuracy(m), uar: unweightedAverageRecall(m), n: p.rows.length };
  });
  const alias = augmenterAlias(method.augment);
  const chosen = chosenPerFold(first);
  return {
    ...method,
    ...(alias ? { resolvedAs: { ...alias, settings: { ...alias.settings } } } : {}),
    ...(chosen.length ? { resolvedPerFold: chosen } : {}),
    wa: mean(waRepeats),
    uar: mean(uarRepeats),
    waMean: mean(folds.map((f) => f.wa)),
    waStd: std(folds.map((f) => f.wa)),
    uarMean: mean(folds.map((f) => f.uar)),
    uarStd: std(folds.map((f) => f.uar)),
    waRepeats,
    uarRepeats,
    repeatIndices: repeats,
    confusion: total,
    perClassRecall: perClassRecall(total),
    folds,
    seconds: preds.reduce((s, p) => s + p.seconds, 0),
    predictions: preds,
  };
}

/** Per augmenter, the folds that chose it (`--augment auto`), most chosen first (ties: first chosen first). */
function chosenPerFold(preds: readonly FoldPredictions[]): ChosenCount[] {
  const counts = new Map<string, number>();
  for (const p of preds) if (p.chosen !== undefined) counts.set(p.chosen, (counts.get(p.chosen) ?? 0) + 1);
  return [...counts].map(([augment, folds]) => ({ augment, folds })).sort((a, b) => b.folds - a.folds);
}

/** "noise in 6 folds, none in 4" */
export function chosenCountsText(counts: readonly ChosenCount[]): string {
  return counts.map((c, i) => `${c.augment} in ${c.folds}${i === 0 ? ` fold${c.folds > 1 ? 's' : ''}` : ''}`).join(', ');
}

/** A method's augmenter with what it resolved to: "recommended (= recolour)", "auto (= noise in 6 folds, none in 4)". */
export function augmentLabel(r: { augment: string; resolvedAs?: { augment: string }; resolvedPerFold?: readonly ChosenCount[] }): string {
  if (r.resolvedAs) return `${r.augment} (= ${r.resolvedAs.augment})`;
  if (r.resolvedPerFold?.length) return `${r.augment} (= ${chosenCountsText(r.resolvedPerFold)})`;
  return r.augment;
}

/** Pooled predictions of one repeat, ordered by row index (so two methods align utterance by utterance). */
function pooled(r: MethodResult, repeat: number): { rows: number[]; y: number[]; pred: number[] } {
  const items: [number, number, number][] = [];
  for (const p of r.predictions) if (p.repeat === repeat) p.rows.forEach((row, i) => items.push([row, p.y[i], p.pred[i]]));
  items.sort((a, b) => a[0] - b[0]);
  return { rows: items.map((t) => t[0]), y: items.map((t) => t[1]), pred: items.map((t) => t[2]) };
}

/**
 * Compares every method b with a baseline a: the paired t-test over repeats (pooled WA per seed, paired by
 * repeat index) when both have >= 2 common repeats, and McNemar's exact test on the pooled predictions of the
 * first common repeat (always).
 */
export function compare(a: MethodResult, b: MethodResult): Comparison[] {
  const out: Comparison[] = [];
  const common = a.repeatIndices.filter((r) => b.repeatIndices.includes(r));
  if (common.length === 0) return out;
  const wa = (m: MethodResult) => common.map((r) => m.waRepeats[m.repeatIndices.indexOf(r)]);
  const uar = (m: MethodResult) => common.map((r) => m.uarRepeats[m.repeatIndices.indexOf(r)]);
  const diffWa = mean(wa(b)) - mean(wa(a));
  const diffUar = mean(uar(b)) - mean(uar(a));
  if (common.length >= 2) {
    const t = pairedTTest(wa(a), wa(b));
    out.push({
      a: methodKey(a),
      b: methodKey(b),
      test: 'paired t-test over repeats',
      p: t.p,
      diffWa,
      diffUar,
      statistic: t.statistic,
      n: common.length,
    });
  }
  const pa = pooled(a, common[0]);
  const pb = pooled(b, common[0]);
  if (pa.rows.length === pb.rows.length && pa.rows.every((v, i) => v === pb.rows[i])) {
    const m = mcnemarExact(pa.y, pa.pred, pb.pred);
    out.push({ a: methodKey(a), b: methodKey(b), test: 'McNemar', p: m.p, diffWa, diffUar, statistic: m.statistic, n: m.onlyA + m.onlyB });
  }
  return out;
}

/** Each augmented method against no augmentation with the same classifier (trained on real data). */
export function compareWithBaselines(results: MethodResult[]): Comparison[] {
  const out: Comparison[] = [];
  for (const b of results) {
    if (b.augment === 'none') continue;
    const a = results.find((r) => r.augment === 'none' && r.classifier === b.classifier && r.trainOn === 'real');
    if (a) out.push(...compare(a, b));
  }
  return out;
}

/** Warnings for aliases run under another protocol than the one they are recommended with. */
export function aliasWarnings(augment: readonly string[], normalisation: string): string[] {
  return augment.flatMap((a) => {
    const alias = augmenterAlias(a);
    return alias && alias.normalisation !== normalisation
      ? [`--augment ${a} (= ${alias.augment}) is recommended with --normalisation ${alias.normalisation}; this run uses ${normalisation}`]
      : [];
  });
}

/** The plain verdict on b against no augmentation: better / worse when the difference is significant at alpha, else no difference. */
export type Verdict = 'better' | 'worse' | 'no difference';
export function verdictOf(diffWa: number, p: number, alpha = 0.05): Verdict {
  if (!(p < alpha)) return 'no difference';
  return diffWa > 0 ? 'better' : diffWa < 0 ? 'worse' : 'no difference';
}

// Shared by the speaker benchmarks (bench/speaker-stats.ts, bench/speaker-fallback.ts): the EmoDB IS11 goldens as
// an evaluation dataset, and one result row (pooled WA/UAR mean +- sd over seeds) per method of a run.
import { join } from 'node:path';
import { readCsvTable } from '../src/data/read-table.js';
import { withEmodbMeta } from '../src/data/emodb-names.js';
import { evalDataFromTable } from '../src/eval/dataset.js';
import type { EvaluationResults } from '../src/eval/protocol.js';
import { compare, methodKey, summarise, type FoldPredictions, type MethodResult } from '../src/eval/results.js';
import { mean, std } from '../src/eval/metrics.js';
import type { EvalData } from '../src/eval/types.js';
import type { FeatureTable } from '../src/data/table.js';
import { sharedDir } from '../src/util/paths.js';

/** The EmoDB IS11 goldens with EmoDB's speaker and label columns. */
export function emodbIs11Table(): FeatureTable {
  return withEmodbMeta(readCsvTable(join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS11.csv')));
}

export function emodbIs11Data(table: FeatureTable = emodbIs11Table(), name = 'emodb-IS11'): EvalData {
  return evalDataFromTable(table, { name, labelCol: 'label', groupCol: 'speaker' });
}

export const f2 = (v: number): number => Number(v.toFixed(2));

/** Pooled WA / UAR of one method, mean and sd over seeds, and its paired t-test against none when there is one. */
export function summaryRow(res: EvaluationResults, r: MethodResult): Record<string, unknown> {
  const t = res.comparisons.find((c) => c.b === methodKey(r) && c.test === 'paired t-test over repeats');
  return {
    method: methodKey(r),
    wa: f2(mean(r.waRepeats)),
    waSd: f2(r.waRepeats.length > 1 ? std(r.waRepeats) : 0),
    uar: f2(mean(r.uarRepeats)),
    uarSd: f2(r.uarRepeats.length > 1 ? std(r.uarRepeats) : 0),
    ...(t ? { pVsNone: Number(t.p.toPrecision(3)), diffWa: f2(t.diffWa) } : {}),
  };
}

/** b against a, same protocol and seeds: the paired t-test over seeds when there are several, else McNemar. */
export function comparisonRow(aName: string, a: EvaluationResults, bName: string, b: EvaluationResults): Record<string, unknown> {
  const c = compare(a.results[0], b.results[0]);
  const main = c.find((x) => x.test === 'paired t-test over repeats') ?? c[0];
  return { a: aName, b: bName, diffWa: f2(main.diffWa), diffUar: f2(main.diffUar), test: main.test, p: Number(main.p.toPrecision(3)) };
}

/** One repeat's predictions kept on the given rows only. */
function onRows(preds: readonly FoldPredictions[], repeat: number, keep: ReadonlySet<number>, as: number): FoldPredictions[] {
  return preds
    .filter((p) => p.repeat === repeat)
    .map((p) => {
      const idx = p.rows.map((r, i) => (keep.has(r) ? i : -1)).filter((i) => i >= 0);
      return { ...p, repeat: as, rows: idx.map((i) => p.rows[i]), y: idx.map((i) => p.y[i]), pred: idx.map((i) => p.pred[i]) };
    });
}

/**
 * b against a on the rows both scored, seed by seed: for runs that score different rows (an enrolment mode leaves
 * its enrolment unscored). A run with one repeat (per-fold, speaker: no random draw) is paired with every seed of
 * the other; its predictions of a row do not depend on which other rows are scored, so this is exact pairing.
 */
export function commonRowsComparison(aName: string, a: EvaluationResults, bName: string, b: EvaluationResults): Record<string, unknown> {
  const [ra, rb] = [a.results[0], b.results[0]];
  const classes = a.dataset.classes.length;
  const repeats = rb.repeatIndices.length >= ra.repeatIndices.length ? rb.repeatIndices : ra.repeatIndices;
  const pick = (r: MethodResult, rep: number): number => (r.repeatIndices.length === 1 ? r.repeatIndices[0] : rep);
  const predsA: FoldPredictions[] = [];
  const predsB: FoldPredictions[] = [];
  const rows: number[] = [];
  for (const rep of repeats) {
    const scored = (r: MethodResult) => new Set(r.predictions.filter((p) => p.repeat === pick(r, rep)).flatMap((p) => p.rows));
    const sa = scored(ra);
    const both = new Set([...scored(rb)].filter((i) => sa.has(i)));
    rows.push(both.size);
    predsA.push(...onRows(ra.predictions, pick(ra, rep), both, rep));
    predsB.push(...onRows(rb.predictions, pick(rb, rep), both, rep));
  }
  const sa = summarise(ra, predsA, classes);
  const sb = summarise(rb, predsB, classes);
  return {
    ...comparisonRow(aName, { ...a, results: [sa] }, bName, { ...b, results: [sb] }),
    commonRows: rows,
    waA: f2(sa.wa),
    waB: f2(sb.wa),
  };
}

// Issue 12's evidence: methods under several normalisation protocols, summarised per protocol (mean +- sd over seeds,
// the test against no augmentation with the same classifier and protocol, a plain verdict). Used by
// `adan reproduce emodb` (the "beyond the paper" table) and bench/beyond-paper.ts.
import { mainComparison, pEquals } from '../eval/format.js';
import { mean, std } from '../eval/metrics.js';
import type { EvaluationResults } from '../eval/protocol.js';
import { methodKey, verdictOf, type ResolvedAugmenter, type Verdict } from '../eval/results.js';
import type { Normalisation } from '../eval/speaker-norm.js';

/** The three honest protocols the evidence compares (per training fold, 20-utterance enrolment, transductive speaker). */
export const BEYOND_PROTOCOLS: readonly Normalisation[] = ['per-fold', 'speaker-enrol:20', 'speaker'];

/** One method under one protocol. WA / UAR: pooled over folds, mean (and sample sd) over seeds. */
export interface ProtocolRow {
  protocol: string;
  method: string;
  augment: string;
  resolvedAs?: ResolvedAugmenter;
  classifier: string;
  trainOn: string;
  seeds: number;
  wa: number;
  waSd: number;
  uar: number;
  uarSd: number;
  /** Against no augmentation with the same classifier and protocol (absent for `none` itself). */
  vsNone?: { test: string; p: number; diffWa: number; diffUar: number; verdict: Verdict };
  /** Summed augmentation + classifier time over folds and seeds. */
  seconds: number;
}

const sd = (v: number[]): number => (v.length > 1 ? std(v) : 0);

/** The rows of one protocol's results (its protocol from the results, else its config). */
export function protocolRows(res: EvaluationResults): ProtocolRow[] {
  const protocol = String(res.protocol ?? res.config.normalisation ?? 'per-fold');
  return res.results.map((r) => {
    const c = r.augment === 'none' ? undefined : mainComparison(res, r);
    return {
      protocol,
      method: methodKey(r),
      augment: r.augment,
      ...(r.resolvedAs ? { resolvedAs: r.resolvedAs } : {}),
      classifier: r.classifier,
      trainOn: r.trainOn,
      seeds: r.waRepeats.length,
      wa: mean(r.waRepeats),
      waSd: sd(r.waRepeats),
      uar: mean(r.uarRepeats),
      uarSd: sd(r.uarRepeats),
      ...(c ? { vsNone: { test: c.test, p: c.p, diffWa: c.diffWa, diffUar: c.diffUar, verdict: verdictOf(c.diffWa, c.p) } } : {}),
      seconds: r.seconds,
    };
  });
}

const f2 = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '-');
const signed = (v: number): string => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;

function pad(rows: string[][]): string {
  const w = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) => r.map((c, j) => (j <= 1 ? c.padEnd(w[j]) : c.padStart(w[j]))).join('  ')).join('\n');
}

/** "recommended (= recolour) + SVM" */
export function methodLabel(r: Pick<ProtocolRow, 'augment' | 'resolvedAs' | 'classifier'>): string {
  return `${r.augment}${r.resolvedAs ? ` (= ${r.resolvedAs.augment})` : ''} + ${r.classifier.toUpperCase()}`;
}

/** One plain line per protocol: each augmented method better / worse / no different from none, with its p. */
export function protocolVerdictLine(rows: readonly ProtocolRow[]): string {
  const parts = rows
    .filter((r) => r.vsNone)
    .map((r) => {
      const v = r.vsNone!;
      const word = v.verdict === 'no difference' ? 'no difference from none' : `${v.verdict.toUpperCase()} than none`;
      return `${methodLabel(r)} ${word} (WA ${signed(v.diffWa)}, UAR ${signed(v.diffUar)}; ${v.test} ${pEquals(v.p)})`;
    });
  return `${rows[0]?.protocol ?? '?'}: ${parts.length ? parts.join('; ') : 'no augmented method to compare'}.`;
}

/** The table of rows (each naming its protocol) and a verdict line per protocol. */
export function formatProtocolTable(rows: readonly ProtocolRow[]): string {
  const head = ['protocol', 'method', 'train on', 'seeds', 'WA', 'WA sd', 'UAR', 'UAR sd', 'dWA vs none', 'p vs none'];
  const body = rows.map((r) => [
    r.protocol,
    methodLabel(r),
    r.trainOn,
    String(r.seeds),
    f2(r.wa),
    f2(r.waSd),
    f2(r.uar),
    f2(r.uarSd),
    r.vsNone ? signed(r.vsNone.diffWa) : '',
    r.vsNone ? `${pEquals(r.vsNone.p).replace(/^p = /, '').replace(/^p < /, '<')} (${r.vsNone.test === 'McNemar' ? 'McN' : 't'})` : '',
  ]);
  const protocols = [...new Set(rows.map((r) => r.protocol))];
  return [pad([head, ...body]), '', ...protocols.map((p) => protocolVerdictLine(rows.filter((r) => r.protocol === p)))].join('\n');
}

// Issue 12's evidence: methods under several normalisation protocols, summarised per protocol (mean +- sd over seeds,
// the test against no augmentation with the same classifier and protocol, a plain verdict). Used by
// `adan reproduce emodb` (the "beyond the paper" table) and bench/beyond-paper.ts.
import { pEquals } from '../eval/format.js';
import type { EvaluationResults } from '../eval/protocol.js';
import { methodLabel, protocolVerdictLine, signed, type ProtocolRow } from '../eval/protocol-rows.js';
import { compare, methodKey } from '../eval/results.js';
import type { Normalisation } from '../eval/speaker-norm.js';

export { protocolRows, type ProtocolRow } from '../eval/protocol-rows.js';

/** The three honest protocols the evidence compares (per training fold, 20-utterance enrolment, transductive speaker). */
export const BEYOND_PROTOCOLS: readonly Normalisation[] = ['per-fold', 'speaker-enrol:20', 'speaker'];

const f2 = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '-');

function pad(rows: string[][]): string {
  const w = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) => r.map((c, j) => (j <= 1 ? c.padEnd(w[j]) : c.padStart(w[j]))).join('  ')).join('\n');
}

/** The table of rows (each naming its protocol) and a verdict line per protocol. */
export function formatProtocolTable(rows: readonly ProtocolRow[]): string {
  const head = ['protocol', 'method', 'train on', 'seeds', 'WA', 'WA sd', 'UAR', 'UAR sd', 'vs', 'dWA', 'p'];
  const body = rows.map((r) => [
    r.protocol,
    methodLabel(r),
    r.trainOn,
    String(r.seeds),
    f2(r.wa),
    f2(r.waSd),
    f2(r.uar),
    f2(r.uarSd),
    r.vsNone?.against ?? '',
    r.vsNone ? signed(r.vsNone.diffWa) : '',
    r.vsNone ? `${pEquals(r.vsNone.p).replace(/^p = /, '').replace(/^p < /, '<')} (${r.vsNone.test === 'McNemar' ? 'McN' : 't'})` : '',
  ]);
  const protocols = [...new Set(rows.map((r) => r.protocol))];
  return [pad([head, ...body]), '', ...protocols.map((p) => protocolVerdictLine(rows.filter((r) => r.protocol === p)))].join('\n');
}

/** What a tuned SVM is tested against: the same protocol's none + SVM with the fixed settings (the authors' C and gamma). */
export const FIXED_SVM_SETTINGS = 'fixed SVM settings';

/**
 * The tuned run (`svmSearch`) with its rows tested against the same methods of the fixed-settings run (same seeds,
 * folds and protocol): paired t-test over seeds, McNemar for one seed. The tests land in `comparisons`, and
 * `comparedWith` says what they are against.
 */
export function againstFixedSettings(tuned: EvaluationResults, fixed: EvaluationResults): EvaluationResults {
  const comparisons = tuned.results.flatMap((t) => {
    const f = fixed.results.find((r) => methodKey(r) === methodKey(t));
    if (!f) throw new Error(`fixed-settings run has no ${methodKey(t)} to test the tuned one against`);
    return compare(f, t);
  });
  return { ...tuned, comparisons, comparedWith: FIXED_SVM_SETTINGS };
}

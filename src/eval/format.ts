import type { EvaluationResults } from './protocol.js';
import { augmentLabel, methodKey, type Comparison, type MethodResult } from './results.js';
import { innerChoiceLines } from './inner-choices.js';
import { innerCheckLine } from './inner-search.js';

const f2 = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '-');

function pad(rows: string[][]): string {
  const w = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) => r.map((c, j) => (j === 0 ? c.padEnd(w[j]) : c.padStart(w[j]))).join('  ')).join('\n');
}

function pText(p: number): string {
  return !Number.isFinite(p) ? 'n/a' : p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** "p = 0.038" or "p < 0.001". */
export function pEquals(p: number): string {
  return Number.isFinite(p) && p < 0.001 ? 'p < 0.001' : `p = ${pText(p)}`;
}

/** The comparison to quote for a method: the t-test over repeats when there is one, else McNemar. */
export function mainComparison(results: EvaluationResults, r: MethodResult): Comparison | undefined {
  const cs = results.comparisons.filter((c) => c.b === methodKey(r));
  return cs.find((c) => c.test === 'paired t-test over repeats') ?? cs.find((c) => c.test === 'McNemar');
}

/** What a `--quick` smoke run says instead of verdicts: its settings are too small for any conclusion. */
export const SMOKE_RUN_NOTE = 'SMOKE RUN (--quick): tiny settings, one repeat; no verdicts are drawn from these numbers.';

/** A `reproduce --quick` result (marked in its config). */
export function isSmokeRun(results: EvaluationResults): boolean {
  return results.config.quick === true;
}

/** One plain sentence per augmented method (none for a smoke run): did it beat no augmentation (same classifier), significantly? */
export function verdicts(results: EvaluationResults, alpha = 0.05): string[] {
  if (isSmokeRun(results)) return [SMOKE_RUN_NOTE];
  const out: string[] = [];
  for (const r of results.results) {
    if (r.augment === 'none') continue;
    const c = mainComparison(results, r);
    if (!c) continue;
    const what = `${augmentLabel(r)} + ${r.classifier.toUpperCase()} (${r.trainOn})`;
    const stat =
      `WA ${c.diffWa >= 0 ? '+' : ''}${c.diffWa.toFixed(2)}, UAR ` +
      `${c.diffUar >= 0 ? '+' : ''}${c.diffUar.toFixed(2)} points; ${c.test} ${pEquals(c.p)}`;
    if (c.diffWa > 0 && c.p < alpha) out.push(`${what} improved over no augmentation (${stat}).`);
    else if (c.diffWa < 0 && c.p < alpha) out.push(`${what} was WORSE than no augmentation (${stat}).`);
    else if (c.diffWa > 0) out.push(`${what} did not significantly improve over no augmentation (${stat}).`);
    else out.push(`${what} did not improve over no augmentation (${stat}).`);
  }
  return out;
}

/** " (speaker statistics em, enrolment estimator shrunk)" under the speaker modes ("neutral class ..." under speaker-neutral), else "". */
function speakerSettings(results: EvaluationResults): string {
  const c = results.config;
  if (c.speakerStats === undefined && c.neutralLabel === undefined) return '';
  // speaker-neutral:K has no --speaker-stats: its statistics are those of the named neutral class.
  const stats = c.neutralLabel !== undefined ? `neutral class '${String(c.neutralLabel)}'` : `speaker statistics ${String(c.speakerStats)}`;
  const enrol = c.enrolEstimator !== undefined ? `, enrolment estimator ${String(c.enrolEstimator)}` : '';
  const fallback = c.speakerFallback === true ? ', per-fold in the folds where the inner check found it no better' : '';
  return ` (${stats}${enrol}${fallback})`;
}

/** The readable results table printed by `adan evaluate` and `adan merge`. */
export function formatResults(results: EvaluationResults): string {
  const reps = Number(results.config.repeats ?? 1);
  const head = [
    'method',
    'train on',
    'WA',
    'UAR',
    'WA folds (mean+-std)',
    'UAR folds',
    ...(reps > 1 ? ['WA repeats (std)'] : []),
    'p vs none',
    'seconds',
  ];
  const rows = [head];
  for (const r of results.results) {
    const c = mainComparison(results, r);
    const sd = r.waRepeats.length > 1 ? Math.sqrt(r.waRepeats.reduce((s, v) => s + (v - r.wa) ** 2, 0) / (r.waRepeats.length - 1)) : 0;
    rows.push([
      `${augmentLabel(r)} + ${r.classifier}`,
      r.trainOn,
      f2(r.wa),
      f2(r.uar),
      `${f2(r.waMean)} +- ${f2(r.waStd)}`,
      `${f2(r.uarMean)} +- ${f2(r.uarStd)}`,
      ...(reps > 1 ? [`${r.waRepeats.length} (${f2(sd)})`] : []),
      c ? `${pText(c.p)}${c.test === 'McNemar' ? ' (McN)' : ' (t)'}` : '',
      r.seconds.toFixed(1),
    ]);
  }
  const speakerCount = results.dataset.speakers ? `, ${results.dataset.speakers} speakers` : '';
  const lines = [
    ...(isSmokeRun(results) ? [SMOKE_RUN_NOTE] : []),
    `${results.dataset.name}: ${results.dataset.rows} rows, ${results.dataset.features} features, ` +
      `${results.dataset.classes.length} classes, leave-one-${String(results.config.groupCol ?? 'group')}-out ` +
      `(${results.dataset.groups.length} folds${speakerCount}), ` +
      `normalisation ${String(results.config.normalisation)}${speakerSettings(results)}`,
    'WA/UAR in percent on predictions pooled over folds (mean over repeats); fold statistics from the first repeat.',
    '',
    pad(rows),
  ];
  if (results.partial)
    lines.push(
      '',
      `PARTIAL result: ${results.partial.pieces.length} piece(s) (repeat/fold): ` +
        results.partial.pieces.map((p) => `${p.repeat}/${p.fold}`).join(' '),
    );
  const v = verdicts(results);
  if (v.length) lines.push('', ...v);
  if (results.innerCheck) lines.push('', innerCheckLine(results.innerCheck));
  for (const line of innerChoiceLines(results)) lines.push('', line);
  for (const w of results.warnings) lines.push('', `WARNING: ${w}`);
  return lines.join('\n');
}

/** The paper's numbers side by side with ours (matched by method). */
export function formatPaperComparison(
  results: EvaluationResults,
  rows: readonly {
    table: string;
    setting: string;
    wa: number | null;
    uar: number | null;
    matches: { augment: string; classifier: string; trainOn: string };
  }[],
  extra: string[] = [],
): string {
  const out: string[][] = [['table', 'setting', 'paper WA', 'paper UAR', 'ours WA', 'ours UAR', 'ours WA folds']];
  for (const p of rows) {
    const r = results.results.find((x) => methodKey(x) === methodKey(p.matches));
    const reps =
      r && r.waRepeats.length > 1
        ? ` (${r.waRepeats.length} seeds, sd ` +
          `${Math.sqrt(r.waRepeats.reduce((s, v) => s + (v - r.wa) ** 2, 0) / (r.waRepeats.length - 1)).toFixed(2)})`
        : '';
    out.push([
      p.table,
      p.setting,
      p.wa === null ? '-' : p.wa.toFixed(2),
      p.uar === null ? '-' : p.uar.toFixed(2),
      r ? f2(r.wa) + reps : 'not run',
      r ? f2(r.uar) : '',
      r ? `${f2(r.waMean)} +- ${f2(r.waStd)}` : '',
    ]);
  }
  for (const e of extra) out.push(e.split('\t'));
  return pad(out);
}

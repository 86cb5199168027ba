// Compares one method of two `adan evaluate --json` results measured with the same seeds and folds (e.g. fixed SVM
// settings against `--svm-c auto --svm-gamma search`): the difference in WA/UAR and the paired t-test over repeats
// (McNemar on pooled predictions for one repeat), with the code the protocol uses (src/eval/results.ts compare).
// When the two score different rows (an enrolment mode leaves its enrolment unscored), also `onCommonRows`: the same
// comparison on the rows both scored, seed by seed (bench/emodb-speaker-runs.ts commonRowsComparison).
// Usage: npx tsx bench/compare-results.ts A.json B.json [method=none/svm/real]
import { readFileSync } from 'node:fs';
import type { EvaluationResults } from '../src/eval/protocol.js';
import { compare, methodKey, type MethodResult } from '../src/eval/results.js';
import { commonRowsComparison } from './emodb-speaker-runs.js';
import { mean, std } from '../src/eval/metrics.js';
import { UserError } from '../src/util/errors.js';

const [fileA, fileB, method = 'none/svm/real'] = process.argv.slice(2);
if (!fileA || !fileB) throw new UserError('usage: compare-results A.json B.json [augment/classifier/trainOn]');

function methodOf(file: string) {
  const res = JSON.parse(readFileSync(file, 'utf8')) as EvaluationResults;
  const r = res.results.find((m) => methodKey(m) === method);
  if (!r) throw new UserError(`${file}: no method '${method}' (has ${res.results.map(methodKey).join(', ')})`);
  return { file, protocol: res.protocol ?? res.config.normalisation, config: res.config, result: r, doc: { ...res, results: [r] } };
}

const a = methodOf(fileA);
const b = methodOf(fileB);
const summary = (m: ReturnType<typeof methodOf>) => ({
  file: m.file,
  protocol: m.protocol,
  wa: Number(mean(m.result.waRepeats).toFixed(2)),
  waSd: Number((m.result.waRepeats.length > 1 ? std(m.result.waRepeats) : 0).toFixed(2)),
  uar: Number(mean(m.result.uarRepeats).toFixed(2)),
  repeats: m.result.waRepeats.length,
});
const tests = compare(a.result, b.result).map((c) => ({
  test: c.test,
  diffWa: Number(c.diffWa.toFixed(2)),
  diffUar: Number(c.diffUar.toFixed(2)),
  p: Number(c.p.toPrecision(3)),
}));
const scored = (r: MethodResult): string => JSON.stringify(r.predictions.map((p) => [p.repeat, p.rows]));
const onCommonRows = scored(a.result) !== scored(b.result) ? { onCommonRows: commonRowsComparison(fileA, a.doc, fileB, b.doc) } : {};
console.log(JSON.stringify({ bench: 'compare-results', method, a: summary(a), b: summary(b), tests, ...onCommonRows }, null, 1));

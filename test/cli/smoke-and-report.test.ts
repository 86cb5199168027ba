import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatResults, verdicts } from '../../src/eval/format.js';
import type { EvaluationResults } from '../../src/eval/protocol.js';
import { comparisonFigure } from '../../src/report/index.js';
import { runCli, smallTableCsv, tempDir } from './harness.js';

const dir = tempDir('smoke');
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

async function evaluated(): Promise<{ file: string; results: EvaluationResults }> {
  const table = join(dir, 't.csv');
  writeFileSync(table, smallTableCsv());
  const file = join(dir, 'results.json');
  const r = await runCli(['evaluate', '--table', table, '--augment', 'none,noise', '--times', '1', '--json', file, '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  return { file, results: JSON.parse(readFileSync(file, 'utf8')) as EvaluationResults };
}

test('a --quick smoke run is marked in the text and the report and draws no verdicts', async () => {
  const { file, results } = await evaluated();
  assert.ok(
    verdicts(results).some((v) => /improve/.test(v)),
    'a normal run has verdicts',
  );
  const smoke: EvaluationResults = { ...results, config: { ...results.config, quick: true } };
  assert.deepEqual(
    verdicts(smoke).filter((v) => /improve|WORSE/.test(v)),
    [],
  );
  assert.match(formatResults(smoke), /^SMOKE RUN \(--quick\)/);
  writeFileSync(file, JSON.stringify(smoke));
  const html = join(dir, 'report.html');
  const r = await runCli(['report', file, '-o', html, '--static', '--no-quality']);
  assert.equal(r.code, 0, r.stderr);
  const text = readFileSync(html, 'utf8');
  assert.match(text, /SMOKE RUN \(--quick\)/);
  assert.doesNotMatch(text, /improved over no augmentation/);
});

test('the report configuration table wraps long values instead of running off the page', async () => {
  const { file } = await evaluated();
  const html = join(dir, 'report2.html');
  assert.equal((await runCli(['report', file, '-o', html, '--static', '--no-quality'])).code, 0);
  const text = readFileSync(html, 'utf8');
  assert.match(text, /table\.config\{table-layout:fixed;width:min\(100%,760px\)\}/);
  assert.match(text, /table\.config td\{overflow-wrap:anywhere/);
});

test('the method bar chart axis starts at 0', () => {
  const fig = comparisonFigure([{ method: 'none + svm', wa: 80, uar: 78, waRepeats: [80], uarRepeats: [78] }], 'x');
  const spec = JSON.stringify(fig.spec);
  assert.match(spec, /"domain":\[0,/);
  assert.match(spec, /"x2":\{"datum":0\}/);
});

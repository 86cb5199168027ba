import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as cli } from '../cli/harness.js';
import { sharedDir } from '../../src/util/paths.js';
import type { EvaluationResults } from '../../src/eval/protocol.js';

const IS11 = join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS11.csv');

function read(p: string): EvaluationResults {
  return JSON.parse(readFileSync(p, 'utf8')) as EvaluationResults;
}

const strip = (r: EvaluationResults) =>
  r.results.map((m) => ({ ...m, seconds: 0, predictions: m.predictions.map((p) => ({ ...p, seconds: 0 })) }));

test('adan evaluate on a 3-speaker EmoDB subset; --fold/--repeat pieces merged by adan merge equal the full run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-cli-eval-'));
  try {
    const common = [
      'evaluate',
      '--table',
      IS11,
      '--emodb-names',
      '--where',
      'speaker=03',
      '--where',
      'speaker=08',
      '--where',
      'speaker=09',
      '--augment',
      'none,noise,smote',
      '--classifier',
      'svm',
      '--times',
      '1',
      '--repeats',
      '2',
      '--seed',
      '3',
    ];
    const full = await cli([...common, '--json', join(dir, 'full.json')]);
    assert.equal(full.code, 0, full.stderr);
    assert.match(full.stdout, /none \+ svm\s+real/);
    assert.match(full.stdout, /(improved|did not (significantly )?improve|WORSE)/);
    const r = read(join(dir, 'full.json'));
    assert.equal(r.dataset.rows, 49 + 58 + 43);
    assert.deepEqual(r.dataset.groups, ['03', '08', '09']);
    assert.equal(r.config.normalisation, 'per-fold');
    assert.equal(r.results.length, 3);
    assert.ok(r.comparisons.some((c) => c.test === 'paired t-test over repeats'));
    const parts: string[] = [];
    for (let rep = 0; rep < 2; rep++) {
      for (let f = 0; f < 3; f++) {
        const p = join(dir, `part-${rep}-${f}.json`);
        const res = await cli([...common, '--fold', String(f), '--repeat', String(rep), '--json', p, '--quiet']);
        assert.equal(res.code, 0, res.stderr);
        parts.push(p);
      }
    }
    assert.ok(read(parts[0]).partial);
    const m = await cli(['merge', ...parts, '-o', join(dir, 'merged.json'), '--quiet']);
    assert.equal(m.code, 0, m.stderr);
    const merged = read(join(dir, 'merged.json'));
    assert.equal(merged.partial, undefined);
    assert.deepEqual(strip(merged), strip(r));
    const inc = await cli(['merge', ...parts.slice(1), '-o', join(dir, 'inc.json'), '--quiet']);
    assert.equal(inc.code, 0);
    assert.match(inc.stderr, /incomplete/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('adan evaluate: bad input gives one-line errors; corpus-leaky is flagged in output and JSON', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-cli-eval-'));
  try {
    const bad = await cli(['evaluate', '--table', IS11, '--emodb-names', '--augment', 'none,cutmix']);
    assert.equal(bad.code, 1);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
    assert.match(bad.stderr, /--augment: unknown value 'cutmix'/);
    const col = await cli(['evaluate', '--table', IS11, '--emodb-names', '--group-col', 'session']);
    assert.equal(col.code, 1);
    assert.match(col.stderr, /no column 'session'/);
    const calm = await cli([
      'evaluate',
      '--table',
      IS11,
      '--emodb-names',
      '--normalisation',
      'speaker-neutral:4',
      '--neutral-label',
      'calm',
    ]);
    assert.equal(calm.code, 1);
    assert.equal(calm.stderr.trim().split('\n').length, 1, calm.stderr);
    assert.match(calm.stderr, /speaker-neutral:4: no class 'calm' to enrol with \(classes: .*\); name it with --neutral-label/);
    const stray = await cli(['evaluate', '--table', IS11, '--emodb-names', '--neutral-label', 'neutral']);
    assert.equal(stray.code, 1);
    assert.match(stray.stderr, /--neutral-label applies to --normalisation speaker-neutral:K only/);
    const missing = await cli(['evaluate', '--table', join(dir, 'nope.csv')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.csv: no such file/);
    const leaky = await cli([
      'evaluate',
      '--table',
      IS11,
      '--emodb-names',
      '--where',
      'speaker=03',
      '--where',
      'speaker=10',
      '--normalisation',
      'corpus-leaky',
      '--json',
      join(dir, 'l.json'),
    ]);
    assert.equal(leaky.code, 0, leaky.stderr);
    assert.match(leaky.stdout, /WARNING: normalisation corpus-leaky/);
    assert.equal(read(join(dir, 'l.json')).config.normalisation, 'corpus-leaky');
    assert.ok(!existsSync(join(dir, 'nope.csv')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('adan evaluate with folds of several speakers: a speaker mode says to add --speaker-col, which normalises each speaker', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-cli-speaker-col-'));
  try {
    // Leave-one-gender-out over four EmoDB speakers: each fold holds two speakers.
    const speakers = ['03', '08', '09', '10'].flatMap((s) => ['--where', `speaker=${s}`]);
    const common = ['evaluate', '--table', IS11, '--emodb-names', ...speakers, '--group-col', 'gender', '--classifier', 'svm'];
    const run = ['--normalisation', 'speaker', '--no-inner-check', '--quiet'];
    const byGroup = await cli([...common, ...run, '--json', join(dir, 'group.json')]);
    assert.equal(byGroup.code, 0, byGroup.stderr);
    const hint = /^column 'speaker' names 10 speakers in 2 groups of 'gender': .* add --speaker-col speaker/;
    assert.ok(read(join(dir, 'group.json')).warnings.some((w) => hint.test(w)));
    const bySpeaker = await cli([...common, ...run, '--speaker-col', 'speaker', '--json', join(dir, 'speaker.json')]);
    assert.equal(bySpeaker.code, 0, bySpeaker.stderr);
    const r = read(join(dir, 'speaker.json'));
    assert.ok(!r.warnings.some((w) => hint.test(w)), r.warnings.join('\n'));
    assert.deepEqual(r.dataset.groups, ['female', 'male']);
    assert.equal(r.dataset.speakers, 4);
    assert.equal(r.config.speakerCol, 'speaker');
    // The report says so beside the results.
    const report = await cli(['report', join(dir, 'speaker.json'), '-o', join(dir, 'r.html'), '--static']);
    assert.equal(report.code, 0, report.stderr);
    assert.match(readFileSync(join(dir, 'r.html'), 'utf8'), /<p class="meta speakers">2 folds holding 4 speakers \(column 'speaker'\): /);
    // Two groups leave one per training fold: no inner leave-one-group-out. The default inner check is skipped and
    // says so; a search asked for is a one-line error naming it.
    const noInner = await cli([
      ...common,
      '--normalisation',
      'speaker',
      '--speaker-col',
      'speaker',
      '--quiet',
      '--json',
      join(dir, 'c.json'),
    ]);
    assert.equal(noInner.code, 0, noInner.stderr);
    assert.ok(
      read(join(dir, 'c.json')).warnings.some((w) => /^the inner check .* needs at least 3 groups; with 2 it was skipped$/.test(w)),
    );
    const search = await cli([...common, '--svm-c', 'auto', '--quiet']);
    assert.equal(search.code, 1, search.stderr);
    assert.match(search.stderr, /^adan: --svm-c auto \/ --svm-gamma search: .* needs at least 3 groups \(found 2: female, male\)\n$/);
    // Per-fold normalisation has no speaker step, so no hint either.
    const perFold = await cli([...common, '--quiet', '--json', join(dir, 'per-fold.json')]);
    assert.equal(perFold.code, 0, perFold.stderr);
    assert.ok(!read(join(dir, 'per-fold.json')).warnings.some((w) => hint.test(w)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

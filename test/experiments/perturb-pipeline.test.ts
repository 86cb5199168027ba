import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { EvaluationResults } from '../../src/eval/protocol.js';
import { writeTone } from '../data/corpora-fixture.js';
import { isOneLineError, snapshot } from '../cli/harness.js';
import { cli } from './cli-helper.js';

/** 3 speakers x 2 classes x 2 files of 0.5 s (the class sets the pitch), as a manifest. */
function writeCorpus(d: string): string {
  const lines = ['path,label,speaker'];
  let seed = 1;
  for (const spk of ['s1', 's2', 's3']) {
    for (const [label, pitch] of [
      ['angry', 250],
      ['sad', 120],
    ] as const) {
      for (const k of [1, 2]) {
        const rel = `wav/${spk}-${label}${k}.wav`;
        writeTone(join(d, rel), { pitch: pitch + 9 * k + (spk === 's2' ? 15 : 0), seed: seed++ });
        lines.push(`${rel},${label},${spk}`);
      }
    }
  }
  writeFileSync(join(d, 'manifest.csv'), lines.join('\n') + '\n');
  return join(d, 'manifest.csv');
}

test(
  'evaluate --augment perturb on a generated corpus: re-extracts ' +
    'perturbed audio once, a rerun (another protocol too) extracts nothing',
  async () => {
    const d = mkdtempSync(join(tmpdir(), 'adan-perturb-e2e-'));
    try {
      const feats = join(d, 'features.csv');
      const ex = await cli(['extract', '--manifest', writeCorpus(d), '--set', 'IS09', '-o', feats, '--jobs', '1']);
      assert.equal(ex.code, 0, ex.stderr);
      const cache = join(d, 'cache');
      // Table ids are manifest paths without extension (wav/s1-angry1), so the audio folder is the manifest's.
      const args = ['evaluate', '--table', feats, '--augment', 'none,perturb', '--times', '1', '--perturb', 'speed:1.1,noise-white:20'];
      const more = ['--audio-dir', d, '--perturb-cache', cache, '--quiet'];
      const json = join(d, 'r.json');
      const first = await cli([...args, ...more, '--json', json]);
      assert.equal(first.code, 0, first.stderr);
      const r = JSON.parse(readFileSync(json, 'utf8')) as EvaluationResults;
      const perturbed = r.results.find((m) => m.augment === 'perturb')!;
      assert.ok(perturbed && Number.isFinite(perturbed.wa));
      assert.deepEqual((r.config.perturb as { perturbations: string[] }).perturbations, ['speed:1.1', 'noise-white:20']);
      const entries = [...snapshot(cache).keys()];
      // Each training row got one perturbed copy per fold; each (file, perturbation) is extracted at most once.
      assert.ok(entries.length >= 12 && entries.length <= 24, `${entries.length} cache entries`);
      const before = snapshot(cache);
      // Same seed, other protocol: the same (file, perturbation) draws, all read from the cache (nothing written).
      const again = await cli([...args, ...more, '--normalisation', 'speaker']);
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual(snapshot(cache), before);
      const none = await cli([...args, '--perturb-cache', cache, '--quiet']);
      assert.ok(isOneLineError(none) && /--augment perturb needs --audio-dir/.test(none.stderr), none.stderr);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  },
);

test('adan run --augment perturb: each row perturbs its own corpus file (no --audio-dir); --perturb, --perturb-cache apply', async () => {
  const d = mkdtempSync(join(tmpdir(), 'adan-perturb-run-'));
  try {
    const manifest = writeCorpus(d);
    const cache = join(d, 'cache');
    const out = join(d, 'run');
    const r = await cli([
      ...['run', 'manifest', manifest, '-o', out, '--set', 'IS09', '--jobs', '1', '--no-report', '--json'],
      ...['--augment', 'none,perturb', '--classifier', 'svm', '--times', '1', '--perturb', 'speed:1.1', '--perturb-cache', cache],
    ]);
    assert.equal(r.code, 0, r.stderr);
    const res = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as EvaluationResults;
    const perturbed = res.results.find((m) => m.augment === 'perturb' && m.classifier === 'svm');
    assert.ok(perturbed && Number.isFinite(perturbed.wa) && Number.isFinite(perturbed.uar), JSON.stringify(res.results));
    assert.deepEqual(res.config.perturb, { perturbations: ['speed:1.1'], cacheDir: cache });
    // Each file is a training row of 2 of the 3 folds and gets the one perturbation: one cache entry per corpus file,
    // named by the sha256 of that file's bytes (so the rows were perturbed from their own audio).
    const wavs = readFileSync(manifest, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => join(d, l.split(',')[0]));
    const hashes = wavs.map((w) => `${createHash('sha256').update(readFileSync(w)).digest('hex')}.f32`).sort();
    assert.deepEqual([...snapshot(cache).keys()].map((k) => basename(k)).sort(), hashes);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('adan run --augment auto: perturb is a default candidate (the corpus files are the audio) and its choice is recorded', async () => {
  const d = mkdtempSync(join(tmpdir(), 'adan-perturb-auto-'));
  try {
    const out = join(d, 'run');
    const r = await cli([
      ...['run', 'manifest', writeCorpus(d), '-o', out, '--set', 'IS09', '--jobs', '1', '--no-report', '--json'],
      ...['--augment', 'auto', '--classifier', 'svm', '--times', '1', '--perturb', 'speed:1.1', '--perturb-cache', join(d, 'cache')],
    ]);
    assert.equal(r.code, 0, r.stderr);
    const res = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as EvaluationResults;
    assert.ok((res.config.autoCandidates as string[] | undefined)?.includes('perturb'), JSON.stringify(res.config.autoCandidates));
    assert.deepEqual(res.config.perturb, { perturbations: ['speed:1.1'], cacheDir: join(d, 'cache') });
    // Every fold scored perturb inside its training speakers, so each training file's perturbation is in the cache.
    assert.equal(snapshot(join(d, 'cache')).size, 12);
    assert.equal(res.results.filter((m) => m.augment === 'auto').length, 1);
    // 3 speakers: an inner fold has one training speaker, so recolour and mixup are named as skipped, not a failure.
    const search = (res as { augmentSearch?: { skipped?: { augment: string }[] }[] }).augmentSearch ?? [];
    assert.equal(search.length, 3);
    for (const s of search)
      assert.deepEqual(
        s.skipped?.map((k) => k.augment),
        ['recolour', 'mixup'],
      );
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

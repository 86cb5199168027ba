import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFeatureTable } from '../../src/data/load-table.js';
import type { EvaluationResults } from '../../src/eval/protocol.js';
import { writeTone } from '../data/corpora-fixture.js';
import { cli } from './cli-helper.js';

/** 3 speakers x 2 classes x 2 files of 0.5 s; the class sets the pitch, so features separate the classes. */
function writeManifestCorpus(d: string): string {
  const lines = ['path,label,speaker,session,gender,split'];
  let seed = 1;
  for (const spk of ['s1', 's2', 's3']) {
    for (const [label, pitch] of [
      ['angry', 260],
      ['sad', 110],
    ] as const) {
      for (const k of [1, 2]) {
        const rel = `wav/${spk}/${label}${k}.wav`;
        writeTone(join(d, rel), { pitch: pitch + 7 * k, seed: seed++ });
        lines.push(`${rel},${label},${spk},${spk === 's3' ? 2 : 1},${spk === 's2' ? 'male' : 'female'},${spk === 's3' ? 'test' : 'train'}`);
      }
    }
  }
  const m = join(d, 'manifest.csv');
  writeFileSync(m, lines.join('\n') + '\n');
  return m;
}

test('manifest end to end: extract --manifest keeps its columns as metadata -> evaluate on the table -> report', async () => {
  const d = mkdtempSync(join(tmpdir(), 'adan-manifest-e2e-'));
  try {
    const m = writeManifestCorpus(d);
    const feats = join(d, 'features.csv');
    const ex = await cli(['extract', '--manifest', m, '--set', 'IS09', '-o', feats, '--jobs', '1']);
    assert.equal(ex.code, 0, ex.stderr);
    assert.match(ex.stdout, /extracted 12\/12 files/);
    const header = readFileSync(feats, 'utf8').split('\n')[0].split(';');
    assert.deepEqual(header.slice(0, 2), ['name', 'frameTime']);
    assert.deepEqual(header.slice(-6), ['path', 'label', 'speaker', 'session', 'gender', 'split']);
    // session looks numeric but is metadata by name (recorded beside the table), never a feature
    const t = loadFeatureTable(feats);
    assert.equal(t.featureNames.length, 384);
    assert.deepEqual(t.meta.session.slice(0, 1), ['1']);
    assert.equal(t.ids[0], 'wav/s1/angry1');
    const json = join(d, 'results.json');
    const ev = await cli([
      'evaluate',
      '--table',
      feats,
      '--label-col',
      'label',
      '--group-col',
      'speaker',
      '--classifier',
      'svm',
      '--json',
      json,
      '--quiet',
    ]);
    assert.equal(ev.code, 0, ev.stderr);
    const r = JSON.parse(readFileSync(json, 'utf8')) as EvaluationResults;
    assert.equal(r.dataset.rows, 12);
    assert.equal(r.dataset.features, 384);
    assert.deepEqual(r.dataset.groups, ['s1', 's2', 's3']);
    assert.deepEqual(r.dataset.classes, ['angry', 'sad']);
    // the two classes differ by an octave in pitch: the SVM separates every held-out speaker's files
    assert.equal(r.results[0].wa, 100, `WA ${r.results[0].wa}`);
    const bySession = await cli(['evaluate', '--table', feats, '--group-col', 'session', '--quiet', '--json', join(d, 's.json')]);
    assert.equal(bySession.code, 0, bySession.stderr);
    const html = join(d, 'report.html');
    const rep = await cli(['report', json, '-o', html, '--static']);
    assert.equal(rep.code, 0, rep.stderr);
    assert.ok(readFileSync(html, 'utf8').includes('svm'));
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test(
  'extract --manifest: a bad manifest is one line and writes nothing; an unreadable ' +
    'file refuses the run, and with --keep-going is named and the rest extracted',
  async () => {
    const d = mkdtempSync(join(tmpdir(), 'adan-manifest-e2e-'));
    try {
      const m = writeManifestCorpus(d);
      const feats = join(d, 'features.csv');
      writeFileSync(feats, 'earlier output\n');
      writeFileSync(join(d, 'bad.csv'), 'path,label,speaker\nwav/s1/angry1.wav,angry,s1\nwav/s1/none.wav,sad,s1\n');
      const bad = await cli(['extract', '--manifest', join(d, 'bad.csv'), '--set', 'IS09', '-o', feats, '--jobs', '1']);
      assert.equal(bad.code, 1);
      assert.equal(bad.stderr.trim().split('\n').length, 1);
      assert.match(bad.stderr, /bad\.csv line 3: missing file 'wav\/s1\/none\.wav'/);
      assert.equal(readFileSync(feats, 'utf8'), 'earlier output\n');
      writeFileSync(join(d, 'wav/s2/sad2.wav'), 'not audio at all');
      const refused = await cli(['extract', '--manifest', m, '--set', 'IS09', '-o', feats, '--jobs', '1']);
      assert.equal(refused.code, 1);
      assert.equal(refused.stderr.trim().split('\n').length, 1);
      assert.match(refused.stderr, /sad2\.wav.*nothing written \(--keep-going/);
      assert.equal(readFileSync(feats, 'utf8'), 'earlier output\n');
      const part = await cli(['extract', '--manifest', m, '--set', 'IS09', '-o', feats, '--jobs', '1', '--keep-going']);
      assert.equal(part.code, 1);
      assert.match(part.stderr, /sad2\.wav/);
      assert.match(part.stdout, /extracted 11\/12 files .*1 failed/);
      assert.equal(loadFeatureTable(feats).ids.length, 11);
      assert.ok(existsSync(`${feats}.meta.json`));
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  },
);

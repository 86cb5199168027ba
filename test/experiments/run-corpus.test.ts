import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvaluationResults } from '../../src/eval/protocol.js';
import { writeTone } from '../data/corpora-fixture.js';
import { cli } from './cli-helper.js';

const results = (dir: string): EvaluationResults => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as EvaluationResults;

/** RAVDESS-named files: actors 01-03, angry (05) and sad (04) twice each, plus one calm (02) per actor. */
function writeRavdess(d: string): void {
  let seed = 1;
  for (const actor of ['01', '02', '03']) {
    for (const [emo, pitch] of [
      ['05', 260],
      ['04', 110],
      ['02', 180],
    ] as const) {
      for (const rep of emo === '02' ? ['01'] : ['01', '02']) {
        writeTone(join(d, `Actor_${actor}`, `03-01-${emo}-01-01-${rep}-${actor}.wav`), {
          pitch: pitch + 5 * Number(rep),
          seed: seed++,
          rate: 48000,
        });
      }
    }
  }
}

test('adan run ravdess: features cached in the run folder, leave-one-actor-out, results, report; rerun uses the cache', async () => {
  const d = mkdtempSync(join(tmpdir(), 'adan-run-'));
  try {
    writeRavdess(join(d, 'ravdess'));
    const out = join(d, 'run');
    const base = ['run', 'ravdess', join(d, 'ravdess'), '-o', out, '--set', 'IS09', '--jobs', '1'];
    const r1 = await cli([...base, '--classes', '4', '--classifier', 'svm']);
    assert.equal(r1.code, 0, r1.stderr);
    assert.match(r1.stderr, /ravdess: 12 utterances, 3 speakers, 2 classes; folds: leave-one-speaker-out \(3\)/);
    assert.match(r1.stderr, /features: IS09 extracted to/);
    assert.match(r1.stdout, /none \+ svm/);
    const res = results(out);
    assert.equal(res.dataset.rows, 12);
    assert.deepEqual(res.dataset.classes, ['angry', 'sad']);
    assert.deepEqual(res.dataset.groups, ['01', '02', '03']);
    assert.equal(res.config.command, 'adan run');
    assert.equal(res.config.classes, '4');
    assert.equal(res.results[0].wa, 100);
    assert.ok(existsSync(join(out, 'features-IS09.csv')));
    assert.ok(readFileSync(join(out, 'report.html'), 'utf8').includes('ravdess'));
    const utts = readFileSync(join(out, 'utterances.csv'), 'utf8').split('\n');
    assert.match(utts[0], /^id;path;label;emotion;speaker;gender;fold;channel;intensity;statement;repetition$/);
    // the cache holds all 15 files (calm included), so another class set reuses it
    const r2 = await cli([...base, '--classes', 'all', '--no-report']);
    assert.equal(r2.code, 0, r2.stderr);
    assert.match(r2.stderr, /features: IS09 from the cache/);
    assert.deepEqual(results(out).dataset.classes, ['angry', 'calm', 'sad']);
    assert.equal(results(out).dataset.rows, 15);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('adan run manifest with speaker groups; bad corpus and bad options are one-line errors', async () => {
  const d = mkdtempSync(join(tmpdir(), 'adan-run-'));
  try {
    const lines = ['path,label,speaker'];
    let seed = 1;
    for (const spk of ['a', 'b', 'c', 'd']) {
      for (const [label, pitch] of [
        ['happy', 240],
        ['neutral', 120],
      ] as const) {
        writeTone(join(d, `${spk}-${label}.wav`), { pitch, seed: seed++ });
        lines.push(`${spk}-${label}.wav,${label},${spk}`);
      }
    }
    writeFileSync(join(d, 'm.csv'), lines.join('\n') + '\n');
    const out = join(d, 'run');
    const r = await cli([
      'run',
      'manifest',
      join(d, 'm.csv'),
      '-o',
      out,
      '--set',
      'IS09',
      '--speaker-folds',
      '2',
      '--no-report',
      '--jobs',
      '1',
      '--json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(results(out).dataset.groups, ['fold1', 'fold2']);
    assert.equal(results(out).dataset.rows, 8);
    // Two speakers per fold: the speaker modes would normalise each speaker (its column named), not each fold.
    assert.equal(results(out).config.speakerCol, 'speaker');
    const errs: [string[], RegExp][] = [
      [['run', 'savee', join(d, 'nope')], /nope: no such folder \(expected SAVEE/],
      [['run', 'savee', d], /no SAVEE files found \(expected folders DC, JE, JK, KL/],
      [['run', 'ravdes', d], /unknown corpus 'ravdes'/],
      [['run', 'manifest', join(d, 'm.csv'), '--classes', '5'], /--classes: expected 4, 6 or all/],
      [['run', 'manifest', join(d, 'm.csv'), '--set', 'IS13'], /--set: unknown feature set 'IS13'/],
      [['run', 'manifest', join(d, 'm.csv'), '--augment', 'cutmix'], /--augment: unknown value 'cutmix'/],
    ];
    for (const [args, re] of errs) {
      const e = await cli([...args, '-o', join(d, 'never')]);
      assert.equal(e.code, 1, args.join(' '));
      assert.equal(e.stderr.trim().split('\n').length, 1, e.stderr);
      assert.match(e.stderr, re);
    }
    assert.equal(existsSync(join(d, 'never')), false);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test(
  'adan run with an unreadable file: the rest is extracted and ' + 'evaluated, the bad file named once at the end; --strict stops',
  async () => {
    const d = mkdtempSync(join(tmpdir(), 'adan-run-'));
    try {
      const corpus = join(d, 'ravdess');
      writeRavdess(corpus);
      const bad = join(corpus, 'Actor_02', '03-01-05-01-01-02-02.wav');
      writeFileSync(bad, Buffer.from('RIFF\x24\x00\x00\x00WAVEjunk', 'latin1')); // a RIFF header and nothing readable
      const out = join(d, 'run');
      const base = ['run', 'ravdess', corpus, '-o', out, '--set', 'IS09', '--jobs', '1', '--classes', '4', '--classifier', 'svm'];
      const r1 = await cli([...base, '--no-report']);
      assert.equal(r1.code, 0, r1.stderr);
      assert.match(r1.stderr, /features: IS09 extracted to .*; 1 of 12 utterances skipped \(unreadable audio, listed at the end\)/);
      const tail = r1.stderr.trim().split('\n').slice(-2);
      assert.equal(tail[0], 'adan: 1 utterance skipped (unreadable audio; not in the evaluation):');
      assert.match(tail[1], /^adan: {3}\S*03-01-05-01-01-02-02\.wav: .+$/);
      const res = results(out);
      assert.equal(res.dataset.rows, 11);
      assert.deepEqual(res.dataset.groups, ['01', '02', '03']);
      assert.deepEqual(res.config.skipped, [tail[1].replace(/^adan: {3}/, '')]);
      // a rerun reuses the cache (the bad file is remembered, not decoded again) and names it again
      const r2 = await cli([...base, '--no-report']);
      assert.equal(r2.code, 0, r2.stderr);
      assert.match(r2.stderr, /features: IS09 from the cache .*; 1 of 12 utterances skipped/);
      assert.deepEqual(r2.stderr.trim().split('\n').slice(-2), tail);
      const j = await cli([...base, '--no-report', '--json']);
      assert.deepEqual((JSON.parse(j.stdout) as { skipped: string[] }).skipped, res.config.skipped);
      // --strict: the first unreadable file is a one-line error
      const r3 = await cli([...base, '--strict']);
      assert.equal(r3.code, 1);
      const lines = r3.stderr.trim().split('\n');
      assert.equal(lines.filter((l) => l.includes('03-01-05-01-01-02-02')).length, 1, r3.stderr);
      assert.match(lines[lines.length - 1], /03-01-05-01-01-02-02\.wav: .*\(--strict: stopped at the first unreadable file\)$/);
      // the file repaired: it is extracted again and joins the evaluation
      writeTone(bad, { pitch: 270, seed: 99, rate: 48000 });
      const r4 = await cli([...base, '--no-report']);
      assert.equal(r4.code, 0, r4.stderr);
      assert.doesNotMatch(r4.stderr, /skipped/);
      assert.equal(results(out).dataset.rows, 12);
      assert.equal(results(out).config.skipped, undefined);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  },
);

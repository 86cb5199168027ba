import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWav } from '../../src/audio/wav-write.js';
import { readWav } from '../../src/audio/wav.js';
import { parsePerturbation, perturb } from '../../src/audio/perturbation.js';
import { extractFeatures, featureNames } from '../../src/features/index.js';
import { PerturbAugmenter } from '../../src/augment/perturb.js';
import { createAugmenter } from '../../src/augment/registry.js';
import { tableFeatureSet } from '../../src/augment/audio/table-feature-set.js';
import type { Dataset } from '../../src/data/dataset.js';
import type { RawFeatureSpace } from '../../src/augment/raw-space.js';

const RATE = 16000;
const SET = 'IS09';
const NAMES = featureNames(SET);
const F0 = NAMES.indexOf('F0_sma_max');

/** A 0.6 s voiced-like tone (harmonics, slight vibrato). */
function tone(f0: number): Float32Array {
  const x = new Float32Array(Math.round(0.6 * RATE));
  for (let i = 0; i < x.length; i++) {
    const f = f0 * (1 + 0.02 * Math.sin((2 * Math.PI * 5 * i) / RATE));
    for (let h = 1; h <= 5; h++) x[i] += (0.2 / h) * Math.sin((2 * Math.PI * f * h * i) / RATE);
  }
  return x;
}

/** Four WAVs u0..u3 (F0 150..240 Hz), one class each, two speakers, and their raw IS09 rows. */
function corpus(): { dir: string; train: Dataset } {
  const dir = mkdtempSync(join(tmpdir(), 'adan-perturb-'));
  const ids = ['u0', 'u1', 'u2', 'u3'];
  const x = new Float32Array(ids.length * NAMES.length);
  ids.forEach((id, i) => {
    const p = join(dir, `${id}.wav`);
    writeFileSync(p, encodeWav([tone(150 + 30 * i)], RATE, 'pcm16'));
    x.set(extractFeatures(p, SET).values, i * NAMES.length);
  });
  const train: Dataset = {
    x,
    rows: 4,
    cols: NAMES.length,
    y: Int32Array.from([0, 1, 2, 3]),
    classes: 4,
    groups: ['s1', 's1', 's2', 's2'],
    ids,
  };
  return { dir, train };
}

function augmenter(dir: string, cache: string, perturbations: string[], seed = 3, times = 1, rawSpace?: RawFeatureSpace): PerturbAugmenter {
  return new PerturbAugmenter(
    { count: { times }, perturb: { perturbations, audioDir: dir, cacheDir: cache }, featureNames: NAMES, rawSpace },
    seed,
  );
}

test(
  'perturb: a speed 1.1 copy is the re-extracted features of the ' + 'perturbed audio (F0 x 1.1); a second run reads them from the cache',
  () => {
    const { dir, train } = corpus();
    const cache = join(dir, 'cache');
    const a = augmenter(dir, cache, ['speed:1.1']);
    const r = a.fitResample(train);
    assert.equal(r.rows, 8);
    assert.deepEqual(Array.from(r.synthetic), [0, 0, 0, 0, 1, 1, 1, 1]);
    assert.deepEqual({ extracted: a.lastCache!.extracted, hits: a.lastCache!.hits }, { extracted: 4, hits: 0 });
    for (let c = 0; c < 4; c++) {
      const synth = r.x.subarray((4 + c) * NAMES.length, (5 + c) * NAMES.length);
      // Class c has one row (row c), so synthetic row c is its copy: exactly the extractor's output on the perturbed audio.
      const w = readWav(join(dir, `u${c}.wav`));
      const direct = extractFeatures(
        { samples: perturb(w.samples, RATE, parsePerturbation('speed:1.1'), 0), sampleRate: RATE },
        SET,
      ).values;
      assert.deepEqual(synth, direct);
      const ratio = synth[F0] / train.x[c * NAMES.length + F0];
      assert.ok(Math.abs(ratio - 1.1) < 0.04, `row ${c}: F0 ratio ${ratio}`);
    }
    const again = augmenter(dir, cache, ['speed:1.1']);
    const r2 = again.fitResample(train);
    assert.deepEqual({ extracted: again.lastCache!.extracted, hits: again.lastCache!.hits }, { extracted: 0, hits: 4 });
    assert.deepEqual(r2.x, r.x);
    // The key is the audio's content: the same audio under another name is a hit.
    copyFileSync(join(dir, 'u0.wav'), join(dir, 'copy.wav'));
    const renamed = augmenter(dir, cache, ['speed:1.1']);
    renamed.fitResample({
      ...train,
      rows: 1,
      x: train.x.subarray(0, NAMES.length),
      y: Int32Array.from([0]),
      classes: 1,
      groups: ['s1'],
      ids: ['copy'],
    });
    assert.equal(renamed.lastCache!.extracted, 0);
  },
);

test('perturb: seeded; the copies of one row take different perturbations; the raw space gets each copy with its source row', () => {
  const { dir, train } = corpus();
  const cache = join(dir, 'cache');
  const names = ['noise-white:20', 'vtlp:1.1'];
  const a = augmenter(dir, cache, names, 7, 2).fitResample(train);
  const b = augmenter(dir, cache, names, 7, 2).fitResample(train);
  assert.deepEqual(a.x, b.x);
  // 4 rows x 2 copies, and each (file, perturbation) pair was needed once: the two copies of a row differ.
  const entries = names.reduce((s, n) => s + readdirSync(join(cache, readdirSync(cache)[0], SET, n.replace(':', '_'))).length, 0);
  assert.equal(entries, 8);
  const seen: number[][] = [];
  const space: RawFeatureSpace = {
    featureNames: NAMES,
    toTrainingSpace: (raw, rows, sourceRows) => {
      seen.push([...sourceRows]);
      return raw.map((v, i) => v - sourceRows[Math.floor(i / NAMES.length)]);
    },
  };
  const c = augmenter(dir, cache, names, 7, 2, space).fitResample(train);
  assert.deepEqual(seen, [[0, 0, 1, 1, 2, 2, 3, 3]]);
  assert.deepEqual(
    c.x.subarray(4 * NAMES.length),
    a.x.subarray(4 * NAMES.length).map((v, i) => v - Math.floor(i / NAMES.length / 2)),
  );
});

test('perturb: a missing source file, a missing --audio-dir and a table of other features are one-line errors naming the problem', () => {
  const { dir, train } = corpus();
  const missing = { ...train, ids: ['u0', 'u1', 'gone', 'u3'] };
  assert.throws(
    () => augmenter(dir, join(dir, 'cache'), ['speed:0.9']).fitResample(missing),
    (e: Error) => e.message === `${join(dir, 'gone.wav')}: no such audio file (the source of row 'gone', --audio-dir)`,
  );
  const noDir = new PerturbAugmenter({ count: { times: 1 }, featureNames: NAMES }, 1);
  assert.throws(() => noDir.fitResample(train), /needs the source audio: give --audio-dir/);
  assert.throws(() => tableFeatureSet(['f0', 'f1']), /not columns of one of adan's feature sets/);
  assert.throws(() => augmenter(dir, dir, ['echo:3']), /perturbation 'echo:3': unknown form/);
});

test('perturb is in the registry and takes its settings and the raw space from the context', () => {
  const { dir } = corpus();
  const a = createAugmenter(
    'perturb',
    { count: { times: 1 }, perturb: { audioDir: dir, cacheDir: join(dir, 'c') } },
    { featureNames: NAMES, classNames: ['a'] },
    2,
  ) as PerturbAugmenter;
  assert.equal(a.options.perturb.audioDir, dir);
  assert.equal(a.names().length, 8);
  assert.equal(tableFeatureSet(NAMES.slice(5, 9)).set, SET);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvTable } from '../../src/data/read-table.js';
import { withEmodbMeta } from '../../src/data/emodb-names.js';
import { selectRows } from '../../src/data/table.js';
import { sharedDir } from '../../src/util/paths.js';
import { UserError } from '../../src/util/errors.js';
import { AdanModel, adanOptions, CHECKPOINT_FILE, NET_NAMES, PRESETS, type AdanOptions, type EpochLog } from '../../src/adan/index.js';

// A small slice of the real EmoDB IS11 goldens (every 3rd utterance, all 4368 features, 7 classes) and small nets.
const full = withEmodbMeta(readCsvTable(join(sharedDir(), 'data/emodb/opensmile/IS11.csv')));
const table = selectRows(
  full,
  full.ids.map((_, i) => i).filter((i) => i % 3 === 0),
);
const small: Partial<AdanOptions> = {
  epochs: 5,
  batchSize: 32,
  encoderHidden: [32],
  decoderHidden: [32],
  classifierHidden: [16],
  generatorHidden: [16],
  discriminatorHidden: [16],
  latent: 8,
  noise: 8,
};

function allState(m: AdanModel): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  for (const name of NET_NAMES) for (const [k, v] of Object.entries(m.internals.nets[name].state())) out[`${name}.${k}`] = v.slice();
  return out;
}

const withoutSeconds = (log: EpochLog[]): Omit<EpochLog, 'seconds'>[] => log.map(({ seconds: _s, ...rest }) => rest);

class Killed extends Error {}

for (const preset of ['official', 'wadan'] as const) {
  test(`${preset}: a run killed mid-way and resumed ends with the same weights as an uninterrupted run`, () => {
    const o = adanOptions(preset, small);
    const reference = AdanModel.create(o, 3).fitTable(table, 'label');
    const dir = mkdtempSync(join(tmpdir(), `adan-ckpt-${preset}-`));
    // Checkpoints every 2 epochs; the run dies during epoch 4 (after the epoch-2 checkpoint, before the next).
    assert.throws(
      () =>
        AdanModel.create(o, 3).fitTable(table, 'label', {
          checkpointDir: dir,
          checkpointEvery: 2,
          onEpoch: (e) => {
            if (e.epoch === 3) throw new Killed('killed');
          },
        }),
      Killed,
    );
    assert.ok(existsSync(join(dir, CHECKPOINT_FILE)));
    const resumedEpochs: number[] = [];
    const resumed = AdanModel.create(o, 3).fitTable(table, 'label', {
      checkpointDir: dir,
      checkpointEvery: 2,
      resume: true,
      onEpoch: (e) => resumedEpochs.push(e.epoch),
    });
    assert.deepEqual(resumedEpochs, [3, 4, 5], 'resumed after the last checkpoint (epoch 2)');
    assert.deepEqual(allState(resumed), allState(reference));
    assert.deepEqual(withoutSeconds(resumed.log), withoutSeconds(reference.log));
    const labels = reference.sampleCounts(null, { perClass: 3 });
    assert.deepEqual(resumed.generate(labels, 1), reference.generate(labels, 1));
    // The same seed gives the same weights; another seed others.
    assert.deepEqual(allState(AdanModel.create(o, 3).fitTable(table, 'label')), allState(reference));
    assert.notDeepEqual(
      allState(AdanModel.create(o, 4).fitTable(table, 'label'))['encoder.0.weight'],
      allState(reference)['encoder.0.weight'],
    );
  });
}

test('resuming with other data or options is refused', () => {
  const o = adanOptions('paper', { ...small, epochs: 2 });
  const dir = mkdtempSync(join(tmpdir(), 'adan-ckpt-other-'));
  AdanModel.create(o, 1).fitTable(table, 'label', { checkpointDir: dir, checkpointEvery: 1 });
  assert.throws(
    () =>
      AdanModel.create(adanOptions('paper', { ...small, epochs: 3, lr: 2e-4 }), 1).fitTable(table, 'label', {
        checkpointDir: dir,
        resume: true,
      }),
    /different run/,
  );
});

test("official early stop: stops once D's outputs stay near 0.5 for `patience` epochs after minEpoch", () => {
  const o = adanOptions('official', { ...small, epochs: 20, earlyStop: { minEpoch: 1, tolerance: 0.5, patience: 2 } });
  const m = AdanModel.create(o, 1).fitTable(table, 'label');
  assert.equal(m.log.length, 3); // epochs 2 and 3 are within tolerance (0.5 always is) -> stop after epoch 3
  assert.equal(m.stoppedEarly, true);
  const strict = AdanModel.create(
    adanOptions('official', { ...small, epochs: 4, earlyStop: { minEpoch: 1, tolerance: 1e-9, patience: 1 } }),
    1,
  ).fitTable(table, 'label');
  assert.equal(strict.log.length, 4);
  assert.equal(strict.stoppedEarly, false);
});

test("presets hold the issue's values and every value is overridable and validated", () => {
  const p = adanOptions('paper');
  assert.deepEqual(
    [p.encoderHidden, p.decoderHidden, p.classifierHidden, p.generatorHidden, p.discriminatorHidden],
    [
      [800, 800],
      [800, 800],
      [100, 100],
      [100, 100],
      [100, 100],
    ],
  );
  assert.deepEqual(
    [p.latent, p.noise, p.lr, p.aeActivation, p.headActivation, p.init, p.dSteps, p.generatorLoss],
    [100, 100, 1e-4, 'tanh', 'tanh', 'xavierUniform', 1, 'inverted'],
  );
  const o = adanOptions('official');
  assert.deepEqual(
    [o.aeActivation, o.leakySlope, o.aeBatchNorm, o.encoderOutput, o.decoderOutput, o.classifierHidden],
    ['leakyRelu', 0.2, true, 'tanh', 'tanh', [400, 400]],
  );
  assert.deepEqual([o.beta1, o.adamEps, o.batchSize, o.epochs, o.dSteps, o.scaling], [0.5, 1e-5, 128, 1500, 2, 'zscore+maxabs']);
  assert.deepEqual(o.earlyStop, { minEpoch: 200, tolerance: 0.01, patience: 3 });
  const w = adanOptions('wadan');
  assert.deepEqual([w.adversarial, w.gpWeight, w.gClsWeight], ['wgan-gp', 10, 0.1]);
  assert.equal(adanOptions('official', { batchSize: 64, lrDiscriminator: 1e-5 }).batchSize, 64);
  assert.equal(adanOptions('paper', { epochs: undefined }).epochs, PRESETS.paper.epochs);
  assert.throws(
    () => adanOptions('paper', { epochs: 0 }),
    (e: unknown) => e instanceof UserError && /epochs/.test(e.message),
  );
  assert.throws(() => adanOptions('paper', { lr: -1 }), UserError);
  assert.throws(() => adanOptions('paper', { bogus: 1 } as Partial<AdanOptions>), UserError);
  assert.throws(() => adanOptions('nope' as 'paper'), /unknown ADAN preset/);
});

test('bad training data: one clear error before anything is trained', () => {
  const o = adanOptions('paper', small);
  const x = new Float32Array(6 * 3).fill(1).map((_, i) => i % 7);
  assert.throws(
    () => AdanModel.create(o, 1).fit(x, 6, 3, new Int32Array([0, 0, 0, 1, 1, 2]), ['a', 'b', 'c']),
    /class 'c' has 1 training row; ADAN needs at least 2/,
  );
  const bad = x.slice();
  bad[7] = NaN;
  assert.throws(
    () => AdanModel.create(o, 1).fit(bad, 6, 3, new Int32Array([0, 0, 0, 1, 1, 1]), ['a', 'b']),
    /non-numeric or missing value at row 3, feature column 2/,
  );
  assert.throws(() => AdanModel.create(o, 1).fitTable(table, 'emotion'), /no label column 'emotion'/);
});

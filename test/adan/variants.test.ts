import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdanModel, adanOptions, CHECKPOINT_FILE, priorCentreAxis } from '../../src/adan/index.js';
import { loadSafetensors } from '../../src/nn/index.js';
import { halfEmodbIs11, K, small } from './variant-fixture.js';

// The 300-epoch learning checks of aae and wadan are in variants-learning.slow.test.ts (run by .ci/run).
const table = halfEmodbIs11();

test('separate (paper II-B): E/R/C train first, then G/D with the autoencoder frozen', () => {
  const o = adanOptions('paper', { ...small, variant: 'separate', epochs: 12 });
  // The checkpoint written after epoch 12 (end of the autoencoder phase) holds the encoder to compare with.
  const dir = mkdtempSync(join(tmpdir(), 'adan-sep-'));
  let encoderAfterAe: Record<string, Float32Array> = {};
  const model = AdanModel.create(o, 1).fitTable(table, 'label', {
    checkpointDir: dir,
    checkpointEvery: 12,
    onEpoch: (e) => {
      if (e.epoch === 13) {
        const t = loadSafetensors(join(dir, CHECKPOINT_FILE)).tensors;
        encoderAfterAe = Object.fromEntries(
          Object.entries(t)
            .filter(([k]) => k.startsWith('net.encoder.'))
            .map(([k, v]) => [k.slice('net.encoder.'.length), v.data]),
        );
      }
    },
  });
  const log = model.log;
  assert.equal(log.length, 24);
  // Phase 1: only reconstruction and classification; phase 2: only the adversarial game.
  for (const e of log.slice(0, 12)) assert.ok(e.dLoss === 0 && e.gClsLoss === 0 && e.reconMse > 0 && e.cLoss > 0);
  for (const e of log.slice(12)) assert.ok(e.dLoss > 0 && e.gClsLoss > 0 && e.reconMse === 0);
  assert.ok(log[11].reconMse < log[0].reconMse && log[11].cLoss < log[0].cLoss);
  assert.ok(log[23].gClsLoss < log[12].gClsLoss, 'the generator learns the classes through the frozen classifier');
  assert.ok(Object.keys(encoderAfterAe).length > 0);
  const finalEncoder = model.internals.nets.encoder.state();
  for (const [k, v] of Object.entries(encoderAfterAe)) assert.deepEqual(finalEncoder[k], v, `encoder frozen while G and D train (${k})`);
  const g = model.generate(model.sampleCounts(null, { perClass: 2 }), 1);
  assert.equal(g.features.length, 2 * K * table.featureNames.length);
});

test('aae (Sahu et al. 2017): class-conditional discriminator, prior samples decoded, model round-trips', () => {
  const o = adanOptions('paper', { ...small, variant: 'aae', epochs: 6 });
  assert.equal(o.encoderOutput, 'linear');
  const m = AdanModel.create(o, 2).fitTable(table, 'label');
  assert.equal(m.architecture.discriminator.inputs, o.latent + K);
  assert.ok(m.log.every((e) => Number.isFinite(e.dLoss) && e.dLoss > 0 && e.gClsLoss === 0));
  // Synthetic codes are prior samples: class k centred on radius * (axis k), spread aaePriorStd.
  const labels = m.sampleCounts(null, { perClass: 400 });
  const g = m.generate(labels, 3);
  const L = o.latent;
  for (let k = 0; k < K; k++) {
    const { axis, sign } = priorCentreAxis(k, L);
    let mean = 0;
    let other = 0;
    let sq = 0;
    for (let i = k * 400; i < (k + 1) * 400; i++) {
      mean += g.latent[i * L + axis] / 400;
      other += g.latent[i * L + ((axis + 1) % L)] / 400;
      sq += g.latent[i * L + ((axis + 1) % L)] ** 2 / 400;
    }
    assert.ok(Math.abs(mean - sign * o.aaePriorRadius) < 0.03, `class ${k} centre ${mean}`);
    assert.ok(Math.abs(other) < 0.03);
    assert.ok(Math.abs(Math.sqrt(sq) - o.aaePriorStd) < 0.02);
  }
  // Decoded prior samples are rows in the raw feature space, reproducible by seed, and the model round-trips.
  const dir = join(mkdtempSync(join(tmpdir(), 'adan-aae-')), 'm');
  m.save(dir);
  assert.deepEqual(AdanModel.load(dir).generate(labels.subarray(0, 30), 4), m.generate(labels.subarray(0, 30), 4));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdanModel, adanOptions } from '../../src/adan/index.js';
import { readCsvTable } from '../../src/data/read-table.js';
import { buildReport, collectInputs, loadModelSource } from '../../src/report/index.js';
import { blobCsv, CLASSES, fixture } from './helpers.js';

/** A small but real ADAN model folder (`adan train` layout) with train.csv, trained for a few epochs on 7 blobs. */
function trainTinyModel(dir: string): void {
  const csv = join(dir, '..', 'train-tmp.csv');
  writeFileSync(csv, blobCsv(12, 16, 21));
  const table = readCsvTable(csv, { metaColumns: ['label'] });
  const opts = adanOptions('paper', {
    epochs: 8,
    batchSize: 32,
    latent: 8,
    noise: 8,
    encoderHidden: [32],
    decoderHidden: [32],
    classifierHidden: [16],
    generatorHidden: [16],
    discriminatorHidden: [16],
    lr: 1e-3,
  });
  const model = AdanModel.create(opts, 3).fitTable(table, 'label');
  model.save(dir); // replaces the folder, so train.csv goes in afterwards (as adan reproduce does)
  copyFileSync(csv, join(dir, 'train.csv'));
}

test(
  'an ADAN model folder yields real + generated rows and latent ' + 'codes; the report draws both Fig. 3 panels and the loss curves',
  async () => {
    const run = mkdtempSync(join(tmpdir(), 'adan-report-model-'));
    try {
      const dir = join(run, 'models', 'adan-fold1');
      mkdirSync(dir, { recursive: true });
      trainTinyModel(dir);
      copyFileSync(fixture('results.json'), join(run, 'results.json'));
      assert.ok(existsSync(join(dir, 'training-log.json')));

      const a = await loadModelSource(dir, 'adan-fold1', { seed: 4, times: 2 });
      const b = await loadModelSource(dir, 'adan-fold1', { seed: 4, times: 2 });
      assert.deepEqual(a.classNames, CLASSES);
      assert.equal(a.real.rows, 84);
      assert.equal(a.real.cols, 16);
      assert.equal(a.synthetic.rows, 168);
      assert.deepEqual(Array.from(a.syntheticLabels.subarray(0, 84)), Array.from(a.realLabels));
      assert.equal(a.realLatent?.cols, 8);
      assert.equal(a.syntheticLatent?.rows, 168);
      assert.deepEqual(a.synthetic.x, b.synthetic.x, 'same seed, same synthetic rows');
      assert.ok(a.synthetic.x.every(Number.isFinite));

      const inputs = await collectInputs([run], { seed: 4 });
      assert.equal(inputs.models.length, 1);
      assert.equal(inputs.models[0].log?.length, 8);
      const built = await buildReport(inputs, { seed: 4, maxPoints: 200 });
      const ids = built.figures.map((f) => f.id);
      assert.ok(
        ids.includes('tsne-latent-adan-fold1') && ids.includes('tsne-feature-adan-fold1') && ids.includes('loss-curves-adan-fold1'),
        ids.join(' '),
      );
      const q = built.quality[0].report;
      assert.ok(q.latent !== null && q.latent.dims === 8);
      assert.equal(q.rows.real, 84);
      assert.equal(q.source.model, dir);
    } finally {
      rmSync(run, { recursive: true, force: true });
    }
  },
);

test('loadModelSource: one-line errors for a missing table column or an empty folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-report-empty-'));
  try {
    writeFileSync(join(dir, 'train.csv'), blobCsv(3, 4, 1));
    await assert.rejects(loadModelSource(dir, 'x'), /not an ADAN model folder .*synthetic\.csv/);
    writeFileSync(join(dir, 'synthetic.csv'), blobCsv(3, 4, 2).replace(/,label\n/, ',emotion\n'));
    await assert.rejects(loadModelSource(dir, 'x'), /synthetic\.csv: no label column 'label'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Synthetic-data quality of ADAN's synthesis paths on EmoDB IS11 leave-one-speaker-out training folds: one ADAN is
// trained per fold (the given preset and epochs), then each path makes one synthetic row per training row from that
// same model, and `computeQuality` (src/report/quality, as `adan quality`) judges it against the fold's real rows.
// Paths: adan (G(z, y) decoded, the paper), adan-mixup, adan-cover (its fixed settings), adan-cover without the
// residual, the plain reconstructions R(E(x)) (adan-cover with scale 0 and no residual), and feature-space mixup.
// Usage: npx tsx bench/adan-cover.ts [--folds 03,08] [--preset paper] [--epochs 300] [--seed 1]. One JSON line per fold and path.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AdanModel, adanOptions, ADAN_PRESET_NAMES, type AdanPresetName } from '../src/adan/index.js';
import { readCsvTable } from '../src/data/read-table.js';
import { withEmodbMeta } from '../src/data/emodb-names.js';
import type { Dataset } from '../src/data/dataset.js';
import { AdanAugmenter } from '../src/augment/adan.js';
import { AdanMixupAugmenter } from '../src/augment/adan-mixup.js';
import { AdanCoverAugmenter } from '../src/augment/adan-cover.js';
import { MixupAugmenter } from '../src/augment/mixup.js';
import type { Synthetic } from '../src/augment/types.js';
import { computeQuality } from '../src/report/quality/index.js';
import { sharedDir } from '../src/util/paths.js';

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '03,08' },
    preset: { type: 'string', default: 'paper' },
    epochs: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const preset = values.preset as AdanPresetName;
if (!ADAN_PRESET_NAMES.includes(preset)) throw new Error(`unknown preset ${preset}`);
const seed = Number(values.seed);
const adan = adanOptions(preset, values.epochs ? { epochs: Number(values.epochs) } : {});

const table = withEmodbMeta(readCsvTable(join(sharedDir(), 'data/emodb/opensmile/IS11.csv')));
const classNames = [...new Set(table.meta.label)].sort();
const cols = table.featureNames.length;

function trainingFold(testSpeaker: string): Dataset {
  const keep = table.ids.map((_, i) => i).filter((i) => table.meta.speaker[i] !== testSpeaker);
  const x = new Float32Array(keep.length * cols);
  keep.forEach((r, i) => x.set(table.features.subarray(r * cols, (r + 1) * cols), i * cols));
  const y = Int32Array.from(keep, (r) => classNames.indexOf(table.meta.label[r]));
  return { x, rows: keep.length, cols, y, classes: classNames.length, groups: keep.map((r) => table.meta.speaker[r]) };
}

const count = { times: 1 };
const ctx = { adan, count, classNames, featureNames: table.featureNames };
const paths: Array<[string, (m: AdanModel, d: Dataset) => Synthetic]> = [
  ['adan', (m, d) => new AdanAugmenter(ctx, seed).synthesiseWith(m, d)],
  ['adan-mixup', (m, d) => new AdanMixupAugmenter(ctx, seed).synthesiseWith(m, d)],
  ['adan-cover', (m, d) => new AdanCoverAugmenter(ctx, seed).synthesiseWith(m, d)],
  ['adan-cover residual:false', (m, d) => new AdanCoverAugmenter({ ...ctx, residual: false }, seed).synthesiseWith(m, d)],
  ['reconstruction R(E(x))', (m, d) => new AdanCoverAugmenter({ ...ctx, residual: false, latentScale: 0 }, seed).synthesiseWith(m, d)],
  [
    'mixup (features)',
    (_m, d) => {
      const r = new MixupAugmenter({ count }, seed).fitResample(d);
      return { x: r.x.subarray(d.rows * cols), y: r.y.subarray(d.rows) };
    },
  ],
];

const r3 = (v: number): number => Number(v.toFixed(3));
for (const speaker of values.folds.split(',')) {
  const fold = trainingFold(speaker);
  const t0 = performance.now();
  const model = AdanModel.create(adan, seed).fit(fold.x, fold.rows, cols, fold.y, classNames);
  const trainSeconds = (performance.now() - t0) / 1000;
  for (const [path, make] of paths) {
    const s = make(model, fold);
    const t1 = performance.now();
    const q = computeQuality(
      {
        real: { x: fold.x, rows: fold.rows, cols },
        realLabels: fold.y,
        synthetic: { x: s.x, rows: s.y.length, cols },
        syntheticLabels: s.y,
        classNames,
      },
      { seed },
    );
    const f = q.feature;
    process.stdout.write(
      JSON.stringify({
        bench: 'adan-cover',
        testSpeaker: speaker,
        preset,
        epochs: model.log.length,
        seed,
        path,
        realRows: fold.rows,
        syntheticRows: s.y.length,
        knnPrecision: r3(f.coverage.precision),
        knnRecall: r3(f.coverage.recall),
        detectionAuc: r3(f.detection.auc),
        nnDistanceRatio: r3(f.nnDistance.ratio),
        mmd: r3(f.mmd.overall.mmd2),
        tstrWa: Number(q.tstr.tstr.wa.toFixed(2)),
        trtrWa: Number(q.tstr.trtr.wa.toFixed(2)),
        trainSeconds: Number(trainSeconds.toFixed(1)),
        qualitySeconds: Number(((performance.now() - t1) / 1000).toFixed(1)),
      }) + '\n',
    );
  }
}

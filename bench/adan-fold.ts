// ADAN training cost per epoch and per cross-validation fold, one JSON line per case:
//   emodb-is11: EmoDB IS11 goldens, one leave-one-speaker-out training fold (speaker 03 held out: 486 x 4368, 7 classes)
//   iemocap-sized: random data the size of an IEMOCAP improvised training fold (2350 x 1582, 4 classes)
// A fold = training for the preset's epochs + generating the paper's 10 synthetic sets. By default a few epochs are
// timed and the fold extrapolated (foldSeconds); --full trains all epochs.
// Usage: npx tsx bench/adan-fold.ts [--preset paper|official|wadan] [--epochs N (timed, default 5)] [--full]
//          [--case emodb-is11|iemocap-sized]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AdanModel, adanOptions, ADAN_PRESET_NAMES, type AdanPresetName } from '../src/adan/index.js';
import { readCsvTable } from '../src/data/read-table.js';
import { withEmodbMeta } from '../src/data/emodb-names.js';
import { selectRows, type FeatureTable } from '../src/data/table.js';
import { Rng, backendName } from '../src/nn/index.js';
import { sharedDir } from '../src/util/paths.js';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'paper' },
    epochs: { type: 'string', default: '5' },
    full: { type: 'boolean', default: false },
    case: { type: 'string', multiple: true },
    seed: { type: 'string', default: '1' },
  },
});
const preset = values.preset as AdanPresetName;
if (!ADAN_PRESET_NAMES.includes(preset)) throw new Error(`unknown preset ${preset}`);
const seed = Number(values.seed);

function emodbFold(): FeatureTable {
  const t = withEmodbMeta(readCsvTable(join(sharedDir(), 'data/emodb/opensmile/IS11.csv')));
  return selectRows(
    t,
    t.ids.map((_, i) => i).filter((i) => t.meta.speaker[i] !== '03'),
  );
}

function randomTable(rows: number, cols: number, classes: number): FeatureTable {
  const rng = new Rng(seed);
  const features = new Float32Array(rows * cols);
  rng.fillNormal(features);
  const label = Array.from({ length: rows }, (_, i) => `c${i % classes}`);
  return {
    ids: label.map((_, i) => `r${i + 1}`),
    featureNames: Array.from({ length: cols }, (_, j) => `f${j + 1}`),
    features,
    meta: { label },
  };
}

const cases: Record<string, () => FeatureTable> = { 'emodb-is11': emodbFold, 'iemocap-sized': () => randomTable(2350, 1582, 4) };
for (const name of values.case ?? Object.keys(cases)) {
  const make = cases[name];
  if (!make) throw new Error(`unknown case ${name} (${Object.keys(cases).join(', ')})`);
  const table = make();
  const full = adanOptions(preset);
  const timedEpochs = values.full ? full.epochs : Math.min(Number(values.epochs), full.epochs);
  const o = adanOptions(preset, { epochs: timedEpochs });
  const t0 = performance.now();
  const model = AdanModel.create(o, seed).fitTable(table, 'label');
  const trainSeconds = (performance.now() - t0) / 1000;
  const epochSeconds = model.log.map((e) => e.seconds);
  // Skip the first epoch (buffer allocation, JIT warm-up) when more were timed.
  const steady = epochSeconds.length > 1 ? epochSeconds.slice(1) : epochSeconds;
  const secondsPerEpoch = steady.reduce((a, b) => a + b, 0) / steady.length;
  const t1 = performance.now();
  const labels = model.sampleCounts(null, { times: 10 });
  model.generate(labels, seed + 1);
  const generateSeconds = (performance.now() - t1) / 1000;
  const foldSeconds = values.full ? trainSeconds + generateSeconds : secondsPerEpoch * full.epochs + generateSeconds;
  process.stdout.write(
    JSON.stringify({
      bench: 'adan-fold',
      case: name,
      preset,
      backend: backendName(),
      rows: table.ids.length,
      features: table.featureNames.length,
      classes: model.classNames.length,
      batchSize: o.batchSize,
      epochsTimed: model.log.length,
      secondsPerEpoch: Number(secondsPerEpoch.toFixed(4)),
      presetEpochs: full.epochs,
      generateRows: labels.length,
      generateSeconds: Number(generateSeconds.toFixed(3)),
      foldSeconds: Number(foldSeconds.toFixed(2)),
      foldExtrapolated: !values.full,
    }) + '\n',
  );
}

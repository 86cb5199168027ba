// Benchmark: wall time of the full `adan reproduce emodb` (Table I) from the golden IS11 features, or, with
// --extract, from the WAVs (own IS11 extraction). Prints one JSON line with the time and the Table I numbers.
// Usage: npx tsx bench/reproduce-emodb.ts [--extract] [--quick] [--repeats R] [--adan-epochs N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reproduceEmodb } from '../src/experiments/reproduce.js';
import { adanOptionsFrom, packageVersion, sampleCountFrom } from '../src/cli/commands/evaluate.js';
import { backendName } from '../src/nn/index.js';
import { sharedDir } from '../src/util/paths.js';

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = argv.includes('--quick');
const extract = argv.includes('--extract');
const out = mkdtempSync(join(tmpdir(), 'adan-bench-repro-'));
try {
  const epochs = arg('--adan-epochs') ?? (quick ? '2' : undefined); // undefined: the preset's own epochs;
  const r = await reproduceEmodb(join(sharedDir(), 'data', 'emodb'), {
    out,
    repeats: Number(arg('--repeats') ?? 1),
    seed: 1,
    quick,
    adan: adanOptionsFrom('paper', epochs, quick ? { encoderHidden: [64], decoderHidden: [64] } : {}),
    count: sampleCountFrom({ times: quick ? '1' : undefined }),
    noiseStd: 0.1,
    smoteK: 5,
    svm: {},
    dnn: quick ? { epochs: 2 } : {},
    features: extract ? undefined : join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS11.csv'),
    version: packageVersion(),
    backend: backendName(),
    log: () => {},
  });
  const res = r.results[0];
  console.log(
    JSON.stringify({
      bench: 'reproduce-emodb',
      backend: backendName(),
      extract,
      quick,
      adanEpochs: Number(epochs),
      seconds: Number(r.seconds.toFixed(1)),
      table: res.results.map((m) => ({
        method: `${m.augment}/${m.classifier}/${m.trainOn}`,
        wa: Number(m.wa.toFixed(2)),
        uar: Number(m.uar.toFixed(2)),
        seconds: Number(m.seconds.toFixed(1)),
      })),
    }),
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}

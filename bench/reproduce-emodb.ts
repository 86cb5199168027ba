// Benchmark: wall time of the full `adan reproduce emodb` (Table I) from the golden IS11 features, or, with
// --extract, from the WAVs (own IS11 extraction). Prints one JSON line with the time and the Table I numbers.
// --jobs 1,2 runs it once per count of fold processes (and extraction threads), one after the other, and says whether
// every number (Table I and the beyond table) is the same in each: parallel folds must not change a result.
// Usage: npx tsx bench/reproduce-emodb.ts [--extract] [--quick] [--repeats R] [--adan-epochs N] [--jobs 1,2]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reproduceEmodb } from '../src/experiments/reproduce.js';
import { adanOptionsFrom, packageVersion, sampleCountFrom } from '../src/cli/commands/evaluate.js';
import { backendName } from '../src/nn/index.js';
import { sharedDir } from '../src/util/paths.js';
import type { EvaluationResults } from '../src/eval/protocol.js';

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = argv.includes('--quick');
const extract = argv.includes('--extract');
const jobsList = (arg('--jobs') ?? '1').split(',').map(Number);
const epochs = arg('--adan-epochs') ?? (quick ? '2' : undefined); // undefined: the preset's own epochs

/** Every number of a run, without what may differ between runs of one experiment (dates, timings, folders). */
function numbers(results: EvaluationResults[]): string {
  const vary = new Set(['created', 'seconds', 'saveModels', 'out', 'runDir']);
  return JSON.stringify(results, (k, v: unknown) => (vary.has(k) ? null : v));
}

async function reproduceOnce(jobs: number) {
  const out = mkdtempSync(join(tmpdir(), 'adan-bench-repro-'));
  try {
    return await reproduceEmodb(join(sharedDir(), 'data', 'emodb'), {
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
      jobs,
      foldJobs: jobs,
      version: packageVersion(),
      backend: backendName(),
      log: () => {},
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const runs: ({ jobs: number } & Awaited<ReturnType<typeof reproduceOnce>>)[] = [];
for (const jobs of jobsList) runs.push({ jobs, ...(await reproduceOnce(jobs)) });
const table = (res: EvaluationResults) =>
  res.results.map((m) => ({
    method: `${m.augment}/${m.classifier}/${m.trainOn}`,
    wa: Number(m.wa.toFixed(2)),
    uar: Number(m.uar.toFixed(2)),
  }));
console.log(
  JSON.stringify({
    bench: 'reproduce-emodb',
    backend: backendName(),
    extract,
    quick,
    adanEpochs: epochs === undefined ? 'preset' : Number(epochs),
    runs: runs.map((r) => ({ jobs: r.jobs, seconds: Number(r.seconds.toFixed(1)) })),
    sameNumbers: runs.every((r) => numbers(r.results) === numbers(runs[0].results)),
    table: table(runs[0].results[0]),
    beyond: runs[0].results.slice(1).map((res) => ({ protocol: res.protocol ?? res.config.normalisation, table: table(res) })),
  }),
);

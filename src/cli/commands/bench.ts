import type { Command } from 'commander';
import {
  AdanTrainer,
  adanArchitecture,
  adanOptions,
  buildNetworks,
  iterationFlops,
  ADAN_PRESET_NAMES,
  type AdanPresetName,
} from '../../adan/index.js';
import { Rng, activeKernels, backendName } from '../../nn/index.js';
import { UserError } from '../../util/errors.js';
import { intOption, seedOption } from '../options.js';

interface BenchTrainFlags {
  dim: string;
  batch: string;
  iters: string;
  warmup: string;
  classes: string;
  preset: string;
  seed: string;
  json?: boolean;
}

function positive(v: string, flag: string): number {
  return intOption(v, flag, 1)!;
}

/** `adan bench`: a command group of benchmarks (`train` now; others can be added as sub-commands). */
export function registerBench(program: Command): void {
  const bench = program.command('bench').description('benchmarks (one JSON line each with --json)');
  bench
    .command('train')
    .description(
      'complete ADAN training iterations on random data with the real trainer step (paper preset: encoder D-800-800-100, ' +
        'decoder 100-800-800-D, classifier 100-100-100-K, generator (100+K)-100-100-100, discriminator 100-100-100-1, tanh, ' +
        'Adam lr 1e-4; one D step, one E+R+C step, one G step per iteration)',
    )
    .option('--dim <d>', 'input features', '1582')
    .option('--batch <b>', 'batch size', '128')
    .option('--iters <n>', 'timed iterations', '50')
    .option('--warmup <n>', 'untimed warm-up iterations', '5')
    .option('--classes <k>', 'classes', '7')
    .option('--preset <name>', `ADAN preset (${ADAN_PRESET_NAMES.join(' | ')})`, 'paper')
    .option('--seed <n>', 'random seed', '1')
    .option('--json', 'print one JSON line')
    .action((f: BenchTrainFlags) => {
      benchTrain(f);
    });
}

function benchTrain(f: BenchTrainFlags): void {
  const dim = positive(f.dim, '--dim');
  const batch = positive(f.batch, '--batch');
  const iters = positive(f.iters, '--iters');
  const warmup = intOption(f.warmup, '--warmup', 0) ?? 0;
  const classes = positive(f.classes, '--classes');
  if (classes < 2) throw new UserError('--classes must be at least 2');
  if (batch < 2) throw new UserError('--batch must be at least 2');
  if (!(ADAN_PRESET_NAMES as readonly string[]).includes(f.preset)) throw new UserError(`--preset: unknown preset '${f.preset}'`);
  const o = adanOptions(f.preset as AdanPresetName, { batchSize: batch });
  const seed = seedOption(f.seed) ?? 1;
  const rng = new Rng(seed);
  const arch = adanArchitecture(o, dim, classes);
  const trainer = new AdanTrainer(buildNetworks(arch, rng), o, classes);
  const x = { rows: batch, cols: dim, data: new Float32Array(batch * dim) };
  rng.fork('data').fillUniform(x.data, -1, 1);
  const y = new Int32Array(batch);
  const ly = rng.fork('labels');
  for (let i = 0; i < batch; i++) y[i] = ly.int(classes);
  const noise = rng.fork('noise');
  for (let i = 0; i < warmup; i++) trainer.step(x, y, noise);
  const ms: number[] = [];
  for (let i = 0; i < iters; i++) {
    const t0 = performance.now();
    trainer.step(x, y, noise);
    ms.push(performance.now() - t0);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const flops = iterationFlops(arch, o, batch);
  const result = {
    bench: 'adan-train-iter',
    impl: 'adan',
    backend: backendName(),
    kernels: activeKernels().detail,
    preset: o.preset,
    dim,
    batch,
    classes,
    iters,
    warmup,
    msPerIter: Number(median.toFixed(3)),
    msMin: Number(sorted[0].toFixed(3)),
    msMean: Number((ms.reduce((s, v) => s + v, 0) / ms.length).toFixed(3)),
    gflopPerIter: Number((flops / 1e9).toFixed(4)),
    gflops: Number((flops / 1e9 / (median / 1000)).toFixed(2)),
    threads: process.env.OPENBLAS_NUM_THREADS ?? null,
  };
  if (f.json) process.stdout.write(JSON.stringify(result) + '\n');
  else {
    process.stdout.write(
      `ADAN training iteration (${o.preset}, D=${dim}, B=${batch}, K=${classes}, ${result.backend}): ${result.msPerIter} ms median ` +
        `over ${iters} (min ${result.msMin}), ${result.gflops} GFLOP/s (${result.gflopPerIter} GFLOP per iteration)\n`,
    );
  }
}

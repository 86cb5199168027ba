// Engine benchmark: gemm GFLOP/s for both kernel sets and ms per forward+backward of an 800-wide MLP at batch 128;
// with --adan-iter, the shipped AdanTrainer.step of the paper preset on random data (the same work as
// bench/torch/adan_iter.py and `adan bench train`), with GEMM flops counted. Prints one JSON line.
//   npx tsx bench/nn-engine.ts [--reps 5]
//   npx tsx bench/nn-engine.ts --adan-iter --dim 1582 --batch 128 --iters 30 [--classes 7] [--backend native|js]
import { parseArgs } from 'node:util';
import { activeKernels, jsKernels, mlpSpec, nativeKernels, Rng, Sequential, type Kernels, type Matrix } from '../src/nn/index.js';
import { adanArchitecture, adanOptions, AdanTrainer, buildNetworks } from '../src/adan/index.js';

const { values: o } = parseArgs({
  options: {
    'adan-iter': { type: 'boolean', default: false },
    dim: { type: 'string', default: '1582' },
    batch: { type: 'string', default: '128' },
    iters: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    classes: { type: 'string', default: '7' },
    reps: { type: 'string', default: '5' },
    backend: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});

function median(a: number[]): number {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Wraps a kernel set to count GEMM flops (2 m n k per call) and, with profile, the time spent per kernel. */
function counting(k: Kernels, profile: boolean): { kernels: Kernels; flops: () => number; times: Record<string, number> } {
  let f = 0;
  const times: Record<string, number> = {};
  const timed =
    <A extends unknown[]>(name: string, fn: (...a: A) => void) =>
    (...a: A): void => {
      const t0 = performance.now();
      fn(...a);
      times[name] = (times[name] ?? 0) + performance.now() - t0;
    };
  const wrap = profile ? timed : <A extends unknown[]>(_n: string, fn: (...a: A) => void) => fn;
  const gemm = wrap('gemm', k.gemm);
  const kernels: Kernels = {
    name: k.name,
    detail: k.detail,
    gemm: (ta, tb, m, n, kk, ...rest) => {
      f += 2 * m * n * kk;
      gemm(ta, tb, m, n, kk, ...rest);
    },
    biasAct: wrap('biasAct', k.biasAct),
    actBackward: wrap('actBackward', k.actBackward),
    colSumAdd: wrap('colSumAdd', k.colSumAdd),
    adam: wrap('adam', k.adam),
    bnTrain: wrap('bnTrain', k.bnTrain),
    bnEval: wrap('bnEval', k.bnEval),
    bnBackward: wrap('bnBackward', k.bnBackward),
    setThreads: k.setThreads,
  };
  return { kernels, flops: () => f, times };
}

function kernelsFor(name: string | undefined): Kernels {
  if (!name) return activeKernels();
  if (name === 'js') return jsKernels();
  const n = nativeKernels();
  if (!n) throw new Error('native kernels not built');
  return n;
}

function gemmGflops(k: Kernels, m: number, n: number, kk: number, ta: boolean, tb: boolean, reps: number): number {
  const rng = new Rng(1);
  const a = new Float32Array(m * kk),
    b = new Float32Array(kk * n),
    c = new Float32Array(m * n);
  rng.fillNormal(a);
  rng.fillNormal(b);
  const lda = ta ? m : kk,
    ldb = tb ? kk : n;
  k.gemm(ta, tb, m, n, kk, 1, a, lda, b, ldb, 0, c, n);
  const t: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    k.gemm(ta, tb, m, n, kk, 1, a, lda, b, ldb, 0, c, n);
    t.push(performance.now() - t0);
  }
  return (2 * m * n * kk) / (median(t) * 1e6);
}

function mlpMs(k: Kernels, reps: number): number {
  const rng = new Rng(2);
  const net = new Sequential(
    mlpSpec({ inputs: 800, hidden: [800, 800], outputs: 800, activation: 'tanh', outputActivation: 'linear' }),
    rng,
    k,
  );
  const x: Matrix = { rows: 128, cols: 800, data: new Float32Array(128 * 800) };
  rng.fillNormal(x.data);
  const dy: Matrix = { rows: 128, cols: 800, data: new Float32Array(128 * 800) };
  rng.fillNormal(dy.data);
  const t: number[] = [];
  for (let r = 0; r < reps + 1; r++) {
    const t0 = performance.now();
    net.forward(x, 'train');
    net.backward(dy);
    if (r > 0) t.push(performance.now() - t0);
  }
  return median(t);
}

function engineBench(): void {
  const reps = Number(o.reps);
  const sets = [jsKernels(), nativeKernels()].filter((k): k is Kernels => k !== null);
  const out: Record<string, unknown> = { bench: 'nn-engine', active: activeKernels().name };
  for (const k of sets) {
    const r = k.name === 'js' ? Math.max(1, Math.min(reps, 3)) : reps * 4;
    out[k.name] = {
      detail: k.detail,
      gemmGflops: {
        NT_128x800x800: +gemmGflops(k, 128, 800, 800, false, true, r).toFixed(2),
        NN_128x800x800: +gemmGflops(k, 128, 800, 800, false, false, r).toFixed(2),
        TN_800x800x128: +gemmGflops(k, 800, 800, 128, true, false, r).toFixed(2),
        NN_512x512x512: +gemmGflops(k, 512, 512, 512, false, false, r).toFixed(2),
      },
      mlp800FwdBwdMsBatch128: +mlpMs(k, r).toFixed(3),
    };
  }
  console.log(JSON.stringify(out));
}

/**
 * The shipped ADAN iteration, AdanTrainer.step of the paper preset (the same work as bench/torch/adan_iter.py: one D
 * step, one E+R+C step, one G step), on random data, with kernels wrapped to count GEMM flops.
 */
function adanIter(): void {
  const D = Number(o.dim),
    B = Number(o.batch),
    K = Number(o.classes);
  const iters = Number(o.iters),
    warmup = Number(o.warmup);
  const base = kernelsFor(o.backend);
  const { kernels, flops, times } = counting(base, o.profile === true);
  const rng = new Rng(0);
  const options = adanOptions('paper', { batchSize: B });
  const trainer = new AdanTrainer(buildNetworks(adanArchitecture(options, D, K), rng, kernels), options, K, kernels);
  const x: Matrix = { rows: B, cols: D, data: new Float32Array(B * D) };
  rng.fillNormal(x.data);
  const y = new Int32Array(B).map(() => rng.int(K));
  const noise = rng.fork('z');
  const iteration = (): void => {
    trainer.step(x, y, noise);
  };
  for (let i = 0; i < warmup; i++) iteration();
  const f0 = flops();
  iteration();
  const flopsPerIter = flops() - f0;
  const t: number[] = [];
  for (let i = 0; i < iters; i++) {
    const t0 = performance.now();
    iteration();
    t.push(performance.now() - t0);
  }
  const ms = median(t);
  const profile = o.profile
    ? Object.fromEntries(Object.entries(times).map(([k, v]) => [k, +(v / (warmup + 1 + iters)).toFixed(3)]))
    : undefined;
  console.log(
    JSON.stringify({
      impl: 'adan-engine',
      backend: base.name,
      detail: base.detail,
      dim: D,
      batch: B,
      classes: K,
      iters,
      msPerIter: +ms.toFixed(3),
      msMin: +Math.min(...t).toFixed(3),
      gflops: +(flopsPerIter / (ms * 1e6)).toFixed(2),
      flopsPerIter,
      ...(profile ? { msPerIterByKernel: profile } : {}),
    }),
  );
}

if (o['adan-iter']) adanIter();
else engineBench();

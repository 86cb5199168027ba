// Native (N-API + OpenBLAS) and pure TypeScript kernels agree to float tolerance on the same inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACT, jsKernels, nativeKernels, nativeLoadError, nativeRequired, Rng, withBlasThreads, type ActCode } from '../../src/nn/index.js';

// Skipped only on a user's machine without the addon; under ADAN_REQUIRE_NATIVE=1 (.ci/run) nativeKernels() throws and the
// file fails instead.
const native = nativeKernels();
const skip = native ? false : `native addon not built: ${nativeLoadError()}`;

test('ADAN_REQUIRE_NATIVE=1 means the native kernels loaded (CI cannot pass on the JS fallback)', () => {
  if (nativeRequired()) assert.ok(native, nativeLoadError());
});
const js = jsKernels();

function rand(rng: Rng, n: number, std = 1): Float32Array {
  const a = new Float32Array(n);
  rng.fillNormal(a, 0, std);
  return a;
}

function assertClose(a: Float32Array, b: Float32Array, what: string, rtol = 1e-5, atol = 1e-5): void {
  assert.equal(a.length, b.length, `${what}: lengths`);
  for (let i = 0; i < a.length; i++) {
    const tol = atol + rtol * Math.max(Math.abs(a[i]), Math.abs(b[i]));
    if (!(Math.abs(a[i] - b[i]) <= tol)) assert.fail(`${what}[${i}]: js ${a[i]} vs native ${b[i]}`);
  }
}

/** float64 reference of alpha * op(A) op(B) + beta * C */
function refGemm(
  ta: boolean,
  tb: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float32Array,
  lda: number,
  b: Float32Array,
  ldb: number,
  beta: number,
  c: Float32Array,
  ldc: number,
): Float32Array {
  const out = c.slice();
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += (ta ? a[p * lda + i] : a[i * lda + p]) * (tb ? b[j * ldb + p] : b[p * ldb + j]);
      out[i * ldc + j] = alpha * s + (beta === 0 ? 0 : beta * c[i * ldc + j]);
    }
  }
  return out;
}

test('js gemm matches a float64 reference (all transposes, odd sizes, padded leading dimensions)', () => {
  const rng = new Rng(1);
  for (const [m, n, k] of [
    [1, 1, 1],
    [7, 13, 29],
    [33, 5, 130],
    [66, 257, 9],
  ]) {
    for (const ta of [false, true]) {
      for (const tb of [false, true]) {
        const lda = (ta ? m : k) + 3,
          ldb = (tb ? k : n) + 2,
          ldc = n + 1;
        const a = rand(rng, (ta ? k : m) * lda),
          b = rand(rng, (tb ? n : k) * ldb),
          c = rand(rng, m * ldc);
        const ref = refGemm(ta, tb, m, n, k, 0.7, a, lda, b, ldb, 0.3, c, ldc);
        const got = c.slice();
        js.gemm(ta, tb, m, n, k, 0.7, a, lda, b, ldb, 0.3, got, ldc);
        assertClose(got, ref, `js gemm ${m}x${n}x${k} ${ta ? 'T' : 'N'}${tb ? 'T' : 'N'}`, 1e-4, 1e-4);
      }
    }
  }
});

test('native and js gemm agree (all transposes, odd sizes, leading dimensions, beta 0 ignores NaN in C)', { skip }, () => {
  const rng = new Rng(2);
  for (const [m, n, k] of [
    [1, 1, 1],
    [7, 13, 29],
    [33, 5, 130],
    [128, 100, 800],
    [65, 257, 3],
  ]) {
    for (const ta of [false, true]) {
      for (const tb of [false, true]) {
        for (const [alpha, beta] of [
          [1, 0],
          [0.7, 0.3],
          [-1.5, 1],
        ]) {
          const lda = (ta ? m : k) + 1,
            ldb = (tb ? k : n) + 3,
            ldc = n + 2;
          const a = rand(rng, (ta ? k : m) * lda),
            b = rand(rng, (tb ? n : k) * ldb),
            c = rand(rng, m * ldc);
          if (beta === 0) c.fill(NaN);
          const c1 = c.slice(),
            c2 = c.slice();
          js.gemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c1, ldc);
          native!.gemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c2, ldc);
          // padding columns (NaN when beta 0) must be left as they were
          for (let i = 0; i < m; i++)
            for (let j = n; j < ldc && i * ldc + j < c.length; j++) {
              assert.ok(Object.is(c1[i * ldc + j], c[i * ldc + j]) && Object.is(c2[i * ldc + j], c[i * ldc + j]), 'padding untouched');
              c1[i * ldc + j] = c2[i * ldc + j] = 0;
            }
          assertClose(c1, c2, `gemm ${m}x${n}x${k} ${ta ? 'T' : 'N'}${tb ? 'T' : 'N'} alpha ${alpha} beta ${beta}`, 1e-4, 1e-4);
        }
      }
    }
  }
});

test('native gemm rejects arrays too small for the sizes instead of writing out of bounds', { skip }, () => {
  const a = new Float32Array(6),
    b = new Float32Array(6),
    c = new Float32Array(3);
  assert.throws(() => native!.gemm(false, false, 2, 2, 3, 1, a, 3, b, 2, 0, c, 2), /too small/);
});

test('native and js fused elementwise kernels agree (bias + activation, derivatives, column sums)', { skip }, () => {
  const rng = new Rng(3);
  const rows = 17,
    cols = 23;
  for (const [name, code] of Object.entries(ACT) as [string, ActCode][]) {
    const z = rand(rng, rows * cols, 3),
      bias = rand(rng, cols);
    for (const b of [bias, null]) {
      const o1 = new Float32Array(rows * cols),
        o2 = new Float32Array(rows * cols);
      js.biasAct(code, 0.2, rows, cols, z, b, o1);
      native!.biasAct(code, 0.2, rows, cols, z, b, o2);
      assertClose(o1, o2, `biasAct ${name}${b ? '' : ' (no bias)'}`, 1e-5, 1e-6);
      const inPlace = z.slice();
      native!.biasAct(code, 0.2, rows, cols, inPlace, b, inPlace);
      assertClose(inPlace, o2, `biasAct ${name} in place`, 0, 0);
      const dy = rand(rng, rows * cols);
      const d1 = new Float32Array(rows * cols),
        d2 = new Float32Array(rows * cols);
      js.actBackward(code, 0.2, rows, cols, o1, dy, d1);
      native!.actBackward(code, 0.2, rows, cols, o1, dy, d2);
      assertClose(d1, d2, `actBackward ${name}`, 1e-5, 1e-6);
    }
  }
  const a = rand(rng, rows * cols);
  const s1 = rand(rng, cols),
    s2 = s1.slice();
  js.colSumAdd(rows, cols, a, s1);
  native!.colSumAdd(rows, cols, a, s2);
  assertClose(s1, s2, 'colSumAdd', 1e-5, 1e-5);
});

test('native and js batch norm kernels agree (train, eval, backward)', { skip }, () => {
  const rng = new Rng(4);
  const rows = 19,
    cols = 11;
  const x = rand(rng, rows * cols, 2),
    gamma = rand(rng, cols),
    beta = rand(rng, cols),
    dy = rand(rng, rows * cols);
  const run = (k: typeof js) => {
    const rm = new Float32Array(cols).fill(0.1),
      rv = new Float32Array(cols).fill(1.2);
    const xhat = new Float32Array(rows * cols),
      inv = new Float32Array(cols),
      y = new Float32Array(rows * cols);
    k.bnTrain(rows, cols, x, gamma, beta, 1e-3, 0.9, rm, rv, xhat, inv, y);
    const ye = new Float32Array(rows * cols);
    k.bnEval(rows, cols, x, gamma, beta, 1e-3, rm, rv, ye);
    const dg = new Float32Array(cols),
      db = new Float32Array(cols),
      dx = new Float32Array(rows * cols);
    k.bnBackward(rows, cols, dy, xhat, inv, gamma, dg, db, dx);
    return { rm, rv, xhat, inv, y, ye, dg, db, dx };
  };
  const r1 = run(js),
    r2 = run(native!);
  for (const key of Object.keys(r1) as (keyof typeof r1)[]) assertClose(r1[key], r2[key], `bn ${key}`, 1e-5, 1e-5);
});

test('native and js Adam updates agree over several steps (small and large tensors)', { skip }, () => {
  const rng = new Rng(5);
  for (const n of [1001, 300_001]) {
    const p1 = rand(rng, n),
      p2 = p1.slice();
    const m1 = new Float32Array(n),
      v1 = new Float32Array(n),
      m2 = new Float32Array(n),
      v2 = new Float32Array(n);
    for (let t = 1; t <= 3; t++) {
      const g = rand(rng, n, 0.1);
      const bc1 = 1 - 0.9 ** t,
        bc2 = 1 - 0.999 ** t;
      js.adam(n, p1, g, m1, v1, 1e-3, 0.9, 0.999, 1e-8, bc1, bc2);
      native!.adam(n, p2, g, m2, v2, 1e-3, 0.9, 0.999, 1e-8, bc1, bc2);
    }
    assertClose(p1, p2, `adam p (n=${n})`, 1e-6, 1e-7);
    assertClose(m1, m2, `adam m (n=${n})`, 1e-5, 1e-8);
    assertClose(v1, v2, `adam v (n=${n})`, 1e-5, 1e-10);
  }
});

test('native setThreads sets the OpenBLAS thread count and returns the one before; withBlasThreads restores it', { skip }, async () => {
  const k = native!;
  const start = k.setThreads(3);
  assert.ok(start >= 1);
  assert.equal(k.setThreads(2), 3);
  const inside = await withBlasThreads(1, () => Promise.resolve(k.setThreads(1)));
  assert.equal(inside, 1);
  assert.equal(k.setThreads(start), 2, 'withBlasThreads put the count back');
  await assert.rejects(
    withBlasThreads(1, () => Promise.reject(new Error('boom'))),
    /boom/,
  );
  assert.equal(k.setThreads(start), start, 'restored after a failure too');
  assert.throws(() => k.setThreads(0), /1\.\.1024/);
  assert.equal(jsKernels().setThreads(4), 1);
});

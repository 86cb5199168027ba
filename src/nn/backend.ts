/**
 * Kernel selection: the native addon (build/Release/adan_native.node, N-API + OpenBLAS) when it loads, else the
 * pure TypeScript kernels. ADAN_BACKEND=js|native forces one; forcing native when it is missing is an error.
 * ADAN_REQUIRE_NATIVE=1 (set by .ci/run) makes a missing or broken addon an error at load instead of a silent fallback,
 * so CI cannot pass on the JS kernels alone while a user's install without OpenBLAS still works.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';
import { UserError } from '../util/errors.js';
import type { Kernels } from './kernels.js';
import { jsKernels } from './js-kernels.js';

/**
 * The functions exported by native/adan_native.c: the Kernels interface itself (sgemm is its gemm), plus info().
 * The addon takes activation codes as plain numbers, which ActCode values are.
 */
type NativeAddon = Omit<Kernels, 'name' | 'detail' | 'gemm'> & {
  sgemm: Kernels['gemm'];
  info(): { config: string; corename: string; threads: number };
};

let nativeCache: Kernels | null | undefined;
let nativeError = '';

/** Path of the compiled addon (ADAN_NATIVE_PATH overrides, for tests of a different build). */
export function nativeAddonPath(): string {
  return process.env.ADAN_NATIVE_PATH ?? join(packageRoot(), 'build', 'Release', 'adan_native.node');
}

/** True when ADAN_REQUIRE_NATIVE=1: the native kernels must load (CI), no fallback to the JS kernels. */
export function nativeRequired(): boolean {
  return process.env.ADAN_REQUIRE_NATIVE === '1';
}

/**
 * The native kernel set, or null when the addon is not built or fails to load (see nativeLoadError()).
 * Throws instead of returning null when nativeRequired().
 */
export function nativeKernels(): Kernels | null {
  if (nativeCache === undefined) nativeCache = loadNative();
  if (nativeCache === null && nativeRequired()) {
    throw new UserError(`ADAN_REQUIRE_NATIVE=1 but the native kernels are unavailable: ${nativeError}`);
  }
  return nativeCache;
}

function loadNative(): Kernels | null {
  const path = nativeAddonPath();
  if (!existsSync(path)) {
    nativeError = `${path} does not exist (build it with \`node scripts/build-native.mjs\`; needs a C compiler and libopenblas-dev)`;
    return null;
  }
  try {
    const addon = createRequire(import.meta.url)(path) as NativeAddon;
    if (typeof addon.setThreads !== 'function') {
      nativeError = `${path} is older than this version of adan (no setThreads): rebuild it with \`node scripts/build-native.mjs\``;
      return null;
    }
    const info = addon.info();
    return {
      name: 'native',
      detail: `${info.config.trim()}, core ${info.corename}, ${info.threads} thread${info.threads === 1 ? '' : 's'}`,
      gemm: addon.sgemm,
      biasAct: addon.biasAct,
      actBackward: addon.actBackward,
      colSumAdd: addon.colSumAdd,
      adam: addon.adam,
      bnTrain: addon.bnTrain,
      bnEval: addon.bnEval,
      bnBackward: addon.bnBackward,
      setThreads: addon.setThreads,
    };
  } catch (err) {
    nativeError = `${path} failed to load: ${(err as Error).message}`;
    return null;
  }
}

/** Why the native kernels are unavailable ('' when they loaded or were not tried yet). */
export function nativeLoadError(): string {
  return nativeError;
}

/** The kernels the engine uses by default: native when loaded, else js; ADAN_BACKEND=js|native forces one. */
export function activeKernels(): Kernels {
  const want = (process.env.ADAN_BACKEND ?? '').trim().toLowerCase();
  if (want === 'js') return jsKernels();
  if (want === 'native') {
    const k = nativeKernels();
    if (!k) throw new UserError(`ADAN_BACKEND=native but the native kernels are unavailable: ${nativeLoadError()}`);
    return k;
  }
  if (want !== '' && want !== 'auto') throw new UserError(`ADAN_BACKEND must be js, native or auto, got '${want}'`);
  return nativeKernels() ?? jsKernels();
}

/**
 * Runs fn with the active kernels' gemm on `threads` threads, then restores the count. Evaluation runs every fold on
 * one thread, in this process or in a fold worker, so its numbers do not depend on `--jobs` or the machine's cores.
 */
export async function withBlasThreads<T>(threads: number, fn: () => Promise<T>): Promise<T> {
  const kernels = activeKernels();
  const before = kernels.setThreads(threads);
  try {
    return await fn();
  } finally {
    kernels.setThreads(before);
  }
}

/** 'native' or 'js': the kernel set activeKernels() picks. */
export function backendName(): string {
  return activeKernels().name;
}

/** One line for `adan --version` and benchmark output, e.g. `native (OpenBLAS 0.3.21 ...)` or `js (...)`. */
export function backendDescription(): string {
  try {
    const k = activeKernels();
    return `${k.name} (${k.detail})`;
  } catch (err) {
    return `unavailable: ${(err as Error).message}`;
  }
}

// Fail at import, not at the first matrix product, so CI stops before any work runs on the wrong kernels.
if (nativeRequired()) nativeKernels();

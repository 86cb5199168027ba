import { activeKernels } from '../nn/index.js';
import { jsGemmNT, type GemmNT } from './gemm-nt.js';

/**
 * The A * B^T product for kernel matrices: the engine's native sgemm (OpenBLAS) when it is loaded, else our JS
 * kernel (blocked for this access pattern). ADAN_BACKEND=js forces the JS path, as for the engine.
 */
export function defaultGemmNT(): GemmNT {
  const k = activeKernels();
  if (k.name !== 'native') return jsGemmNT;
  return (m, n, kk, a, lda, b, ldb, c, ldc) => k.gemm(false, true, m, n, kk, 1, a, lda, b, ldb, 0, c, ldc);
}

/** 'native' or 'js': which dot-product path defaultGemmNT() picks (for benchmark output). */
export function gemmPathName(): string {
  return activeKernels().name;
}

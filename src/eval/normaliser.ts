import { Standardizer } from '../data/standardizer.js';
import type { FoldNormaliser } from './types.js';

/** Zero-variance removal + z-norm fitted on the given (training) rows only, so no test statistics leak in (the FoldNormaliser). */
export function fitStandardizer(x: Float32Array, rows: number, cols: number): FoldNormaliser {
  const s = new Standardizer().fit(x, rows, cols);
  return { outCols: s.outputCols, keptColumns: s.keptColumns, transform: (v: Float32Array, n: number) => s.transform(v, n) };
}

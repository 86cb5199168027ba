import type { FunctionalComponent, TimeNorm } from './types.js';

/** Outputs of cFunctionalMeans used by the supported sets, in oS output order. */
export const MEANS_OUTPUTS = ['amean', 'absmean', 'qmean', 'rqmean', 'nzamean', 'nzabsmean', 'nzqmean', 'nzrqmean', 'nnz'] as const;
export type MeansOutput = (typeof MEANS_OUTPUTS)[number];

export interface MeansConfig {
  readonly type: 'means';
  readonly outputs: readonly MeansOutput[];
  /** Normalisation of nnz: segment = fraction of frames (what IS11's F0 group uses), frame = count. */
  readonly norm?: TimeNorm;
}

/** cFunctionalMeans: amean = the shared float32 mean; qmean = mean of squares (no root). */
export function createMeans(cfg: MeansConfig): FunctionalComponent {
  const outputs = [...cfg.outputs];
  const norm = cfg.norm ?? 'segment';
  return {
    names: outputs,
    needsSorted: false,
    compute(v, out, off) {
      const x = v.x;
      const n = v.n;
      let abs = 0;
      let sq = 0;
      let nz = 0;
      let nzSum = 0;
      let nzAbs = 0;
      let nzSq = 0;
      for (let i = 0; i < n; i++) {
        const xi = x[i];
        abs += Math.abs(xi);
        sq += xi * xi;
        if (xi !== 0) {
          nz++;
          nzSum += xi;
          nzAbs += Math.abs(xi);
          nzSq += xi * xi;
        }
      }
      for (let k = 0; k < outputs.length; k++) {
        let r: number;
        switch (outputs[k]) {
          case 'amean':
            r = v.mean;
            break;
          case 'absmean':
            r = abs / n;
            break;
          case 'qmean':
            r = sq / n;
            break;
          case 'rqmean':
            r = Math.sqrt(sq / n);
            break;
          case 'nzamean':
            r = nz > 0 ? nzSum / nz : 0;
            break;
          case 'nzabsmean':
            r = nz > 0 ? nzAbs / nz : 0;
            break;
          case 'nzqmean':
            r = nz > 0 ? nzSq / nz : 0;
            break;
          case 'nzrqmean':
            r = nz > 0 ? Math.sqrt(nzSq / nz) : 0;
            break;
          case 'nnz':
            r = norm === 'frame' ? nz : norm === 'segment' ? nz / n : nz * v.period;
            break;
        }
        out[off + k] = r;
      }
    },
  };
}

import { UMAP } from 'umap-js';
import { seededRandom } from '../../util/random.js';

export interface UmapOptions {
  neighbours?: number;
  minDist?: number;
  epochs?: number;
  seed?: number;
}

/** 2-D UMAP layout (umap-js, McInnes et al. 2018) with a seeded random source: same seed, same layout. */
export function umap(x: Float32Array, n: number, d: number, options: UmapOptions = {}): Float64Array {
  const data: number[][] = Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * d, (i + 1) * d)));
  const u = new UMAP({
    nComponents: 2,
    nNeighbors: Math.max(2, Math.min(options.neighbours ?? 15, n - 1)),
    minDist: options.minDist ?? 0.1,
    nEpochs: options.epochs,
    random: seededRandom(options.seed ?? 1),
  });
  const out = u.fit(data);
  const y = new Float64Array(2 * n);
  out.forEach((p, i) => {
    y[2 * i] = p[0];
    y[2 * i + 1] = p[1];
  });
  return y;
}

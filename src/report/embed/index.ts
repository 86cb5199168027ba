import { tsne } from './tsne.js';
import { umap } from './umap.js';

export type EmbeddingMethod = 'tsne' | 'umap';

/** Row-wise z-normalisation with zero-variance columns dropped, so no single large-valued feature dominates distances. */
export function standardiseColumns(x: Float32Array, n: number, d: number): { x: Float32Array; d: number } {
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j] / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sd[j] += (x[i * d + j] - mean[j]) ** 2;
  const keep: number[] = [];
  for (let j = 0; j < d; j++) {
    sd[j] = Math.sqrt(sd[j] / Math.max(1, n - 1));
    if (sd[j] > 1e-12) keep.push(j);
  }
  const out = new Float32Array(n * keep.length);
  for (let i = 0; i < n; i++) keep.forEach((j, k) => (out[i * keep.length + k] = (x[i * d + j] - mean[j]) / sd[j]));
  return { x: out, d: keep.length };
}

/** A seeded 2-D embedding (n x 2) of standardised rows by t-SNE (own Barnes-Hut) or UMAP (umap-js). */
export function embed2d(x: Float32Array, n: number, d: number, method: EmbeddingMethod, seed: number): Float64Array {
  const z = standardiseColumns(x, n, d);
  return method === 'umap' ? umap(z.x, n, z.d, { seed }) : tsne(z.x, n, z.d, { seed, perplexity: Math.min(30, Math.max(2, (n - 1) / 3)) });
}

import { Rng } from '../nn/index.js';
import type { AdanModel } from './model.js';

/** How `perturbInLatent` moves a real row. */
export interface LatentPerturbation {
  /** Noise std per latent axis as a multiple of the axis' std over the row's class's codes. */
  scale: number;
  /** Add the decoded displacement R(E(x) + e) - R(E(x)) to the real row x (true), or return R(E(x) + e) itself. */
  residual: boolean;
}

/** Per class, the population std of each latent axis over the codes of that class's rows. */
function classCodeStd(codes: Float32Array, y: Int32Array, classes: number, latent: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let c = 0; c < classes; c++) {
    const mean = new Float64Array(latent);
    const sq = new Float64Array(latent);
    let n = 0;
    for (let r = 0; r < y.length; r++) {
      if (y[r] !== c) continue;
      n++;
      for (let j = 0; j < latent; j++) mean[j] += codes[r * latent + j];
    }
    for (let j = 0; j < latent; j++) mean[j] /= Math.max(n, 1);
    for (let r = 0; r < y.length; r++) {
      if (y[r] !== c) continue;
      for (let j = 0; j < latent; j++) sq[j] += (codes[r * latent + j] - mean[j]) ** 2;
    }
    for (let j = 0; j < latent; j++) sq[j] = Math.sqrt(sq[j] / Math.max(n, 1));
    out.push(sq);
  }
  return out;
}

/**
 * Synthetic rows around real ones in the latent space of a trained ADAN: each base row x (an index into the real
 * rows x, labels y) is encoded, moved by Gaussian noise scaled to its class's spread of codes, and decoded. With
 * `residual`, the decoded displacement is added to x itself, so the row keeps the detail the autoencoder cannot
 * reconstruct and moves only along the decoder's manifold. Because every real row is a base, the synthetic rows
 * cover the real data by construction (unlike G(z, y), which the paper's training leaves collapsed). Same seed,
 * same rows. Returns raw features and the perturbed codes.
 */
export function perturbInLatent(
  model: AdanModel,
  x: Float32Array,
  y: Int32Array,
  base: Int32Array,
  how: LatentPerturbation,
  seed: number,
): { features: Float32Array; latent: Float32Array } {
  if (!(how.scale >= 0)) throw new Error(`latent perturbation scale must be >= 0 (got ${how.scale})`);
  const rows = y.length;
  const cols = model.featureNames.length;
  const l = model.options.latent;
  const codes = model.encode(x, rows);
  const std = classCodeStd(codes, y, model.classNames.length, l);
  const n = base.length;
  const baseCodes = new Float32Array(n * l);
  const moved = new Float32Array(n * l);
  const rng = new Rng(seed).fork('latent-perturbation');
  const e = new Float32Array(l);
  for (let i = 0; i < n; i++) {
    const r = base[i];
    if (!(r >= 0 && r < rows)) throw new Error(`latent perturbation: base row ${r} outside 0..${rows - 1}`);
    rng.fillNormal(e);
    const s = std[y[r]];
    for (let j = 0; j < l; j++) {
      const h = codes[r * l + j];
      baseCodes[i * l + j] = h;
      moved[i * l + j] = h + how.scale * s[j] * e[j];
    }
  }
  const decoded = model.decode(moved, n);
  if (how.residual) {
    const recon = model.decode(baseCodes, n);
    for (let i = 0; i < n; i++) {
      const o = base[i] * cols;
      for (let j = 0; j < cols; j++) decoded[i * cols + j] += x[o + j] - recon[i * cols + j];
    }
  }
  return { features: decoded, latent: moved };
}

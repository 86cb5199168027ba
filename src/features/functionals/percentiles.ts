import type { FunctionalComponent } from './types.js';

export interface PercentilesConfig {
  readonly type: 'percentiles';
  /** quartile1..3 outputs. */
  readonly quartiles?: boolean;
  /** iqr1-2, iqr2-3, iqr1-3 outputs. */
  readonly iqr?: boolean;
  /** Percentiles in [0,1], output as `percentile<100p %.1f>`. */
  readonly percentiles?: readonly number[];
  /** Ranges |P[b] - P[a]| between entries of `percentiles`, named `pctlrange<a>-<b>`. */
  readonly ranges?: readonly (readonly [number, number])[];
  /** Linear interpolation between order statistics (all sets here use 1). */
  readonly interp?: boolean;
}

/** cFunctionalPercentiles: float32 interpolation `s[i1]*f32(i2-idx) + s[i2]*f32(idx-i1)`. */
export function interpPercentile(sorted: Float32Array, n: number, p: number): number {
  const idx = p * (n - 1);
  let i1 = Math.floor(idx);
  let i2 = Math.ceil(idx);
  if (i1 < 0) i1 = 0;
  if (i2 < 0) i2 = 0;
  if (i1 >= n) i1 = n - 1;
  if (i2 >= n) i2 = n - 1;
  if (i1 === i2) return sorted[i1];
  const w1 = Math.fround(idx - i1);
  const w2 = Math.fround(i2 - idx);
  return Math.fround(Math.fround(sorted[i1] * w2) + Math.fround(sorted[i2] * w1));
}

function nearestPercentile(sorted: Float32Array, n: number, p: number): number {
  let i = Math.round(p * (n - 1));
  if (i < 0) i = 0;
  if (i >= n) i = n - 1;
  return sorted[i];
}

/** oS prints percentile names with `%.1f` of 100p. */
export function percentileName(p: number): string {
  return `percentile${(p * 100).toFixed(1)}`;
}

export function createPercentiles(cfg: PercentilesConfig): FunctionalComponent {
  const pct = [...(cfg.percentiles ?? [])];
  const ranges = [...(cfg.ranges ?? [])];
  for (const [a, b] of ranges) {
    if (a < 0 || b < 0 || a >= pct.length || b >= pct.length || a === b) {
      throw new Error(`percentile range ${a}-${b} does not reference two distinct percentiles`);
    }
  }
  const names: string[] = [];
  if (cfg.quartiles) names.push('quartile1', 'quartile2', 'quartile3');
  if (cfg.iqr) names.push('iqr1-2', 'iqr2-3', 'iqr1-3');
  for (const p of pct) names.push(percentileName(p));
  for (const [a, b] of ranges) names.push(`pctlrange${a}-${b}`);
  const interp = cfg.interp ?? true;
  const get = interp ? interpPercentile : nearestPercentile;
  const pv = new Float32Array(pct.length);
  return {
    names,
    needsSorted: true,
    compute(v, out, off) {
      let k = off;
      const q1 = get(v.sorted, v.n, 0.25);
      const q2 = get(v.sorted, v.n, 0.5);
      const q3 = get(v.sorted, v.n, 0.75);
      if (cfg.quartiles) {
        out[k++] = q1;
        out[k++] = q2;
        out[k++] = q3;
      }
      if (cfg.iqr) {
        out[k++] = q2 - q1;
        out[k++] = q3 - q2;
        out[k++] = q3 - q1;
      }
      for (let i = 0; i < pct.length; i++) {
        pv[i] = get(v.sorted, v.n, pct[i]);
        out[k++] = pv[i];
      }
      for (const [a, b] of ranges) out[k++] = Math.abs(pv[b] - pv[a]);
    },
  };
}

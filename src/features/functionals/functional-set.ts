/**
 * A configured list of functionals applied to contours (cFunctionals: min, max and the float32 mean are computed once
 * per contour and shared by all sub-components).
 *
 * nonZero (nonZeroFuncts=1): exact zeros are removed before anything else; a contour with
 * nothing left gives 0 for every output (as cFunctionals does).
 */
import type { Level } from '../dsp/level.js';
import { createExtremes, type ExtremesConfig } from './extremes.js';
import { createLpc, type LpcConfig } from './lpc.js';
import { createMeans, type MeansConfig } from './means.js';
import { createMoments, type MomentsConfig } from './moments.js';
import { createOnset, type OnsetConfig } from './onset.js';
import { createPeaks, type PeaksConfig } from './peaks.js';
import { createPeaks2, type Peaks2Config } from './peaks2.js';
import { createPercentiles, type PercentilesConfig } from './percentiles.js';
import { createRegression, type RegressionConfig } from './regression.js';
import { createSegments, type SegmentsConfig } from './segments.js';
import { createTimes, type TimesConfig } from './times.js';
import type { ContourView, FunctionalComponent } from './types.js';

export type FunctionalConfig =
  | ExtremesConfig
  | MeansConfig
  | MomentsConfig
  | PercentilesConfig
  | RegressionConfig
  | TimesConfig
  | OnsetConfig
  | PeaksConfig
  | Peaks2Config
  | SegmentsConfig
  | LpcConfig;

export interface FunctionalSetOptions {
  /** nonZeroFuncts=1: drop exact zeros from each contour first. */
  readonly nonZero?: boolean;
  /** Frame period in seconds (default 0.01: the 10 ms hop of every LLD level). */
  readonly period?: number;
}

/** A configured cFunctionals instance. */
export interface FunctionalSet {
  /** Output names without contour prefix, in output order. */
  readonly names: readonly string[];
  /** All outputs for contour x[0..n-1] into out[off .. off+names.length). */
  apply(x: Float32Array, n: number, out: Float32Array, off: number): void;
  /**
   * Every column of `level` (first `frames` frames), column by column (the oS order: contour-major);
   * returns the next offset.
   */
  applyToLevel(level: Level, frames: number, out: Float32Array, off: number): number;
  /** `<contour>_<functional>` for each contour, contour-major. */
  namesFor(contours: readonly string[]): string[];
}

export function createComponent(cfg: FunctionalConfig): FunctionalComponent {
  switch (cfg.type) {
    case 'extremes':
      return createExtremes(cfg);
    case 'means':
      return createMeans(cfg);
    case 'moments':
      return createMoments(cfg);
    case 'percentiles':
      return createPercentiles(cfg);
    case 'regression':
      return createRegression(cfg);
    case 'times':
      return createTimes(cfg);
    case 'onset':
      return createOnset(cfg);
    case 'peaks':
      return createPeaks(cfg);
    case 'peaks2':
      return createPeaks2(cfg);
    case 'segments':
      return createSegments(cfg);
    case 'lpc':
      return createLpc(cfg);
  }
}

class ConfiguredFunctionals implements FunctionalSet {
  readonly names: readonly string[];
  private readonly comps: FunctionalComponent[];
  private readonly needsSorted: boolean;
  private readonly nonZero: boolean;
  private readonly period: number;
  private buf = new Float32Array(1024);
  private sortBuf = new Float32Array(1024);

  constructor(configs: readonly FunctionalConfig[], opts: FunctionalSetOptions) {
    this.comps = configs.map(createComponent);
    this.names = this.comps.flatMap((c) => c.names);
    this.needsSorted = this.comps.some((c) => c.needsSorted);
    this.nonZero = opts.nonZero ?? false;
    this.period = opts.period ?? 0.01;
  }

  private ensure(n: number): void {
    if (this.buf.length < n) {
      this.buf = new Float32Array(n * 2);
      this.sortBuf = new Float32Array(n * 2);
    }
  }

  apply(x: Float32Array, n: number, out: Float32Array, off: number): void {
    this.ensure(n);
    const buf = this.buf;
    let m = 0;
    if (this.nonZero) {
      for (let i = 0; i < n; i++) if (x[i] !== 0) buf[m++] = x[i];
    } else {
      buf.set(x.subarray(0, n));
      m = n;
    }
    this.run(m, out, off);
  }

  applyToLevel(level: Level, frames: number, out: Float32Array, off: number): number {
    const { dims, data } = level;
    if (frames > level.frames) throw new Error(`applyToLevel: ${frames} frames requested, level has ${level.frames}`);
    this.ensure(frames);
    const buf = this.buf;
    const width = this.names.length;
    for (let d = 0; d < dims; d++) {
      let m = 0;
      if (this.nonZero) {
        for (let t = 0; t < frames; t++) {
          const v = data[t * dims + d];
          if (v !== 0) buf[m++] = v;
        }
      } else {
        for (let t = 0; t < frames; t++) buf[t] = data[t * dims + d];
        m = frames;
      }
      this.run(m, out, off);
      off += width;
    }
    return off;
  }

  private run(n: number, out: Float32Array, off: number): void {
    const width = this.names.length;
    if (n <= 0) {
      out.fill(0, off, off + width);
      return;
    }
    const x = this.buf;
    let min = x[0];
    let max = x[0];
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    let sorted = this.sortBuf.subarray(0, 0);
    if (this.needsSorted) {
      sorted = this.sortBuf.subarray(0, n);
      sorted.set(x.subarray(0, n));
      sorted.sort();
    }
    const view: ContourView = { x, n, sorted, min, max, mean: Math.fround(sum / n), period: this.period };
    let k = off;
    for (const c of this.comps) {
      c.compute(view, out, k);
      k += c.names.length;
    }
  }

  namesFor(contours: readonly string[]): string[] {
    const out: string[] = [];
    for (const c of contours) for (const fn of this.names) out.push(`${c}_${fn}`);
    return out;
  }
}

/** Builds a FunctionalSet from its functionals, in output order. */
export function createFunctionalSet(configs: readonly FunctionalConfig[], opts: FunctionalSetOptions = {}): FunctionalSet {
  return new ConfiguredFunctionals(configs, opts);
}

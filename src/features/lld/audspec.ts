/**
 * Auditory spectrum and RASTA-filtered auditory spectrum (cPlp with doAud=1, no IDFT/LP: the output is the
 * 26-band auditory spectrum of IS11's power mel spectrum).
 */
const f = Math.fround;

/** smileDsp_equalLoudnessWeight at fHz (a modified Hermansky curve: w⁷ + 1.7e31 in the denominator). */
export function equalLoudnessWeight(fHz: number): number {
  const w = 2 * Math.PI * fHz;
  const w2 = w * w;
  const c = w2 + 6.3e6;
  return (1e32 * (w2 + 56.8e6) * w2 * w2) / (c * c * (w2 + 0.38e9) * (w2 * w2 * w2 * w + 1.7e31));
}

export interface AudSpecOptions {
  /** Intensity-loudness compression exponent (0.33). */
  compression?: number;
  /** Floor of the mel band energies (cPlp melfloor default 9.3e-10). */
  melFloor?: number;
  /** Frame period in seconds for the RASTA filter design (0.01). */
  framePeriod?: number;
}

/** Auditory spectrum without RASTA; one per mel filterbank (band centres from MelFilterbank). */
export class AuditorySpectrum {
  private readonly E: Float64Array;
  private readonly comp: number;
  private readonly floor: number;

  constructor(centerFreqs: Float64Array, opts: AudSpecOptions = {}) {
    this.E = centerFreqs.map(equalLoudnessWeight);
    this.comp = opts.compression ?? 0.33;
    this.floor = opts.melFloor ?? 9.3e-10;
  }

  /** A[m] = (max(B[m], floor)·E[m])^0.33 for mel band energies B; writes into `out` and returns it. */
  plain(bands: Float32Array, out: Float32Array): Float32Array {
    const { E, comp, floor } = this;
    for (let m = 0; m < E.length; m++) out[m] = Math.pow(Math.max(bands[m], floor) * E[m], comp);
    return out;
  }
}

/** RASTA-filtered auditory spectrum; the filter state is per file: call reset() before a new file. */
export class RastaAuditorySpectrum {
  private readonly logE: Float64Array;
  private readonly comp: number;
  private readonly floor: number;
  private readonly b: Float64Array;
  private readonly a: number;
  /** 4 transposed-direct-form states per band. */
  private readonly s: Float64Array;
  private count = 0;

  constructor(centerFreqs: Float64Array, opts: AudSpecOptions = {}) {
    this.logE = centerFreqs.map((fc) => Math.log(equalLoudnessWeight(fc)));
    this.comp = opts.compression ?? 0.33;
    this.floor = opts.melFloor ?? 9.3e-10;
    const T = opts.framePeriod ?? 0.01;
    // cPlp newRASTA: band pass 1..29 Hz
    this.a = 1 - Math.sin(2 * Math.PI * 1 * T);
    const om = Math.cos(2 * Math.PI * 29 * T);
    const g = Math.sqrt(10 * (32 * om * om + 8));
    this.b = Float64Array.from([2 / g, (-4 * om) / g, 0, (4 * om) / g, -2 / g]);
    this.s = new Float64Array(4 * centerFreqs.length);
  }

  /** Clears the filter states and the warm-up count (the first 5 frames after it give E[m]^0.33). */
  reset(): void {
    this.s.fill(0);
    this.count = 0;
  }

  /** Rfilt[m] = exp(0.33·(R[m] + ln E[m])) with R = RASTA(ln B), 0 for the first 5 frames; writes into `out`. */
  next(bands: Float32Array, out: Float32Array): Float32Array {
    const { logE, comp, floor, b, a, s } = this;
    const warm = this.count >= 5;
    for (let m = 0; m < logE.length; m++) {
      const B = bands[m];
      const x = B >= floor ? Math.log(B) : Math.log(floor);
      const o = 4 * m;
      const y = b[0] * x + s[o];
      s[o] = b[1] * x + s[o + 1] + (warm ? a * y : 0);
      s[o + 1] = b[2] * x + s[o + 2];
      s[o + 2] = b[3] * x + s[o + 3];
      s[o + 3] = b[4] * x;
      const R = warm ? y : 0;
      out[m] = Math.exp(comp * (R + logE[m]));
    }
    if (this.count < 5) this.count++;
    return out;
  }
}

/** cVectorOperation ll1 as configured: the arithmetic mean Σ x / n (float32). */
export function l1Mean(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return f(s / x.length);
}

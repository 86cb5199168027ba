/**
 * MFCC (cMfcc): c_i = sqrt(2/M)·lift_i·Σ_m ln(max(B_m, floor))·cos(πi(m+0.5)/M).
 * The IS10 variant is { first 0, last 14, htkCompatible false } (floor 1e−8); IS11's (MFCC 1..12, HTK-compatible) is
 * { first 1, last 12, htkCompatible true } (floor 1.0, bands already scaled by 32767² in MelFilterbank).
 */
/** cMfcc parameters: band count, coefficient range, cepstral lifter, HTK compatibility, optional floor. */
export interface MfccOptions {
  nBands: number;
  firstMfcc: number;
  lastMfcc: number;
  cepLifter: number;
  htkCompatible: boolean;
  melFloor?: number;
}

/** A DCT-II with liftering from mel band energies to cepstral coefficients. */
export class Mfcc {
  readonly nCoeffs: number;
  private readonly cos: Float64Array;
  private readonly floor: number;
  private readonly logs: Float64Array;
  private readonly M: number;

  constructor(opts: MfccOptions) {
    const M = opts.nBands;
    this.M = M;
    this.nCoeffs = opts.lastMfcc - opts.firstMfcc + 1;
    this.floor = opts.melFloor ?? (opts.htkCompatible ? 1.0 : 1e-8);
    this.cos = new Float64Array(this.nCoeffs * M);
    const norm = Math.sqrt(2 / M);
    for (let j = 0; j < this.nCoeffs; j++) {
      const i = opts.firstMfcc + j;
      const lift = i === 0 || opts.cepLifter <= 0 ? 1 : 1 + (opts.cepLifter / 2) * Math.sin((Math.PI * i) / opts.cepLifter);
      for (let m = 0; m < M; m++) this.cos[j * M + m] = norm * lift * Math.cos((Math.PI * i * (m + 0.5)) / M);
    }
    this.logs = new Float64Array(M);
  }

  /** bands = mel band energies (nBands); writes nCoeffs values (float32) into out. */
  apply(bands: Float32Array, out: Float32Array): Float32Array {
    const { M, logs, cos } = this;
    for (let m = 0; m < M; m++) logs[m] = Math.log(Math.max(bands[m], this.floor));
    for (let j = 0; j < this.nCoeffs; j++) {
      let s = 0;
      for (let m = 0; m < M; m++) s += logs[m] * cos[j * M + m];
      out[j] = s;
    }
    return out;
  }
}

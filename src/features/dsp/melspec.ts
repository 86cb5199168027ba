/**
 * Mel filterbank (cMelspec): triangular bands with peak 1 on the mel scale mel(f) = 1127·ln(1+f/700).
 */
/** cMelspec parameters: band count, frequency range, power or magnitude input, HTK scaling. */
export interface MelOptions {
  nBands: number;
  loFreq: number;
  hiFreq: number;
  usePower: boolean;
  htkCompatible: boolean;
}

/** mel(f) = 1127·ln(1 + f/700). */
export function melScale(f: number): number {
  return 1127 * Math.log(1 + f / 700);
}

/** Precomputed weights for one FFT size / sample rate. */
export class MelFilterbank {
  readonly nBands: number;
  /** Band centres in Hz (used by the auditory spectrum). */
  readonly centerFreqs: Float64Array;
  private readonly bins: Int32Array;
  private readonly wFall: Float64Array; // weight of bin into band k-2
  private readonly bandFall: Int32Array;
  private readonly bandRise: Int32Array;
  private readonly usePower: boolean;
  private readonly scale: number;
  private readonly acc: Float64Array;

  constructor(opts: MelOptions, nfft: number, fs: number) {
    const M = opts.nBands;
    this.nBands = M;
    this.usePower = opts.usePower;
    this.scale = opts.htkCompatible ? (opts.usePower ? 32767 * 32767 : 32767) : 1;
    let lo = opts.loFreq;
    let hi = opts.hiFreq;
    // cMelspec's edge rule: an invalid hifreq becomes fs/2, then a lofreq < 0, > fs/2 or > hifreq becomes 0
    if (hi <= 0 || hi > fs / 2) hi = fs / 2;
    if (lo < 0 || lo > fs / 2 || lo > hi) lo = 0;
    const F0 = fs / nfft;
    const f = Math.fround;
    const LoF = f(melScale(lo));
    const HiF = f(melScale(hi));
    const c = new Float64Array(M + 2);
    for (let m = 0; m <= M + 1; m++) c[m] = LoF + (m * (HiF - LoF)) / (M + 1);
    this.centerFreqs = new Float64Array(M);
    for (let m = 1; m <= M; m++) this.centerFreqs[m - 1] = 700 * (Math.exp(c[m] / 1127) - 1);
    const nLo = Math.round(lo / F0);
    const nHi = Math.round(hi / F0);
    const bins: number[] = [];
    const wf: number[] = [];
    const bf: number[] = [];
    const br: number[] = [];
    for (let n = nLo + 1; n < nHi && n <= nfft / 2; n++) {
      const mm = melScale(n * F0);
      let k = 0;
      while (k <= M + 1 && c[k] < mm) k++;
      if (k === 0 || k > M + 1) continue;
      const w = (c[k] - mm) / (c[k] - c[k - 1]);
      bins.push(n);
      wf.push(w);
      bf.push(k - 2 >= 0 ? k - 2 : -1);
      br.push(k - 1 < M ? k - 1 : -1);
    }
    this.bins = Int32Array.from(bins);
    this.wFall = Float64Array.from(wf);
    this.bandFall = Int32Array.from(bf);
    this.bandRise = Int32Array.from(br);
    this.acc = new Float64Array(M);
  }

  /** mag = |X_k|, k = 0..nfft/2; writes nBands values (float32) into out. */
  apply(mag: Float32Array, out: Float32Array): Float32Array {
    const { acc, bins, wFall, bandFall, bandRise, usePower } = this;
    acc.fill(0);
    for (let j = 0; j < bins.length; j++) {
      const x = mag[bins[j]];
      const p = usePower ? x * x : x;
      const w = wFall[j];
      if (bandFall[j] >= 0) acc[bandFall[j]] += w * p;
      if (bandRise[j] >= 0) acc[bandRise[j]] += (1 - w) * p;
    }
    for (let m = 0; m < this.nBands; m++) out[m] = acc[m] * this.scale;
    return out;
  }
}

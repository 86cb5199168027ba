/**
 * Harmonics-based voice quality descriptors of eGeMAPS (cHarmonics, `src/lld/harmonics.cpp`), computed
 * from the 60 ms Gaussian-windowed magnitude spectrum and the (Viterbi, energy-gated) F0 in Hz.
 *
 * API:
 *   class Harmonics(nMag, fs)
 *     .hnrDb(mag, f0): number        HNRdBACF: 10·log10(r[T0] / (r[0] - r[T0])) from the ACF of |X|², T0 = nearest
 *                                    ACF peak to floor(fs/F0); clipped to [-90, 110] dB; 0 when unvoiced
 *     .h1h2(mag, f0): number         logRelF0-H1-H2 as openSMILE computes it: "H1"/"H2" are harmonic indices
 *                                    1 and 2 of its 0-based list, i.e. the peaks near 2·F0 and 3·F0, each in dB
 *                                    relative to the peak near F0 (parabola-interpolated levels); 0 when unvoiced
 */
import { quadFrom3pts } from '../dsp/parabola.js';
import { SpectralAcf } from './acf.js';

function isPeak(x: Float32Array, N: number, n: number): boolean {
  if (n >= N || n < 0) return false;
  if (n + 1 < N) {
    if (n > 0) return x[n] > x[n - 1] && x[n] > x[n + 1];
    return x[0] > x[1];
  }
  return n > 0 && x[n] > x[n - 1];
}

export class Harmonics {
  private readonly nMag: number;
  private readonly frq: Float64Array;
  private readonly acf: SpectralAcf;
  private readonly r: Float32Array;
  private readonly fsFull: number;

  constructor(nMag: number, fs: number) {
    this.nMag = nMag;
    const df = fs / ((nMag - 1) * 2);
    this.frq = new Float64Array(nMag);
    for (let k = 0; k < nMag; k++) this.frq[k] = k * df;
    this.fsFull = this.frq[nMag - 1] * 2;
    this.acf = new SpectralAcf(nMag, true);
    this.r = new Float32Array(nMag);
  }

  /** Nearest local maximum of x around idx (cHarmonics::getClosestPeak). */
  private closestPeak(x: Float32Array, N: number, idx: number): number {
    if (isPeak(x, N, idx)) return idx;
    for (let o = 1; idx - o > 0 || idx + o < N - 1; o++) {
      if (idx - o > 0 && isPeak(x, N, idx - o)) return idx - o;
      if (idx + o < N - 1 && isPeak(x, N, idx + o)) return idx + o;
    }
    if (x[0] > x[idx] && x[N - 1] <= x[idx]) return 0;
    if (x[0] <= x[idx] && x[N - 1] > x[idx]) return N - 1;
    if (x[0] > x[idx] && x[N - 1] > x[idx]) return idx < N / 2 ? 0 : N - 1;
    return idx;
  }

  hnrDb(mag: Float32Array, f0: number): number {
    const bin = f0 > 0 ? Math.floor(this.fsFull / f0) : 0;
    if (bin <= 0) return 0;
    const a = this.acf.acf(mag, this.r);
    const t0 = this.closestPeak(a, this.nMag, bin);
    if (t0 <= 0) return 0;
    let h = a[0] - a[t0];
    h = h === 0 ? 10e10 : a[t0] / h;
    if (h > 10e10) return Math.fround(10 * Math.log10(10e10));
    if (h < 10e-10) return Math.fround(10 * Math.log10(10e-10));
    return Math.fround(10 * Math.log10(h));
  }

  /** cHarmonics::freqToBin: nearest bin to freq, searching upwards from startBin (0 if beyond the axis). */
  private freqToBin(freq: number, startBin: number): number {
    const { frq, nMag } = this;
    for (let b = startBin; b < nMag; b++) {
      if (frq[b] > freq) return frq[b] - freq > freq - frq[b - 1] ? b - 1 : b;
    }
    return 0;
  }

  h1h2(mag: Float32Array, f0In: number): number {
    const f0 = Math.fround(f0In);
    if (!(f0 > 0)) return 0;
    const N = this.nMag;
    let lastBin = this.freqToBin(Math.fround(0.5 * f0), 1);
    const firstBin = this.freqToBin(Math.fround(0.5 * f0), lastBin);
    const NH = 3;
    const bins = [0, 0, 0];
    const mags = [0, 0, 0];
    const interp = [0, 0, 0];
    for (let i = 0; i < NH; i++) {
      const cand = this.freqToBin(Math.fround((i + 1) * f0), lastBin);
      let peak = -1;
      if (isPeak(mag, N, cand)) peak = cand;
      else {
        let L = cand - 1;
        let R = cand + 1;
        const lower = this.freqToBin(Math.fround((i + 0.5) * f0), lastBin);
        const upper = this.freqToBin(Math.fround((i + 1.5) * f0), cand);
        while ((L >= lower || R <= upper) && peak === -1) {
          if (R <= upper) {
            if (isPeak(mag, N, R)) { peak = R; break; }
            R++;
          }
          if (L >= lower) {
            if (isPeak(mag, N, L)) { peak = L; break; }
            L--;
          }
        }
      }
      if (peak >= firstBin && peak < N - 1 && peak >= 1) {
        bins[i] = peak;
        mags[i] = mag[peak];
        const [, y] = quadFrom3pts(this.frq[peak - 1], mag[peak - 1], this.frq[peak], mag[peak], this.frq[peak + 1], mag[peak + 1]);
        interp[i] = Math.fround(y);
      } else {
        bins[i] = cand;
      }
      lastBin = cand;
    }
    // log magnitudes relative to the first harmonic's (uninterpolated) peak; duplicates of the previous
    // harmonic's bin are removed (cHarmonics::postProcessHarmonics)
    const rel = [0, 0, 0];
    const logF0 = mags[0] === 0 ? 0 : Math.fround(Math.log10(mags[0]));
    for (let i = 1; i < NH; i++) {
      if (mags[0] === 0) rel[i] = -201;
      else if (interp[i] > 0) rel[i] = Math.max(-200, Math.fround(20 * (Math.log10(interp[i]) - logF0)));
      else rel[i] = -200;
      if (bins[i] === bins[i - 1]) {
        rel[i] = -201;
        bins[i] = 0;
      }
    }
    const d = Math.fround(rel[1] - rel[2]);
    return Math.min(201, Math.max(-201, d));
  }
}

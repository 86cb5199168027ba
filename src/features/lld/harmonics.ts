/**
 * Harmonics-based voice quality descriptors of eGeMAPS (cHarmonics, `src/lld/harmonics.cpp`), computed
 * from the 60 ms Gaussian-windowed magnitude spectrum and the (Viterbi, energy-gated) F0 in Hz.
 */
import { quadFrom3pts } from '../dsp/parabola.js';
import { SpectralAcf } from './acf.js';

/** cHarmonics nHarmonics in the GeMAPS config. */
const N_HARMONICS = 100;

function isPeak(x: Float32Array, N: number, n: number): boolean {
  if (n >= N || n < 0) return false;
  if (n + 1 < N) {
    if (n > 0) return x[n] > x[n - 1] && x[n] > x[n + 1];
    return x[0] > x[1];
  }
  return n > 0 && x[n] > x[n - 1];
}

/** cHarmonics HNR and voice quality from one frame's magnitude spectrum (nMag bins at fs) and its F0. */
export class Harmonics {
  private readonly nMag: number;
  private readonly frq: Float64Array;
  private readonly acf: SpectralAcf;
  private readonly r: Float32Array;
  private readonly fsFull: number;
  private readonly bins = new Int32Array(N_HARMONICS);
  private readonly mags = new Float32Array(N_HARMONICS);
  private readonly magI = new Float32Array(N_HARMONICS);
  private readonly freqI = new Float32Array(N_HARMONICS);
  private readonly rel = new Float32Array(N_HARMONICS);

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

  /**
   * HNRdBACF: 10·log10(r[T0] / (r[0] - r[T0])) from the ACF of |X|², T0 = nearest ACF peak to floor(fs/F0);
   * clipped to [-90, 110] dB; 0 when unvoiced.
   */
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

  /**
   * Harmonic peaks (cHarmonics::findHarmonicPeaks, nonlinear-axis branch, then postProcessHarmonics) for
   * harmonics 1..nHarmonics of f0: bins, peak magnitudes, parabola-interpolated frequencies and levels in dB
   * relative to the first harmonic's peak (-200 floor, -201 for duplicates / no reference).
   */
  private findHarmonics(mag: Float32Array, f0: number): void {
    const N = this.nMag;
    const { bins, mags, freqI, rel } = this;
    let lastBin = this.freqToBin(Math.fround(0.5 * f0), 1);
    const firstBin = this.freqToBin(Math.fround(0.5 * f0), lastBin);
    for (let i = 0; i < N_HARMONICS; i++) {
      const cand = this.freqToBin(Math.fround((i + 1) * f0), lastBin);
      if (cand === 0 && i > 0) {
        // beyond the frequency axis: openSMILE's search finds no peak here nor for any later harmonic
        // (all get bin 0, magnitude 0), so fill them directly instead of rescanning the axis each time
        for (let k = i; k < N_HARMONICS; k++) {
          bins[k] = 0;
          mags[k] = 0;
          freqI[k] = 0;
          this.magI[k] = 0;
        }
        break;
      }
      let peak = -1;
      if (isPeak(mag, N, cand)) peak = cand;
      else {
        let L = cand - 1;
        let R = cand + 1;
        const lower = this.freqToBin(Math.fround((i + 0.5) * f0), lastBin);
        const upper = this.freqToBin(Math.fround((i + 1.5) * f0), cand);
        while ((L >= lower || R <= upper) && peak === -1) {
          if (R <= upper) {
            if (isPeak(mag, N, R)) {
              peak = R;
              break;
            }
            R++;
          }
          if (L >= lower) {
            if (isPeak(mag, N, L)) {
              peak = L;
              break;
            }
            L--;
          }
        }
      }
      if (peak >= firstBin && peak < N - 1 && peak >= 1) {
        bins[i] = peak;
        mags[i] = mag[peak];
        const [x, y] = quadFrom3pts(this.frq[peak - 1], mag[peak - 1], this.frq[peak], mag[peak], this.frq[peak + 1], mag[peak + 1]);
        freqI[i] = Math.fround(x);
        this.magI[i] = Math.fround(y);
      } else {
        bins[i] = cand;
        mags[i] = 0;
        freqI[i] = 0;
        this.magI[i] = 0;
      }
      lastBin = cand;
    }
    rel[0] = 0;
    const ok = mags[0] !== 0;
    const logF0 = ok ? Math.fround(Math.log10(mags[0])) : 0;
    for (let i = 1; i < N_HARMONICS; i++) {
      if (!ok) rel[i] = -201;
      else if (this.magI[i] > 0) rel[i] = Math.max(-200, Math.fround(20 * (Math.log10(this.magI[i]) - logF0)));
      else rel[i] = -200;
      if (bins[i] === bins[i - 1]) {
        bins[i] = 0;
        freqI[i] = 0;
        mags[i] = 0;
        this.magI[i] = 0;
        rel[i] = -201;
      }
    }
  }

  /** Harmonic with the largest peak within ±20 % of a formant frequency (-1 if none). */
  private formantHarmonic(fc: number): number {
    const fL = Math.fround(Math.fround(0.8) * Math.fround(fc));
    const fR = Math.fround(Math.fround(1.2) * Math.fround(fc));
    let maxIdx = -1;
    let maxMag = 0;
    for (let h = 0; h < N_HARMONICS; h++) {
      if (this.freqI[h] >= fL && this.freqI[h] <= fR && this.mags[h] > maxMag) {
        maxIdx = h;
        maxMag = this.mags[h];
      }
    }
    return maxIdx;
  }

  /**
   * Voice quality from the harmonics of one frame (out = [H1-H2, H1-A3, A1, A2, A3], in dB):
   * "H1"/"H2" are harmonic indices 1 and 2 of openSMILE's 0-based list (the peaks near 2·F0 and 3·F0),
   * "A3" the harmonic that is strongest near F3; A1-A3 are the formant amplitudes relative to the F0 peak
   * (0 if no harmonic is near the formant). Unvoiced frames: differences 0, amplitudes -201 (openSMILE's
   * logRelValueFloorUnvoiced, which eGeMAPS averages in).
   */
  voiceQuality(mag: Float32Array, f0In: number, formants: ArrayLike<number>, out: Float64Array): Float64Array {
    const f0 = Math.fround(f0In);
    if (!(f0 > 0)) {
      out[0] = 0;
      out[1] = 0;
      out[2] = out[3] = out[4] = -201;
      return out;
    }
    this.findHarmonics(mag, f0);
    const rel = this.rel;
    const clip = (v: number): number => Math.min(201, Math.max(-201, Math.fround(v)));
    out[0] = clip(rel[1] - rel[2]);
    const a3 = this.formantHarmonic(formants[2]);
    out[1] = a3 >= 0 ? clip(rel[1] - rel[a3]) : clip(rel[1] - 201);
    for (let k = 0; k < 3; k++) {
      const h = this.formantHarmonic(formants[k]);
      out[2 + k] = h >= 0 ? rel[h] : 0;
    }
    return out;
  }
}

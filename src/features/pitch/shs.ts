/**
 * Sub-harmonic summation pitch candidates (cPitchShs: harmonics of the octave spectrum summed with compressed
 * weights, peaks refined by a parabola) and candidate post-processing (cPitchBase: out-of-range candidates removed,
 * best score moved to slot 0).
 */
import { quadFrom3pts } from '../dsp/parabola.js';

/** The cPitchShs/cPitchBase parameters. */
export interface ShsOptions {
  nCandidates: number;
  nHarmonics: number;
  compressionFactor: number;
  greedyPeakAlgo: boolean;
  minPitch: number;
  maxPitch: number;
}

/** Pitch candidates of one frame: n valid, arrays of length nCandidates. */
export interface PitchCandidates {
  n: number;
  f0: Float32Array;
  voicing: Float32Array;
  score: Float32Array;
}

/** Allocates an empty PitchCandidates for nCandidates candidates. */
export function makeCandidates(nCandidates: number): PitchCandidates {
  return { n: 0, f0: new Float32Array(nCandidates), voicing: new Float32Array(nCandidates), score: new Float32Array(nCandidates) };
}

const f32 = Math.fround;

/** SHS pitch candidates from an octave spectrum. */
export class Shs {
  private readonly opts: ShsOptions;
  private readonly N: number;
  private readonly shifts: Int32Array;
  private readonly scales: Float64Array;
  private readonly fmint: number;
  private readonly fstept: number;
  private readonly SS: Float32Array;
  private readonly idx: Float64Array;
  private readonly sc: Float64Array;

  /** spec = the OctaveSpectrum's geometry: nPoints and its float32 metadata ppo, fminT, fmaxT. */
  constructor(opts: ShsOptions, spec: { nPoints: number; ppo: number; fminT: number; fmaxT: number }) {
    this.opts = opts;
    this.N = spec.nPoints;
    this.fmint = spec.fminT;
    // float32 difference, then float32 division (cPitchShs: Fstept = (_fmaxt-_fmint)/(FLOAT_DMEM)(nInput_-1))
    this.fstept = f32(f32(spec.fmaxT - spec.fminT) / (this.N - 1));
    const H = opts.nHarmonics;
    this.shifts = new Int32Array(H + 1);
    this.scales = new Float64Array(H + 1);
    let scale = f32(opts.compressionFactor);
    for (let h = 2; h <= H; h++) {
      this.shifts[h] = Math.floor(spec.ppo * (Math.log(h) / Math.log(2)));
      this.scales[h] = scale;
      scale = f32(scale * opts.compressionFactor);
    }
    this.SS = new Float32Array(this.N);
    this.idx = new Float64Array(opts.nCandidates);
    this.sc = new Float64Array(opts.nCandidates);
  }

  /** Candidates of one octave spectrum, after min/max pitch removal and best-score swap; fills and returns out. */
  apply(input: Float32Array, out: PitchCandidates): PitchCandidates {
    const { N, SS, opts, idx, sc } = this;
    const nC = opts.nCandidates;
    // SS[m] = in[m] + Σ_h in[m + shift_h]·c^(h−1), summed per bin in harmonic order (the same float32
    // operation sequence as oS's harmonic-major loop, but with the running sum in a register)
    const H = opts.nHarmonics;
    const { shifts, scales } = this;
    let ssSum = 0;
    let j = 0;
    // four bins at a time: four independent float32 chains instead of one latency-bound chain
    for (; j + 3 < N; j += 4) {
      let a0 = input[j];
      let a1 = input[j + 1];
      let a2 = input[j + 2];
      let a3 = input[j + 3];
      for (let h = 2; h <= H; h++) {
        const bin = j + shifts[h];
        const scale = scales[h];
        if (bin + 3 < N) {
          a0 = f32(a0 + f32(input[bin] * scale));
          a1 = f32(a1 + f32(input[bin + 1] * scale));
          a2 = f32(a2 + f32(input[bin + 2] * scale));
          a3 = f32(a3 + f32(input[bin + 3] * scale));
        } else {
          if (bin < N) a0 = f32(a0 + f32(input[bin] * scale));
          if (bin + 1 < N) a1 = f32(a1 + f32(input[bin + 1] * scale));
          if (bin + 2 < N) a2 = f32(a2 + f32(input[bin + 2] * scale));
          if (bin >= N) break; // shifts grow with h
        }
      }
      const v0 = Math.max(f32(a0 / H), 0);
      const v1 = Math.max(f32(a1 / H), 0);
      const v2 = Math.max(f32(a2 / H), 0);
      const v3 = Math.max(f32(a3 / H), 0);
      SS[j] = v0;
      SS[j + 1] = v1;
      SS[j + 2] = v2;
      SS[j + 3] = v3;
      ssSum += v0;
      ssSum += v1;
      ssSum += v2;
      ssSum += v3;
    }
    for (; j < N; j++) {
      let acc = input[j];
      for (let h = 2; h <= H; h++) {
        const bin = j + shifts[h];
        if (bin >= N) break;
        acc = f32(acc + f32(input[bin] * scales[h]));
      }
      const v = Math.max(f32(acc / H), 0);
      SS[j] = v;
      ssSum += v;
    }
    const ssMean = ssSum / N;
    idx.fill(0);
    sc.fill(0);
    let nCand = 0;
    for (let i = 1; i < N - 1; i++) {
      const v = SS[i];
      if (!(SS[i - 1] < v && v > SS[i + 1])) continue;
      if (opts.greedyPeakAlgo) {
        // keep the nCand highest peaks ordered by score
        let slot = -1;
        for (let k = 0; k < nC; k++) {
          if (sc[k] === 0 || v > sc[k]) {
            slot = k;
            break;
          }
        }
        if (slot < 0) continue;
        for (let k = nC - 1; k > slot; k--) {
          sc[k] = sc[k - 1];
          idx[k] = idx[k - 1];
        }
        sc[slot] = v;
        idx[slot] = i;
        if (nCand < nC) nCand++;
      } else if (v > sc[0] || sc[0] === 0) {
        for (let k = nC - 1; k > 0; k--) {
          sc[k] = sc[k - 1];
          idx[k] = idx[k - 1];
        }
        sc[0] = v;
        idx[0] = i;
        if (nCand < nC) nCand++;
      }
    }
    out.f0.fill(0);
    out.voicing.fill(0);
    out.score.fill(0);
    const { fmint, fstept } = this;
    for (let c = 0; c < nCand; c++) {
      const j = idx[c];
      const x1 = f32(f32(j * fstept) + fmint);
      const x2 = f32(f32((j + 1) * fstept) + fmint);
      const x0 = f32(f32((j - 1) * fstept) + fmint);
      const [fx, s] = quadFrom3pts(x0, SS[j - 1], x1, SS[j], x2, SS[j + 1]);
      out.f0[c] = Math.exp(fx * Math.log(2));
      out.score[c] = s;
      out.voicing[c] = s > 0 && s > ssMean ? 1 - ssMean / s : 0;
    }
    // cPitchBase: remove candidates outside [minPitch, maxPitch]
    let n = nCand;
    for (let i = 0; i < nC; i++) {
      const v = out.f0[i];
      if (v > opts.maxPitch || v < opts.minPitch) {
        for (let k = i; k < nC - 1; k++) {
          out.f0[k] = out.f0[k + 1];
          out.voicing[k] = out.voicing[k + 1];
          out.score[k] = out.score[k + 1];
        }
        out.f0[nC - 1] = 0;
        out.voicing[nC - 1] = 0;
        out.score[nC - 1] = 0;
        if (v > 0) {
          n--;
          i--;
        }
      }
    }
    // best score into slot 0
    let best = 0;
    for (let i = 1; i < nC; i++) if (out.score[i] > out.score[best]) best = i;
    if (best > 0 && out.score[best] > out.score[0]) {
      const sw = (a: Float32Array): void => {
        const t = a[0];
        a[0] = a[best];
        a[best] = t;
      };
      sw(out.f0);
      sw(out.voicing);
      sw(out.score);
    }
    out.n = n;
    return out;
  }
}

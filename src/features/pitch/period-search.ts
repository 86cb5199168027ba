/**
 * The period search of cPitchJitter (jitter and shimmer from the raw waveform and F0), shared by its two configurations: IS10/IS11
 * (pitch/jitter.ts) and GeMAPS/eGeMAPS (lld/jitter-gemaps.ts).
 */
import { quadFrom3pts } from '../dsp/parabola.js';
import { crossCorr, peakToPeak } from './period-measures.js';

/** The configuration of one cPitchJitter instance. */
export interface PeriodSearchOptions {
  /** IS10 0.20, IS11 0.25, eGeMAPS 0.1. */
  readonly searchRangeRel: number;
  /**
   * 'running' = useBrokenJitterThresh 1 (the threshold is the frame's running minimum correlation, stored as
   * float32); a number = fixed threshold.
   */
  readonly minCC: 'running' | number;
  /** First waveform sample of F0 frame j. */
  readonly frameStart: (j: number) => number;
}

/** Per-F0-frame results of the period search. */
export interface PeriodSearchOutput {
  /** 1 where the frame had its waveform (0: no output from cPitchJitter). */
  readonly produced: Uint8Array;
  /** One value per F0 frame each (0 where not produced). */
  readonly jitterLocal: Float32Array;
  readonly jitterDDP: Float32Array;
  readonly shimmerLocal: Float32Array;
}

const f32 = Math.fround;

/** Runs cPitchJitter's period search over the first `frames` F0 frames of `f0`, on the raw waveform `wave` at fs Hz. */
export function searchPeriods(
  wave: Float32Array,
  fs: number,
  f0: Float32Array,
  frames: number,
  opts: PeriodSearchOptions,
): PeriodSearchOutput {
  const srr = opts.searchRangeRel;
  const fixedMinCC = opts.minCC === 'running' ? null : f32(opts.minCC);
  const T = 1 / fs;
  const lenF = Math.round(0.06 * fs);
  const ppLen = Math.ceil(0.01 / T - 1e-9);
  const produced = new Uint8Array(frames);
  const jl = new Float32Array(frames);
  const jd = new Float32Array(frames);
  const sh = new Float32Array(frames);
  let lastIdx = 0;
  let lastMis = 0;
  let lastT0 = 0;
  let lastDiff = 0;
  let lastJL = 0;
  let lastJD = 0;
  let lastSh = 0;
  let cc = new Float64Array(64);
  for (let j = 0; j < frames; j++) {
    const F0 = f0[j];
    const startVidx = opts.frameStart(j);
    const toRead0 = ppLen + lastMis;
    let toRead = toRead0;
    let Tf = 0;
    let T0f = 0;
    let T0minF = 0;
    let T0maxF = 0;
    if (F0 > 0) {
      Tf = 1 / F0 / T;
      T0f = Math.round(Tf);
      T0minF = Math.floor((1 - srr) * Tf);
      T0maxF = Math.ceil((1 + srr) * Tf);
      toRead = Math.max(toRead, 2 * T0maxF + 2);
    }
    toRead = Math.min(toRead, lastMis + lenF);
    if (startVidx - lastMis !== lastIdx) {
      lastIdx = startVidx;
      toRead = Math.min(toRead, lenF);
    }
    if (lastIdx + toRead > wave.length) {
      // cPitchJitter: the waveform is not (yet) available: no output for this frame
      lastIdx += toRead0;
      continue;
    }
    const base = lastIdx;
    let nP = 0;
    let nPL = 0;
    let nPD = 0;
    let avgP = 0;
    let JL = 0;
    let JD = 0;
    let avgAmp = 0;
    let avgAmpDiff = 0;
    let start = 0;
    let lastPeriod = 0;
    if (F0 > 0) {
      let runningMinCC = -2;
      const nCC = T0maxF - T0minF + 1;
      if (cc.length < nCC) cc = new Float64Array(nCC * 2);
      while (start < toRead - 2 * T0maxF - 1) {
        for (let t = T0minF; t <= T0maxF; t++) cc[t - T0minF] = crossCorr(wave, base + start, base + start + t, t);
        let maxI = -1;
        let max = 0;
        for (let i = 1; i < T0maxF - T0minF - 1; i++) {
          if (cc[i - 1] < cc[i] && cc[i] > cc[i + 1] && (maxI === -1 || cc[i] > max)) {
            maxI = i;
            max = cc[i];
          }
        }
        const pp = maxI === -1 ? T0f : T0minF + maxI;
        const os = start;
        if (maxI >= 0) {
          start += pp;
          const A0 = peakToPeak(wave, base + os, pp);
          const A1 = peakToPeak(wave, base + start, pp);
          const ad = f32(Math.abs(f32(A0 - A1)));
          const [xv, ccI] = quadFrom3pts(maxI - 1, cc[maxI - 1], maxI, cc[maxI], maxI + 1, cc[maxI + 1]);
          const period = f32(Math.abs(T0minF + xv) * T);
          // useBrokenJitterThresh: the threshold is the float32 running minimum, compared with the double ccI
          if (fixedMinCC === null && (runningMinCC === -2 || runningMinCC > f32(ccI))) runningMinCC = f32(ccI);
          if (ccI > (fixedMinCC ?? runningMinCC)) {
            avgP = f32(avgP + period);
            nP++;
            if (lastT0 > 0) {
              const d = f32(Math.abs(f32(lastT0 - period)));
              JL = f32(JL + d);
              nPL++;
              if (lastDiff > 0) {
                JD = f32(JD + f32(Math.abs(f32(lastDiff - d))));
                nPD++;
              }
              lastDiff = d;
            }
            lastT0 = period;
            avgAmp = f32(avgAmp + f32(f32(A0 + A1) / 2));
            avgAmpDiff = f32(avgAmpDiff + ad);
          }
        } else {
          start += T0f;
        }
        if (start < toRead0 - 1) lastPeriod = start;
      }
      lastMis = toRead0 - lastPeriod;
    } else {
      lastPeriod = toRead0;
      lastMis = 0;
      lastT0 = 0;
      lastDiff = 0;
      lastJL = 0;
      lastJD = 0;
      lastSh = 0;
    }
    lastIdx += lastPeriod;
    const meanP = nP > 0 ? f32(avgP / nP) : 0;
    if (nP > 0 && nPL > 0 && F0 > 0) lastJL = f32(f32(JL / nPL) / meanP);
    if (nP > 0 && nPD > 0 && F0 > 0) lastJD = f32(f32(JD / nPD) / meanP);
    if (F0 > 0) {
      if (lastJL > 1) lastJL = 1;
      if (lastJD > 1) lastJD = 1;
    }
    produced[j] = 1;
    jl[j] = F0 > 0 && (nP > 0 ? nPL > 0 : true) ? lastJL : 0;
    jd[j] = F0 > 0 && (nP > 0 ? nPD > 0 : true) ? lastJD : 0;
    if (nP > 0 && F0 > 0) lastSh = avgAmp > 0 ? f32(avgAmpDiff / avgAmp) : 0;
    if (F0 > 0 && lastSh > 1) lastSh = 1;
    sh[j] = F0 > 0 ? lastSh : 0;
  }
  return { produced, jitterLocal: jl, jitterDDP: jd, shimmerLocal: sh };
}

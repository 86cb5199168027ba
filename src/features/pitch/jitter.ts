/**
 * Jitter and shimmer (cPitchJitter, spec 4; useBrokenJitterThresh = 1, minNumPeriods = 2, peak-to-peak amplitudes).
 *
 * API:
 *   interface JitterOptions { searchRangeRel: number }         IS10 0.20, IS11 0.25
 *   interface JitterOutput { frames: number; jitterLocal: Float32Array; jitterDDP: Float32Array; shimmerLocal: Float32Array }
 *   computeJitter(wave, fs, f0final, opts): JitterOutput
 *       wave = raw float32 samples; f0final = F0final per pitch frame (pitch frame j starts at sample (j+1)·hop,
 *       spec 3.5). One output frame per pitch frame, except trailing frames whose waveform is not available.
 */
import { quadFrom3pts } from '../dsp/parabola.js';
import { crossCorr, peakToPeak } from './period-measures.js';

export interface JitterOptions {
  searchRangeRel: number;
}

export interface JitterOutput {
  frames: number;
  jitterLocal: Float32Array;
  jitterDDP: Float32Array;
  shimmerLocal: Float32Array;
}

const f32 = Math.fround;

export function computeJitter(wave: Float32Array, fs: number, f0final: Float32Array, opts: JitterOptions): JitterOutput {
  const srr = opts.searchRangeRel;
  const T = 1 / fs;
  const hop = Math.round(0.01 * fs);
  const lenF = Math.round(0.06 * fs);
  const ppLen = Math.ceil(0.01 / T - 1e-9);
  const NP = f0final.length;
  const jl = new Float32Array(NP);
  const jd = new Float32Array(NP);
  const sh = new Float32Array(NP);
  let nOut = 0;
  let lastIdx = 0;
  let lastMis = 0;
  let lastT0 = 0;
  let lastDiff = 0;
  let lastJL = 0;
  let lastJD = 0;
  let lastSh = 0;
  let cc = new Float64Array(64);
  for (let j = 0; j < NP; j++) {
    const F0 = f0final[j];
    const startVidx = Math.round((j + 1) * 0.01 * fs); // timestamp of pitch frame j is (j+1)·10 ms
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
    const maxRead = lastMis + lenF;
    toRead = Math.min(toRead, maxRead);
    if (startVidx - lastMis !== lastIdx) {
      lastIdx = startVidx;
      toRead = Math.min(toRead, lenF);
    }
    if (lastIdx + toRead > wave.length) {
      // spec 4: the waveform is not (yet) available: no output for this frame
      lastIdx += toRead0;
      continue;
    }
    const base = lastIdx;
    const xlen = toRead;
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
      let minCC = -2;
      const nCC = T0maxF - T0minF + 1;
      if (cc.length < nCC) cc = new Float64Array(nCC * 2);
      while (start < xlen - 2 * T0maxF - 1) {
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
          if (minCC === -2 || minCC > f32(ccI)) minCC = f32(ccI);
          // spec 11.4: the threshold is the float32 running minimum, compared with the double ccI
          if (ccI > minCC) {
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
    jl[nOut] = F0 > 0 && (nP > 0 ? nPL > 0 : true) ? lastJL : 0;
    jd[nOut] = F0 > 0 && (nP > 0 ? nPD > 0 : true) ? lastJD : 0;
    if (nP > 0 && F0 > 0) lastSh = avgAmp > 0 ? f32(avgAmpDiff / avgAmp) : 0;
    if (F0 > 0 && lastSh > 1) lastSh = 1;
    sh[nOut] = F0 > 0 ? lastSh : 0;
    nOut++;
  }
  return { frames: nOut, jitterLocal: jl.subarray(0, nOut), jitterDDP: jd.subarray(0, nOut), shimmerLocal: sh.subarray(0, nOut) };
}


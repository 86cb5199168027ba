/**
 * Jitter and shimmer as configured for GeMAPS/eGeMAPS (gemapsv01b_pitchJitter: cPitchJitter with
 * searchRangeRel 0.1, minCC 0.5, useBrokenJitterThresh 0, shimmerLocalDB). The period search is the one
 * of spec section 4 (src/features/pitch/jitter.ts implements it with the IS10/IS11 settings); the
 * differences here: a period is accepted when its interpolated correlation exceeds the fixed 0.5, the F0
 * frames are the Viterbi pitch frames (frame t starts at sample t·hop), and shimmer is reported in dB.
 *
 * API:
 *   gemapsJitter(wave, fs, f0, frames): { jitterLocal: Float32Array; shimmerLocalDB: Float32Array }
 *       one value per F0 frame (0 when unvoiced; a voiced frame without accepted periods repeats the last value)
 */
import { quadFrom3pts } from '../dsp/parabola.js';
import { crossCorr, peakToPeak } from '../pitch/period-measures.js';

const f32 = Math.fround;
const SRR = 0.1;
const MIN_CC = f32(0.5);

export function gemapsJitter(wave: Float32Array, fs: number, f0: Float32Array, frames: number): { jitterLocal: Float32Array; shimmerLocalDB: Float32Array } {
  const T = 1 / fs;
  const hop = Math.round(0.01 * fs);
  const lenF = Math.round(0.06 * fs);
  const ppLen = Math.ceil(0.01 / T - 1e-9);
  const jl = new Float32Array(frames);
  const sh = new Float32Array(frames);
  let lastIdx = 0;
  let lastMis = 0;
  let lastT0 = 0;
  let lastDiff = 0;
  let lastJL = 0;
  let lastSh = 0;
  let cc = new Float64Array(64);
  for (let j = 0; j < frames; j++) {
    const F0 = f0[j];
    const startVidx = j * hop;
    const toRead0 = ppLen + lastMis;
    let toRead = toRead0;
    let Tf = 0;
    let T0f = 0;
    let T0minF = 0;
    let T0maxF = 0;
    if (F0 > 0) {
      Tf = 1 / F0 / T;
      T0f = Math.round(Tf);
      T0minF = Math.floor((1 - SRR) * Tf);
      T0maxF = Math.ceil((1 + SRR) * Tf);
      toRead = Math.max(toRead, 2 * T0maxF + 2);
    }
    toRead = Math.min(toRead, lastMis + lenF);
    if (startVidx - lastMis !== lastIdx) {
      lastIdx = startVidx;
      toRead = Math.min(toRead, lenF);
    }
    if (lastIdx + toRead > wave.length) {
      lastIdx += toRead0;
      continue; // waveform exhausted: no output (frame stays 0)
    }
    const base = lastIdx;
    let nP = 0;
    let nPL = 0;
    let avgP = 0;
    let JL = 0;
    let avgAmp = 0;
    let avgAmpDiff = 0;
    let start = 0;
    let lastPeriod = 0;
    if (F0 > 0) {
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
          if (ccI > MIN_CC) {
            avgP = f32(avgP + period);
            nP++;
            if (lastT0 > 0) {
              const d = f32(Math.abs(f32(lastT0 - period)));
              JL = f32(JL + d);
              nPL++;
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
      lastSh = 0;
    }
    lastIdx += lastPeriod;
    if (nP > 0 && nPL > 0 && F0 > 0) lastJL = f32(f32(JL / nPL) / f32(avgP / nP));
    if (F0 > 0 && lastJL > 1) lastJL = 1;
    jl[j] = F0 > 0 && (nP > 0 ? nPL > 0 : true) ? lastJL : 0;
    if (nP > 0 && F0 > 0) lastSh = avgAmp > 0 ? f32(avgAmpDiff / avgAmp) : 0;
    if (F0 > 0 && lastSh > 1) lastSh = 1;
    sh[j] = F0 > 0 ? f32(20 * Math.log10(lastSh + 1)) : 0;
  }
  return { jitterLocal: jl, shimmerLocalDB: sh };
}

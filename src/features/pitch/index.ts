/**
 * The SHS pitch chain (spec 3): 60 ms frames → Gaussian window → FFT magnitude → octave spectrum → SHS →
 * candidate post-processing → "simple" pitch smoother.
 *
 * API:
 *   interface PitchChainOptions { gaussSigma; minF; specEnhance; specSmooth; auditoryWeighting; nCandidates;
 *                                 greedyPeakAlgo; voicingCutoff; nHarmonics; compressionFactor; minPitch; maxPitch;
 *                                 zeroPadSymmetric }
 *   IS10_PITCH, IS11_PITCH: PitchChainOptions          (spec 3 table)
 *   interface PitchTrack { frames: number; F0final: Float32Array; F0finEnv: Float32Array; voicingFinalUnclipped: Float32Array }
 *   pitchTrack(samples, fs, opts): PitchTrack          NP = N60 − 1 frames (spec 3.5); pitch frame j has timestamp (j+1)·10 ms
 */
import { frameCount, framePlan, spectralRate } from '../dsp/framing.js';
import { gaussWindow } from '../dsp/window.js';
import { getFft, nextPow2 } from '../dsp/fft.js';
import { OctaveSpectrum } from './octave-spectrum.js';
import { Shs, makeCandidates } from './shs.js';
import { PitchSmoother } from './smoother.js';

export interface PitchChainOptions {
  gaussSigma: number;
  minF: number;
  specEnhance: boolean;
  specSmooth: boolean;
  auditoryWeighting: boolean;
  nCandidates: number;
  greedyPeakAlgo: boolean;
  voicingCutoff: number;
  nHarmonics: number;
  compressionFactor: number;
  minPitch: number;
  maxPitch: number;
  zeroPadSymmetric: boolean;
}

const COMMON = {
  specEnhance: true,
  specSmooth: true,
  auditoryWeighting: true,
  voicingCutoff: 0.7,
  nHarmonics: 15,
  compressionFactor: 0.85,
  minPitch: 52,
  maxPitch: 620,
};
export const IS10_PITCH: PitchChainOptions = {
  ...COMMON,
  gaussSigma: 0.25,
  minF: 20,
  nCandidates: 6,
  greedyPeakAlgo: true,
  zeroPadSymmetric: true,
};
export const IS11_PITCH: PitchChainOptions = {
  ...COMMON,
  gaussSigma: 0.4,
  minF: 25,
  nCandidates: 4,
  greedyPeakAlgo: false,
  zeroPadSymmetric: false,
};

export interface PitchTrack {
  frames: number;
  F0final: Float32Array;
  F0finEnv: Float32Array;
  voicingFinalUnclipped: Float32Array;
}

interface Plan {
  win: Float32Array;
  oct: OctaveSpectrum;
  shs: Shs;
}
const plans = new Map<string, Plan>();

function getPlan(fs: number, o: PitchChainOptions, L: number, nfft: number): Plan {
  const key = `${fs}|${JSON.stringify(o)}`;
  let p = plans.get(key);
  if (!p) {
    const oct = new OctaveSpectrum(o, nfft, spectralRate(0.06, L, fs));
    p = { win: gaussWindow(L, o.gaussSigma), oct, shs: new Shs(o, oct) };
    plans.set(key, p);
  }
  return p;
}

export function pitchTrack(samples: Float32Array, fs: number, o: PitchChainOptions): PitchTrack {
  const { length: L, hop } = framePlan(0.06, 0.01, fs);
  const N60 = frameCount(samples.length, L, hop);
  const NP = Math.max(0, N60 - 1);
  const nfft = nextPow2(L);
  const fft = getFft(nfft);
  const { win, oct, shs } = getPlan(fs, o, L, nfft);
  const mag = new Float32Array(nfft / 2 + 1);
  const octOut = new Float32Array(oct.nPoints);
  const cand = makeCandidates(o.nCandidates);
  const sm = new PitchSmoother(o.voicingCutoff);
  const F0final = new Float32Array(NP);
  const F0finEnv = new Float32Array(NP);
  const voicing = new Float32Array(NP);
  let j = 0;
  for (let k = 0; k < N60; k++) {
    fft.windowedMagnitude(samples, k * hop, win, o.zeroPadSymmetric, mag);
    oct.apply(mag, octOut);
    shs.apply(octOut, cand);
    const r = sm.push(cand.f0[0], cand.voicing[0]);
    if (r) {
      F0final[j] = r.F0final;
      F0finEnv[j] = r.F0finEnv;
      voicing[j] = r.voicingFinalUnclipped;
      j++;
    }
  }
  return { frames: NP, F0final, F0finEnv, voicingFinalUnclipped: voicing };
}

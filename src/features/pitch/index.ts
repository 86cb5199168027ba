/**
 * The SHS pitch chain of IS10 and IS11 (cSpecScale, cPitchShs, cPitchSmoother): 60 ms frames → Gaussian window →
 * FFT magnitude → octave spectrum → SHS → candidate post-processing → "simple" pitch smoother.
 */
import { fftFrameSeconds, frameCount, framePlan } from '../dsp/framing.js';
import { gaussWindow } from '../dsp/window.js';
import { RealFftF32 } from '../dsp/fft-f32.js';
import { nextPow2 } from '../dsp/fft.js';
import { OctaveSpectrum } from './octave-spectrum.js';
import { Shs, makeCandidates } from './shs.js';
import { PitchSmoother } from './smoother.js';

/** The parameters of the pitch chain's components (Gaussian window, cSpecScale, cPitchShs/cPitchBase, FFT padding). */
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
/** The pitch chain as configured in IS10_paraling (is10_fr40 … is10_pitchSmooth2). */
export const IS10_PITCH: PitchChainOptions = {
  ...COMMON,
  gaussSigma: 0.25,
  minF: 20,
  nCandidates: 6,
  greedyPeakAlgo: true,
  zeroPadSymmetric: true,
};
/** The pitch chain as configured in IS11_speaker_state (frame60 … pitchSmooth2). */
export const IS11_PITCH: PitchChainOptions = {
  ...COMMON,
  gaussSigma: 0.4,
  minF: 25,
  nCandidates: 4,
  greedyPeakAlgo: false,
  zeroPadSymmetric: false,
};

/** The smoothed pitch contours: `frames` values each (float32). */
export interface PitchTrack {
  frames: number;
  F0final: Float32Array;
  F0finEnv: Float32Array;
  voicingFinalUnclipped: Float32Array;
}

interface Plan {
  fft: RealFftF32;
  win: Float32Array;
  oct: OctaveSpectrum;
  shs: Shs;
}
const plans = new Map<string, Plan>();

function getPlan(fs: number, o: PitchChainOptions, L: number, nfft: number): Plan {
  const key = `${fs}|${JSON.stringify(o)}`;
  let p = plans.get(key);
  if (!p) {
    const oct = new OctaveSpectrum(o, nfft, fftFrameSeconds(0.06, L, nfft));
    p = { fft: new RealFftF32(nfft), win: gaussWindow(L, o.gaussSigma), oct, shs: new Shs(o, oct) };
    plans.set(key, p);
  }
  return p;
}

/**
 * The pitch track of a file: NP = N60 − 1 frames (the smoother drops the first 60 ms frame); pitch frame j has
 * timestamp (j+1)·10 ms.
 */
export function pitchTrack(samples: Float32Array, fs: number, o: PitchChainOptions): PitchTrack {
  const { length: L, hop } = framePlan(0.06, 0.01, fs);
  const N60 = frameCount(samples.length, L, hop);
  const NP = Math.max(0, N60 - 1);
  const nfft = nextPow2(L);
  const { fft, win, oct, shs } = getPlan(fs, o, L, nfft);
  const frame = new Float32Array(L);
  const mag = new Float32Array(nfft / 2 + 1);
  const octOut = new Float32Array(oct.nPoints);
  const cand = makeCandidates(o.nCandidates);
  const sm = new PitchSmoother(o.voicingCutoff);
  const F0final = new Float32Array(NP);
  const F0finEnv = new Float32Array(NP);
  const voicing = new Float32Array(NP);
  let j = 0;
  for (let k = 0; k < N60; k++) {
    for (let i = 0; i < L; i++) frame[i] = Math.fround(samples[k * hop + i] * win[i]);
    fft.magnitude(frame, o.zeroPadSymmetric, mag);
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

/**
 * Audio perturbations that change who an utterance sounds like (or how it was recorded) but not what it
 * expresses, each named by one string (`speed:1.1`, `pitch:-2`, `vtlp:0.9`, `noise-white:20`, `noise-speech:20`):
 * - speed f: resampled by 1 / f and played at the original rate, so tempo and pitch change together (Ko et al. 2015);
 * - pitch s semitones: time-stretched by 2^(s/12) with a phase vocoder, then resampled back to the original duration
 *   (librosa.effects.pitch_shift); the duration is kept, F0 and formants move by 2^(s/12);
 * - vtlp alpha: the frequency axis warped by alpha below a boundary and linearly above it so Nyquist stays put
 *   (Jaitly & Hinton 2013, their F_hi = 4800 Hz at 16 kHz, i.e. 0.6 x Nyquist), resynthesised by overlap-add;
 * - noise-white / noise-speech at an SNR in dB (noise.ts), seeded.
 */
import { UserError } from '../util/errors.js';
import { addNoise } from './noise.js';
import { timeStretch, warpFrequencies } from './phase-vocoder.js';
import { resample } from './resample.js';

export type Perturbation =
  | { kind: 'speed'; factor: number }
  | { kind: 'pitch'; semitones: number }
  | { kind: 'vtlp'; alpha: number }
  | { kind: 'noise-white' | 'noise-speech'; snrDb: number };

const KINDS = ['speed', 'pitch', 'vtlp', 'noise-white', 'noise-speech'] as const;
export const PERTURBATION_HELP = 'speed:F | pitch:SEMITONES | vtlp:ALPHA | noise-white:SNR_DB | noise-speech:SNR_DB';

/** Parses one perturbation name; a bad one is a one-line error showing the accepted forms. */
export function parsePerturbation(name: string): Perturbation {
  const m = /^([a-z-]+):(-?\d+(?:\.\d+)?)$/.exec(name.trim());
  const kind = m?.[1] as (typeof KINDS)[number] | undefined;
  const v = Number(m?.[2]);
  const bad = (why: string): UserError => new UserError(`perturbation '${name}': ${why} (expected ${PERTURBATION_HELP})`);
  if (!m || !kind || !KINDS.includes(kind)) throw bad('unknown form');
  if (kind === 'speed') {
    if (!(v >= 0.5 && v <= 2)) throw bad('speed factor outside 0.5..2');
    return { kind, factor: v };
  }
  if (kind === 'pitch') {
    if (!(Math.abs(v) <= 12)) throw bad('more than 12 semitones');
    return { kind, semitones: v };
  }
  if (kind === 'vtlp') {
    if (!(v >= 0.7 && v <= 1.3)) throw bad('warp factor outside 0.7..1.3');
    return { kind, alpha: v };
  }
  return { kind, snrDb: v };
}

/** The canonical name of a perturbation (what parsePerturbation reads back; used in cache keys). */
export function perturbationName(p: Perturbation): string {
  switch (p.kind) {
    case 'speed':
      return `speed:${p.factor}`;
    case 'pitch':
      return `pitch:${p.semitones}`;
    case 'vtlp':
      return `vtlp:${p.alpha}`;
    default:
      return `${p.kind}:${p.snrDb}`;
  }
}

/** Jaitly & Hinton's piecewise-linear VTLP warp and its inverse, for a given rate (Hz in, Hz out). */
export function vtlpWarp(alpha: number, sampleRate: number): { warp: (hz: number) => number; unwarp: (hz: number) => number } {
  const nyq = sampleRate / 2;
  const hi = 0.6 * nyq;
  const knee = (hi * Math.min(alpha, 1)) / alpha; // input frequency where the slope changes
  const kneeOut = knee * alpha;
  const slope = (nyq - kneeOut) / (nyq - knee);
  return {
    warp: (f) => (f <= knee ? f * alpha : nyq - slope * (nyq - f)),
    unwarp: (g) => (g <= kneeOut ? g / alpha : nyq - (nyq - g) / slope),
  };
}

/** The perturbed samples (same rate); `seed` drives the noise only. */
export function perturb(x: Float32Array, sampleRate: number, p: Perturbation, seed: number): Float32Array {
  switch (p.kind) {
    case 'speed':
      return resample(x, 1 / p.factor);
    case 'pitch': {
      const r = 2 ** (p.semitones / 12);
      return resample(timeStretch(x, 1 / r, sampleRate), 1 / r).subarray(0, x.length);
    }
    case 'vtlp': {
      const w = vtlpWarp(p.alpha, sampleRate);
      return warpFrequencies(x, sampleRate, w.warp, w.unwarp);
    }
    case 'noise-white':
      return addNoise(x, sampleRate, p.snrDb, 'white', seed);
    case 'noise-speech':
      return addNoise(x, sampleRate, p.snrDb, 'speech', seed);
  }
}

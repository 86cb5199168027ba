/**
 * Additive noise at a given signal-to-noise ratio (whole-utterance powers). `white`: Gaussian samples.
 * `speech`: speech-shaped noise, white noise filtered to the utterance's own long-term average spectrum (the
 * noise masks what this voice puts energy into, as babble does), by the same STFT frames the vocoder uses.
 */
import { UserError } from '../util/errors.js';
import { SeededRandom } from '../util/random.js';
import { vocoderFrame } from './phase-vocoder.js';
import { istft, stft } from './stft.js';

export type NoiseKind = 'white' | 'speech';

function power(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s / Math.max(x.length, 1);
}

function whiteNoise(length: number, seed: number): Float32Array {
  const rng = new SeededRandom(seed);
  return Float32Array.from({ length }, () => rng.normal());
}

/** White noise shaped by the root-mean-square magnitude spectrum of `x` over all its frames. */
function speechShaped(x: Float32Array, sampleRate: number, seed: number): Float32Array {
  const { n, hop } = vocoderFrame(sampleRate);
  const bins = n / 2 + 1;
  const ltas = new Float64Array(bins);
  const frames = stft(x, n, hop).frames;
  for (const f of frames) for (let k = 0; k < bins; k++) ltas[k] += (f[2 * k] ** 2 + f[2 * k + 1] ** 2) / frames.length;
  const noise = stft(whiteNoise(x.length, seed), n, hop);
  for (const f of noise.frames) {
    for (let k = 0; k < bins; k++) {
      const g = Math.sqrt(ltas[k]);
      f[2 * k] *= g;
      f[2 * k + 1] *= g;
    }
  }
  return istft(noise, x.length);
}

/** `x` plus seeded noise scaled so that 10 log10(P_x / P_noise) = snrDb exactly (float rounding aside). */
export function addNoise(x: Float32Array, sampleRate: number, snrDb: number, kind: NoiseKind, seed: number): Float32Array {
  const px = power(x);
  if (!(px > 0)) throw new UserError('addNoise: the signal is silent, so no signal-to-noise ratio can be set');
  const noise = kind === 'white' ? whiteNoise(x.length, seed) : speechShaped(x, sampleRate, seed);
  const gain = Math.sqrt(px / (power(noise) * 10 ** (snrDb / 10)));
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] + gain * noise[i];
  return out;
}

/**
 * The 20 ms analysis path that IS11 and eGeMAPS share (20 ms frames, hop 10 ms): frame plan, FFT, Hamming
 * window, the 26-band mel filterbanks (plain and HTK-compatible), MFCCs and the auditory spectrum, built once per
 * sample rate and MFCC count.
 */
import { getFft, nextPow2, type RealFft } from '../dsp/fft.js';
import { framePlan, spectralRate } from '../dsp/framing.js';
import { MelFilterbank } from '../dsp/melspec.js';
import { Mfcc } from '../dsp/mfcc.js';
import { hammingWindow } from '../dsp/window.js';
import { AuditorySpectrum } from '../lld/audspec.js';

/** The 20 ms path's frame length L, hop H, FFT, window, mel filterbanks, MFCC and auditory spectrum. */
export interface Plan20ms {
  readonly L: number;
  readonly H: number;
  /** the rate the spectrum's bin frequencies derive from (dsp/framing.ts spectralRate) */
  readonly fsSpec: number;
  readonly fft: RealFft;
  readonly win: Float32Array;
  readonly mel: MelFilterbank;
  readonly melHtk: MelFilterbank;
  readonly mfcc: Mfcc;
  readonly aud: AuditorySpectrum;
  readonly centerFreqs: Float64Array;
}

const plans = new Map<string, Plan20ms>();

/** The (cached) plan for sample rate fs and MFCC 1..lastMfcc (IS11: 1-12, eGeMAPS: 1-4). */
export function plan20ms(fs: number, lastMfcc: number): Plan20ms {
  const key = `${fs}:${lastMfcc}`;
  let p = plans.get(key);
  if (!p) {
    const { length: L, hop: H } = framePlan(0.02, 0.01, fs); // IS11's "frame25" is 20 ms (frameSize 0.020)
    const nfft = nextPow2(L);
    const fsSpec = spectralRate(0.02, L, fs);
    const mel = new MelFilterbank({ nBands: 26, loFreq: 20, hiFreq: 8000, usePower: true, htkCompatible: false }, nfft, fsSpec);
    p = {
      L,
      H,
      fsSpec,
      fft: getFft(nfft),
      win: hammingWindow(L),
      mel,
      melHtk: new MelFilterbank({ nBands: 26, loFreq: 20, hiFreq: 8000, usePower: true, htkCompatible: true }, nfft, fsSpec),
      mfcc: new Mfcc({ nBands: 26, firstMfcc: 1, lastMfcc, cepLifter: 22, htkCompatible: true }),
      aud: new AuditorySpectrum(mel.centerFreqs),
      centerFreqs: mel.centerFreqs,
    };
    plans.set(key, p);
  }
  return p;
}

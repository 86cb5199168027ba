/**
 * ACF/cepstrum pitch (cPitchACF, `src/lldcore/pitchACF.cpp`) for IS09_emotion (maxPitch 500, voicingCutoff 0.55):
 * voicing probability from the autocorrelation, pitch period from the first strong cepstral peak,
 * then openSMILE's simple stateful pitch contour smoothing.
 *
 * Time scale: cPitchACF takes the period of one lag as frameSizeSec / (2·nAcf), where frameSizeSec is
 * the FFT level's frame size (Nfft/fs) and 2·nAcf the length of its concatenated (ACF; cepstrum) input
 * (= Nfft, so one lag = one sample); the preskip for maxPitch and the F0 conversion both use it.
 */
const f = Math.fround;

/** cPitchACF's maxPitch (Hz) and voicingCutoff. */
export interface PitchAcfOptions {
  maxPitch: number;
  voicingCutoff: number;
}

/** cPitchACF voicing probability and F0; the contour smoothing is stateful per file: reset() before a new file. */
export class PitchAcf {
  private readonly n: number;
  private readonly tsamp: number;
  private readonly preskip: number;
  private readonly cutoff: number;
  private lastPitch = 0;
  private lastlastPitch = 0;
  private glMeanPitch = 0;
  private onsFlag = 0;

  /** nAcf lags per input; fftFrameSec = the FFT level's frame size Nfft/fs (the time scale, see above). */
  constructor(nAcf: number, fftFrameSec: number, opts: PitchAcfOptions) {
    this.n = nAcf;
    const nd = 2 * nAcf;
    this.tsamp = f(fftFrameSec) / nd;
    this.preskip = opts.maxPitch <= 0 ? 0 : Math.trunc(1 / (opts.maxPitch * this.tsamp));
    this.cutoff = Math.min(1, Math.max(0, opts.voicingCutoff));
  }

  /** Clears the pitch contour smoothing state. */
  reset(): void {
    this.lastPitch = 0;
    this.lastlastPitch = 0;
    this.glMeanPitch = 0;
    this.onsFlag = 0;
  }

  /** max/a[0] over the ACF beyond the preskip (only rising maxima count). */
  private voicingProb(a: Float32Array): number {
    const n = this.n;
    const skip = this.preskip;
    let max = a[n - 1];
    for (let i = Math.max(1, skip); i < n; i++) {
      if (a[i] > max && a[i - 1] < a[i]) max = a[i];
    }
    return a[0] > 0 ? max / a[0] : 0;
  }

  /** First local cepstral peak after skip+1 that exceeds 0.6·(max + mean|c|). */
  private pitchPeak(c: Float32Array): number {
    const n = this.n;
    const skip = this.preskip + 1;
    let max = c[n - 1];
    let sum = 0;
    for (let i = n - 1; i >= 0; i--) {
      const b = c[i];
      sum += Math.abs(b);
      if (i >= skip && b > max) max = b;
    }
    sum /= n;
    const th = (max + sum) * 0.6;
    for (let i = skip + 1; i < n - 1; i++) {
      if (c[i] > th && c[i - 1] < c[i] && c[i] > c[i + 1]) return i;
    }
    return 0;
  }

  /** [voiceProb, F0] of one frame from its acf and cepstrum (nAcf lags each, from SpectralAcf). */
  next(acf: Float32Array, cep: Float32Array): [number, number] {
    const voicing = this.voicingProb(acf);
    const maxIdx = this.pitchPeak(cep);
    let pitch = maxIdx > 0 ? f(1 / f(maxIdx * f(this.tsamp))) : 0;
    if (voicing < this.cutoff) pitch = 0;
    // openSMILE's "very simple pitch contour smoothing" (float32 state)
    const lp = this.lastPitch;
    if (lp === 0 && pitch > 0) this.onsFlag = 1;
    if (lp > 0 && pitch === 0 && this.onsFlag === 0) this.onsFlag = -1;
    if (lp > 0 && pitch > 0) this.onsFlag = 0;
    if (lp === 0 && pitch === 0) this.onsFlag = 0;
    if (pitch === 0 && this.onsFlag === 1) this.lastPitch = 0;
    const oPitch = pitch;
    const tol = f(0.4);
    let alpha = f(0.3);
    if (pitch > 0) {
      if (this.glMeanPitch === 0) this.glMeanPitch = pitch;
      const g = this.glMeanPitch;
      if (!(pitch < f(f(1 + tol) * g) && pitch > f(f(1 - tol) * g))) {
        pitch = g;
        alpha = f(alpha / 3);
      }
      if (this.onsFlag !== 0 && this.lastPitch > pitch) this.lastPitch = f(this.lastPitch * f(0.85));
    }
    if (pitch > 0 && this.onsFlag === -1) this.lastPitch = pitch;
    if (oPitch > 0) this.glMeanPitch = f(f(f(1 - alpha) * this.glMeanPitch) + f(alpha * oPitch));
    const out = this.lastlastPitch !== 0 && this.lastPitch !== 0 ? f(f(0.5) * f(this.lastlastPitch + this.lastPitch)) : this.lastPitch;
    this.lastlastPitch = this.lastPitch;
    this.lastPitch = pitch;
    return [f(voicing), out];
  }
}

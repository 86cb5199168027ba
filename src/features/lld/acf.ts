/**
 * Autocorrelation and real cepstrum of a frame from its FFT magnitude (cAcf, non-inverse mode,
 * `src/dspcore/acf.cpp`), as used by IS09's ACF pitch (cPitchACF).
 *
 * symmetricData=1 (the cAcf default): only the first half of the (even) result is output.
 *
 * IRDFT is Ooura's unscaled inverse real DFT of a real (zero-phase) spectrum S:
 *   a[k] = (S0 + S_{N/2}(-1)^k)/2 + Σ_{j=1}^{N/2-1} S_j cos(2πjk/N) = ½·DFT(S_sym)[k],
 * with S_sym the even extension of S; the result is real and even, so only k = 0..N/2 are computed.
 * The division by nMag (not Nfft) is openSMILE's acfCepsNormOutput=1 behaviour.
 */
import { getFft, type RealFft } from '../dsp/fft.js';

/** ACF and cepstrum of one frame's magnitude spectrum. */
export class SpectralAcf {
  private readonly nMag: number;
  private readonly n: number;
  private readonly fft: RealFft;
  private readonly sym: Float32Array;
  private readonly nOut: number;

  /** nMag = Nfft/2+1 magnitude bins; output length nMag-1 = Nfft/2 (cAcf symmetricData=1), or nMag with fullLength (cHarmonics' ACF). */
  constructor(nMag: number, fullLength = false) {
    this.nOut = fullLength ? nMag : nMag - 1;
    this.nMag = nMag;
    this.n = (nMag - 1) * 2;
    this.fft = getFft(this.n);
    this.sym = new Float32Array(this.n);
    this.buf = new Float32Array(nMag);
  }

  private irdft(spec: Float32Array, out: Float32Array, abs: boolean): Float32Array {
    const { n, nMag, sym } = this;
    sym[0] = spec[0];
    for (let j = 1; j < nMag; j++) {
      sym[j] = spec[j];
      if (j < n / 2) sym[n - j] = spec[j];
    }
    const s = this.fft.spectrum(sym, false);
    for (let k = 0; k < this.nOut; k++) {
      const v = (0.5 * s[2 * k]) / nMag;
      out[k] = abs ? Math.abs(v) : v;
    }
    return out;
  }

  private readonly buf: Float32Array;

  /** |IRDFT(|X|²)| / nMag, lags 0..Nfft/2-1; writes into `out` and returns it. */
  acf(mag: Float32Array, out: Float32Array): Float32Array {
    const p = this.buf;
    for (let k = 0; k < this.nMag; k++) p[k] = mag[k] * mag[k];
    return this.irdft(p, out, true);
  }

  /** IRDFT(ln(|X|²+1)) / nMag (0 where |X|² == 0; signed); writes into `out` and returns it. */
  cepstrum(mag: Float32Array, out: Float32Array): Float32Array {
    const p = this.buf;
    for (let k = 0; k < this.nMag; k++) {
      const pw = Math.fround(mag[k] * mag[k]);
      p[k] = pw > 0 ? Math.log(pw + 1) : 0;
    }
    return this.irdft(p, out, false);
  }
}

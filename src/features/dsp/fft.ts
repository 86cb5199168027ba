/**
 * Real FFT on top of fft.js (double precision), with openSMILE's zero padding (cTransformFFT: frames are
 * zero-padded to the next power of two, in the middle of the buffer when zeroPadSymmetric is set).
 */
import FFT from 'fft.js';

/** The smallest power of two >= n (the FFT size openSMILE pads a frame to). */
export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

interface FftJs {
  realTransform(out: Float64Array, data: Float64Array): void;
}

/** Plan for an n-point real FFT (n a power of two); reuse it per frame. */
export class RealFft {
  readonly n: number;
  private readonly impl: FftJs;
  private readonly input: Float64Array;
  private readonly out: Float64Array;
  /** frame placement of the last windowedMagnitude call: the zero padding outside it is still in place */
  private lastLen = -1;
  private lastOff = -1;

  constructor(n: number) {
    if (n < 2 || (n & (n - 1)) !== 0) throw new Error(`RealFft: size ${n} is not a power of two >= 2`);
    this.n = n;
    this.impl = new FFT(n) as unknown as FftJs;
    this.input = new Float64Array(n);
    this.out = new Float64Array(2 * n);
  }

  /**
   * Zero-pads `frame` to n (at offset floor((n−L)/2) if symmetric, as cTransformFFT's zeroPadSymmetric does, else at 0),
   * transforms, and returns an internal buffer holding interleaved [Re0, Im0, Re1, Im1, …, Re(n/2), Im(n/2)]
   * with the usual e^{−i} sign (Ooura's I_k = −Im_k). Valid until the next call.
   */
  spectrum(frame: Float32Array, symmetric: boolean): Float64Array {
    const { n, input } = this;
    const len = Math.min(frame.length, n);
    input.fill(0);
    this.lastLen = -1;
    const off = symmetric ? Math.floor((n - len) / 2) : 0;
    for (let i = 0; i < len; i++) input[off + i] = frame[i];
    this.impl.realTransform(this.out, input);
    return this.out;
  }

  /** |X_k| for k = 0..n/2 of the zero-padded frame (float32, out length n/2+1). */
  magnitude(frame: Float32Array, symmetric: boolean, out: Float32Array): Float32Array {
    return this.magnitudeOf(this.spectrum(frame, symmetric), out);
  }

  /** Same as magnitude() for the frame fround(samples[offset+i]·win[i]), i < win.length, without an intermediate copy. */
  windowedMagnitude(samples: Float32Array, offset: number, win: Float32Array, symmetric: boolean, out: Float32Array): Float32Array {
    const { n, input } = this;
    const len = Math.min(win.length, n);
    const off = symmetric ? Math.floor((n - len) / 2) : 0;
    if (this.lastLen !== len || this.lastOff !== off) {
      input.fill(0);
      this.lastLen = len;
      this.lastOff = off;
    }
    for (let i = 0; i < len; i++) input[off + i] = Math.fround(samples[offset + i] * win[i]);
    this.impl.realTransform(this.out, input);
    return this.magnitudeOf(this.out, out);
  }

  /** |X_k| for k = 0..n/2 of a spectrum in the layout spectrum() returns (for callers that also need the phase). */
  magnitudeOf(s: Float64Array, out: Float32Array): Float32Array {
    const h = this.n / 2;
    for (let k = 0; k <= h; k++) {
      const re = s[2 * k];
      const im = s[2 * k + 1];
      out[k] = Math.sqrt(re * re + im * im);
    }
    return out;
  }
}

const cache = new Map<number, RealFft>();

/** The cached RealFft plan for size n. */
export function getFft(n: number): RealFft {
  let f = cache.get(n);
  if (!f) {
    f = new RealFft(n);
    cache.set(n, f);
  }
  return f;
}

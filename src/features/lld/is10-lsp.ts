/**
 * IS10 LSP chain (lspFreq[0..7]): 11 kHz resampling of the complex spectrum by a truncated inverse DFT
 * (cSpecResample, in double precision: within float32 rounding of oS's float32 sum), order-8 autocorrelation LPC
 * (float32, smileDsp_calcLpcAcf) and the Speex-style LSP root search (cLsp).
 */
import FFT from 'fft.js';

const f32 = Math.fround;
const F09 = Math.fround(0.9);

interface ComplexFft {
  inverseTransform(out: Float64Array, data: Float64Array): void;
}

/**
 * Fast path when the inverse-DFT length nI is an integer P·m (P a power of two >= 4, m odd; 352 = 32·11 at
 * 16 kHz): out[i1 + m·i2] = Re Σ_b [Σ_a X_{Pa+b} e^{j2πa·i1/m}] e^{j2πb·i1/nI} e^{j2πb·i2/P}, i.e. m small DFTs
 * folded into m inverse FFTs of size P. Same sum as the direct formula, in double precision.
 */
class FactoredIdft {
  private readonly P: number;
  private readonly m: number;
  private readonly K: number;
  private readonly fft: ComplexFft;
  private readonly twA: Float64Array; // e^{j2π a i1/m}, [a][i1]
  private readonly twB: Float64Array; // e^{j2π b i1/nI}, [i1][b]
  private readonly z: Float64Array;
  private readonly y: Float64Array;

  constructor(nI: number, K: number) {
    let P = 1;
    while (nI % (P * 2) === 0) P *= 2;
    this.P = P;
    this.m = nI / P;
    this.K = K;
    this.fft = new FFT(P) as unknown as ComplexFft;
    const m = this.m;
    const nA = Math.floor(K / P) + 1;
    this.twA = new Float64Array(2 * nA * m);
    for (let a = 0; a < nA; a++)
      for (let i1 = 0; i1 < m; i1++) {
        const ph = (2 * Math.PI * ((a * i1) % m)) / m;
        this.twA[2 * (a * m + i1)] = Math.cos(ph);
        this.twA[2 * (a * m + i1) + 1] = Math.sin(ph);
      }
    this.twB = new Float64Array(2 * m * P);
    for (let i1 = 0; i1 < m; i1++)
      for (let b = 0; b < P; b++) {
        const ph = (2 * Math.PI * b * i1) / nI;
        this.twB[2 * (i1 * P + b)] = Math.cos(ph);
        this.twB[2 * (i1 * P + b) + 1] = Math.sin(ph);
      }
    this.z = new Float64Array(2 * P);
    this.y = new Float64Array(2 * P);
  }

  static fits(nI: number): boolean {
    if (!Number.isInteger(nI) || nI < 8) return false;
    let P = 1;
    while (nI % (P * 2) === 0) P *= 2;
    return P >= 4 && nI / P <= 64;
  }

  /** spec: interleaved X_k (k = 0..K used); writes Re(idft)[i] for i < n, divided by norm. */
  apply(spec: Float64Array, n: number, norm: number, out: Float32Array): void {
    const { P, m, K, twA, twB, z, y } = this;
    for (let i1 = 0; i1 < m; i1++) {
      for (let b = 0; b < P; b++) {
        let re = 0;
        let im = 0;
        for (let a = 0, k = b; k <= K; a++, k += P) {
          const xr = spec[2 * k];
          const xi = spec[2 * k + 1];
          const c = twA[2 * (a * m + i1)];
          const s = twA[2 * (a * m + i1) + 1];
          re += xr * c - xi * s;
          im += xr * s + xi * c;
        }
        const c = twB[2 * (i1 * P + b)];
        const s = twB[2 * (i1 * P + b) + 1];
        z[2 * b] = re * c - im * s;
        z[2 * b + 1] = re * s + im * c;
      }
      this.fft.inverseTransform(y, z); // fft.js divides by P
      for (let i2 = 0; i2 < P; i2++) {
        const i = i1 + m * i2;
        if (i < n) out[i] = (y[2 * i2] * P) / norm;
      }
    }
  }
}

/** cSpecResample: a frame's complex spectrum resampled to targetFs by a truncated inverse DFT. */
export class SpecResampler {
  /** Resampled frame length (275 at 16 kHz). */
  readonly nOut: number;
  private readonly kUsed: number;
  private readonly norm: number;
  private readonly fast: FactoredIdft | null;
  /** Nyquist bin included (upsampling: nOut >= nfft), with its float32 cosine per output sample */
  private readonly nyquist: Float32Array | null;
  /** direct-formula float32 tables as oS stores them, one row of kUsed+1 per output sample (direct path only) */
  private readonly cos: Float32Array;
  private readonly sin: Float32Array;
  /** the frame's R_k and I_k rounded to float32 (direct path) */
  private readonly re: Float32Array;
  private readonly im: Float32Array;

  /** every product rounded to float32 before it is added, as smileDsp_irdft's float arithmetic does */
  private readonly exact: boolean;

  /**
   * floatPath: always oS's float32 direct sum with each product rounded, which reproduces openSMILE's resampled frame
   * bit for bit from openSMILE's float32 spectrum (RealFftF32; eGeMAPS' formants, bench/formant-rounding.ts).
   */
  constructor(nfft: number, frameLen: number, fs: number, targetFs = 11000, floatPath = false) {
    this.exact = floatPath;
    const K = nfft;
    const ratio = targetFs / fs;
    this.nOut = Math.round(K * ratio * (frameLen / K));
    // oS rounds the output length to whole samples and rescales the ratio to nOut / frameLen, which sets the
    // inverse DFT's period (equal to K·ratio only when the frame is a whole number of samples at both rates)
    const nI = (K * this.nOut) / frameLen;
    let kMax = Math.min(K, this.nOut);
    kMax -= kMax % 2;
    this.kUsed = Math.max(0, Math.min(kMax / 2 - 1, K / 2));
    this.norm = K / 2;
    const n = this.nOut;
    const upsampling = n >= K;
    if (!floatPath && FactoredIdft.fits(nI) && !upsampling) {
      this.fast = new FactoredIdft(nI, this.kUsed);
      this.cos = new Float32Array(0);
      this.sin = new Float32Array(0);
      this.re = new Float32Array(0);
      this.im = new Float32Array(0);
      this.nyquist = null;
    } else {
      this.fast = null;
      const w = this.kUsed + 1;
      this.cos = new Float32Array(w * n);
      this.sin = new Float32Array(w * n);
      this.re = new Float32Array(w);
      this.im = new Float32Array(w);
      for (let i = 0; i < n; i++) {
        for (let k = 1; k <= this.kUsed; k++) {
          const ph = (2 * Math.PI * (k * i)) / nI;
          this.cos[i * w + k] = Math.cos(ph);
          this.sin[i * w + k] = Math.sin(ph);
        }
      }
      this.nyquist = upsampling ? Float32Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * ((K / 2) * i)) / nI)) : null;
    }
  }

  /**
   * out[i] = (R_0 [+ R_{K/2}·cos(πKi/nI) when upsampling] + Σ_{k=1}^{kUsed} R_k·cos(2πki/nI) + I_k·sin(2πki/nI)) / (nfft/2),
   * I_k = −Im X_k (oS's Ooura spectrum layout); spec = interleaved [Re_k, Im_k] (e^{−i} sign, as RealFft.spectrum).
   * The direct path accumulates in float32 in oS's order (smileDsp_irdft), one rounding per multiply-add.
   */
  apply(spec: Float64Array, out: Float32Array): Float32Array {
    const n = this.nOut;
    if (this.fast) {
      this.fast.apply(spec, n, this.norm, out);
      return out;
    }
    const K = this.kUsed;
    const w = K + 1;
    const { cos, sin, nyquist, re, im } = this;
    const norm = f32(this.norm);
    const rN = f32(spec[2 * this.norm]);
    const r0 = f32(spec[0]);
    for (let k = 1; k <= K; k++) {
      re[k] = spec[2 * k];
      im[k] = -spec[2 * k + 1];
    }
    for (let i = 0; i < n; i++) {
      let acc = r0;
      const row = i * w;
      // each multiply-add rounds once to float32 (a fused multiply-add: the float32 product is exact in double);
      // rounding the product first as well matches openSMILE's outputs less closely at 22.05-44.1 kHz
      if (this.exact) {
        if (nyquist) acc = f32(acc + f32(rN * nyquist[i]));
        for (let k = 1; k <= K; k++) {
          acc = f32(acc + f32(re[k] * cos[row + k]));
          acc = f32(acc + f32(im[k] * sin[row + k]));
        }
        out[i] = f32(acc / norm);
        continue;
      }
      if (nyquist) acc = f32(acc + rN * nyquist[i]);
      for (let k = 1; k <= K; k++) {
        acc = f32(acc + re[k] * cos[row + k]);
        acc = f32(acc + im[k] * sin[row + k]);
      }
      out[i] = f32(acc / norm);
    }
    return out;
  }
}

function cheb(c: Float32Array, x: number, m: number): number {
  const x2 = f32(2 * x);
  let b0 = 0;
  let b1 = 0;
  for (let k = m; k > 0; k--) {
    const t = b0;
    b0 = f32(f32(f32(x2 * b0) - b1) + c[m - k]);
    b1 = t;
  }
  return f32(f32(-b1 + f32(f32(0.5 * x2) * b0)) + c[m]);
}

let polyP = new Float32Array(8);
let polyQ = new Float32Array(8);

function search(a: Float32Array, p: number, delta: number, out: Float32Array): number {
  const m = p / 2;
  if (polyP.length < m + 1) {
    polyP = new Float32Array(m + 1);
    polyQ = new Float32Array(m + 1);
  }
  const P = polyP;
  const Q = polyQ;
  P[0] = 1;
  Q[0] = 1;
  for (let i = 0; i < m; i++) {
    P[i + 1] = f32(f32(a[i] + a[p - 1 - i]) - P[i]);
    Q[i + 1] = f32(f32(a[i] - a[p - 1 - i]) + Q[i]);
  }
  for (let i = 0; i < m; i++) {
    P[i] = 2 * P[i];
    Q[i] = 2 * Q[i];
  }
  let roots = 0;
  let xl = 1;
  let xr = 0;
  for (let j = 0; j < p; j++) {
    const pt = j & 1 ? Q : P;
    let psuml = cheb(pt, xl, m);
    let flag = true;
    while (flag && xr >= -1) {
      let dd = f32(delta * f32(1 - f32(f32(F09 * xl) * xl)));
      if (Math.abs(psuml) < 0.2) dd = f32(dd * 0.5);
      xr = f32(xl - dd);
      const psumr = cheb(pt, xr, m);
      const tempPsumr = psumr;
      const tempXr = xr;
      if (f32(psumr * psuml) < 0) {
        roots++;
        let xm = 0;
        let psumm: number;
        for (let k = 0; k <= 10; k++) {
          xm = f32(0.5 * f32(xl + xr));
          psumm = cheb(pt, xm, m);
          if (!(f32(psumm * psuml) < 0)) {
            psuml = psumm;
            xl = xm;
          } else {
            xr = xm;
          }
        }
        if (xm > 1) xm = 1;
        if (xm < -1) xm = -1;
        out[j] = f32(Math.acos(xm));
        xl = xm;
        flag = false;
      } else {
        psuml = tempPsumr;
        xl = tempXr;
      }
    }
  }
  return roots;
}

/**
 * a = a_1..a_p (float32); writes p LSP frequencies in radians (0 for roots not found) and returns the number of
 * roots found.
 */
export function lpcToLsp(a: Float32Array, p: number, out: Float32Array): number {
  out.fill(0, 0, p);
  let roots = search(a, p, f32(0.2), out);
  if (roots < p) {
    out.fill(0, 0, p);
    roots = search(a, p, f32(0.05), out);
  }
  return roots;
}

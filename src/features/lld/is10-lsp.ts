/**
 * IS10 LSP chain (spec 6.4): 11 kHz resampling of the complex spectrum by a truncated inverse DFT
 * (cSpecResample), order-8 autocorrelation LPC (float32, spec 2.7) and the Speex-style LSP root search (cLsp).
 *
 * API:
 *   class SpecResampler(nfft, frameLen, fs, targetFs = 11000)
 *     .nOut: number                              resampled frame length (275 at 16 kHz)
 *     .apply(spec, out): Float32Array            spec = interleaved [Re_k, Im_k] (e^{−i} sign, as RealFft.spectrum)
 *   lpcToLsp(a, p, out): number                  a = a_1..a_p (float32), writes p LSP frequencies in radians
 *                                                (0 for roots not found), returns the number of roots found
 */
const f32 = Math.fround;
const F09 = Math.fround(0.9);

export class SpecResampler {
  readonly nOut: number;
  private readonly kUsed: number;
  /** [k][i] tables: the k-outer / i-inner loop keeps every out[i] an independent float32 chain summed in k order */
  private readonly cos: Float32Array;
  private readonly sin: Float32Array;
  private readonly norm: number;
  private readonly rk: Float32Array;
  private readonly ik: Float32Array;
  private readonly acc: Float32Array;

  constructor(nfft: number, frameLen: number, fs: number, targetFs = 11000) {
    const K = nfft;
    const ratio = targetFs / fs;
    this.nOut = Math.round(K * ratio * (frameLen / K));
    const nI = K * ratio;
    let kMax = Math.min(K, this.nOut);
    kMax -= kMax % 2;
    this.kUsed = Math.max(0, Math.min(kMax / 2 - 1, K / 2));
    this.norm = K / 2;
    const n = this.nOut;
    const w = this.kUsed + 1;
    this.cos = new Float32Array(w * n);
    this.sin = new Float32Array(w * n);
    for (let k = 1; k <= this.kUsed; k++) {
      for (let i = 0; i < n; i++) {
        const ph = (2 * Math.PI * k * i) / nI;
        this.cos[k * n + i] = Math.cos(ph);
        this.sin[k * n + i] = Math.sin(ph);
      }
    }
    this.rk = new Float32Array(w);
    this.ik = new Float32Array(w);
    this.acc = new Float32Array(n);
  }

  apply(spec: Float64Array, out: Float32Array): Float32Array {
    const n = this.nOut;
    const K = this.kUsed;
    const { rk, ik, cos, sin } = this;
    for (let k = 0; k <= K; k++) {
      rk[k] = spec[2 * k];
      ik[k] = -spec[2 * k + 1]; // Ooura layout: I_k = −Im(X_k)
    }
    const acc = this.acc;
    acc.fill(rk[0]);
    for (let k = 1; k <= K; k++) {
      const r = rk[k];
      const im = ik[k];
      const base = k * n;
      for (let i = 0; i < n; i++) acc[i] = acc[i] + f32(f32(r * cos[base + i]) + f32(im * sin[base + i]));
    }
    for (let i = 0; i < n; i++) out[i] = f32(acc[i] / this.norm);
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

function search(a: Float32Array, p: number, delta: number, out: Float32Array): number {
  const m = p / 2;
  const P = new Float32Array(m + 1);
  const Q = new Float32Array(m + 1);
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

export function lpcToLsp(a: Float32Array, p: number, out: Float32Array): number {
  out.fill(0, 0, p);
  let roots = search(a, p, f32(0.2), out);
  if (roots < p) {
    out.fill(0, 0, p);
    roots = search(a, p, f32(0.05), out);
  }
  return roots;
}

/**
 * Natural cubic spline (Numerical Recipes spline/splint; second derivatives 0 at both ends), double precision, in the
 * operation order of openSMILE's cached variants smileMath_cspline/smileMath_csplint (smileUtilSpline.c): the SHS
 * pitch chain's voicing decisions are borderline in some frames, so even last-bit differences of the interpolated
 * spectrum can flip them.
 */
/** Precomputes what depends only on the abscissae x (strictly increasing), as smileMath_cspline_init does. */
export class NaturalSpline {
  private readonly x: Float64Array;
  private readonly u: Float64Array;
  private readonly sigma: Float64Array;
  private readonly diff1: Float64Array;
  private readonly diff2: Float64Array;
  /** 1/(sigma_i·y2_{i−1} + 2) and the forward-sweep y2_i = (sigma_i − 1)·p_i: functions of x only */
  private readonly p: Float64Array;
  private readonly y2c: Float64Array;

  constructor(x: Float64Array) {
    this.x = x;
    const n = x.length;
    this.u = new Float64Array(n);
    this.sigma = new Float64Array(n);
    this.diff1 = new Float64Array(n);
    this.diff2 = new Float64Array(n);
    this.p = new Float64Array(n);
    this.y2c = new Float64Array(n);
    for (let i = 1; i < n - 1; i++) {
      this.sigma[i] = (x[i] - x[i - 1]) / (x[i + 1] - x[i - 1]);
      this.diff1[i] = (x[i + 1] - x[i]) * (x[i + 1] - x[i - 1]);
      this.diff2[i] = (x[i] - x[i - 1]) * (x[i + 1] - x[i - 1]);
      this.p[i] = 1 / (this.sigma[i] * this.y2c[i - 1] + 2);
      this.y2c[i] = (this.sigma[i] - 1) * this.p[i];
    }
  }

  /** Second derivatives y2 for ordinates y (smileMath_cspline with natural ends). */
  fit(y: Float64Array, y2: Float64Array): Float64Array {
    const { u, sigma, diff1, diff2, p, y2c } = this;
    const n = this.x.length;
    u[0] = 0;
    for (let i = 1; i < n - 1; i++) {
      const ut = (y[i + 1] - y[i]) / diff1[i] - (y[i] - y[i - 1]) / diff2[i];
      u[i] = p[i] * (6 * ut - sigma[i] * u[i - 1]);
    }
    y2[n - 1] = 0;
    for (let k = n - 2; k >= 1; k--) y2[k] = y2c[k] * y2[k + 1] + u[k];
    y2[0] = 0;
    return y2;
  }

  /** Evaluation at one point with bisection (smileMath_splint). */
  evalAt(y: Float64Array, y2: Float64Array, xv: number): number {
    const { x } = this;
    let klo = 0;
    let khi = x.length - 1;
    while (khi - klo > 1) {
      const k = (khi + klo) >> 1;
      if (x[k] > xv) khi = k;
      else klo = k;
    }
    const h = x[khi] - x[klo];
    const a = (x[khi] - xv) / h;
    const b = 1 - a;
    return a * y[klo] + b * y[khi] + (((a * a * a - a) * y2[klo] + (b * b * b - b) * y2[khi]) * (h * h)) / 6;
  }
}

/**
 * A spline evaluated at fixed points (smileMath_csplint_init/csplint): per point the interval found by a linear search
 * (the first abscissa not below the point is the upper end) and the weights a, c, d, with b = 1 − a.
 */
export class SplineSampler {
  readonly n: number;
  private readonly k: Int32Array;
  private readonly a: Float64Array;
  private readonly c: Float64Array;
  private readonly d: Float64Array;

  /** xorig: the spline's abscissae; at: the evaluation points (ascending, inside [xorig[0], xorig[N−1]]). */
  constructor(xorig: Float64Array, at: Float64Array) {
    const n = at.length;
    this.n = n;
    this.k = new Int32Array(n);
    this.a = new Float64Array(n);
    this.c = new Float64Array(n);
    this.d = new Float64Array(n);
    let hi = 1;
    for (let i = 0; i < n; i++) {
      while (hi < xorig.length - 1 && xorig[hi] < at[i]) hi++;
      const lo = hi - 1;
      const range = xorig[hi] - xorig[lo];
      const a = (xorig[hi] - at[i]) / range;
      const b = 1 - a;
      const range2 = (range * range) / 6;
      this.k[i] = lo;
      this.a[i] = a;
      this.c[i] = (a * a * a - a) * range2;
      this.d[i] = (b * b * b - b) * range2;
    }
  }

  /** out[i] = the spline (y, y2) at point i, in double. */
  sample(y: Float64Array, y2: Float64Array, out: Float64Array): Float64Array {
    const { k, a, c, d } = this;
    for (let i = 0; i < this.n; i++) {
      const lo = k[i];
      const ai = a[i];
      out[i] = ai * y[lo] + (1 - ai) * y[lo + 1] + c[i] * y2[lo] + d[i] * y2[lo + 1];
    }
    return out;
  }
}

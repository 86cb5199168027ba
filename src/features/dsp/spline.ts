/**
 * Natural cubic spline (Numerical Recipes spline/splint, smileMath_cspline/csplint: second derivatives 0 at both ends),
 * double precision.
 */
/** Precomputes what depends only on the abscissae x (strictly increasing). */
export class NaturalSpline {
  private readonly x: Float64Array;
  private readonly u: Float64Array;
  private readonly sig: Float64Array;
  private readonly p: Float64Array;
  private readonly y2c: Float64Array;
  private readonly dx: Float64Array;
  private readonly dx2: Float64Array;
  private readonly invDx: Float64Array;
  private readonly sixOverDx2: Float64Array;
  private readonly invP: Float64Array;

  constructor(x: Float64Array) {
    this.x = x;
    const n = x.length;
    this.u = new Float64Array(n);
    this.sig = new Float64Array(n);
    this.p = new Float64Array(n);
    this.y2c = new Float64Array(n);
    this.dx = new Float64Array(n);
    this.dx2 = new Float64Array(n);
    this.invDx = new Float64Array(n);
    this.sixOverDx2 = new Float64Array(n);
    this.invP = new Float64Array(n);
    for (let i = 0; i < n - 1; i++) {
      this.dx[i] = x[i + 1] - x[i];
      this.invDx[i] = 1 / this.dx[i];
    }
    for (let i = 1; i < n - 1; i++) {
      this.dx2[i] = x[i + 1] - x[i - 1];
      this.sig[i] = (x[i] - x[i - 1]) / this.dx2[i];
      this.p[i] = this.sig[i] * this.y2c[i - 1] + 2;
      this.y2c[i] = (this.sig[i] - 1) / this.p[i];
      this.invP[i] = 1 / this.p[i];
      this.sixOverDx2[i] = 6 / this.dx2[i];
    }
  }

  /**
   * Second derivatives y2 for ordinates y (the x-only parts of the tridiagonal elimination
   * are precomputed).
   */
  fit(y: Float64Array, y2: Float64Array): Float64Array {
    const { u, sig, y2c, invDx, sixOverDx2, invP } = this;
    const n = this.x.length;
    u[0] = 0;
    let slopePrev = (y[1] - y[0]) * invDx[0];
    for (let i = 1; i < n - 1; i++) {
      const slope = (y[i + 1] - y[i]) * invDx[i];
      u[i] = ((slope - slopePrev) * sixOverDx2[i] - sig[i] * u[i - 1]) * invP[i];
      slopePrev = slope;
    }
    y2[n - 1] = 0;
    for (let k = n - 2; k >= 1; k--) y2[k] = y2c[k] * y2[k + 1] + u[k];
    y2[0] = 0;
    return y2;
  }

  /** Evaluation at one point with bisection (splint). */
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
    const b = (xv - x[klo]) / h;
    return a * y[klo] + b * y[khi] + (((a * a * a - a) * y2[klo] + (b * b * b - b) * y2[khi]) * (h * h)) / 6;
  }
}

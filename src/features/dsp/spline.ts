/**
 * Natural cubic spline (Numerical Recipes spline/splint, smileMath_cspline/csplint, spec 2.6), double precision.
 *
 * API:
 *   class NaturalSpline(x)                     precomputes what depends only on the abscissae x (strictly increasing)
 *     .fit(y, y2): Float64Array               second derivatives y2 for ordinates y
 *     .evalAt(y, y2, x): number               value at x (bisection, splint)
 */
export class NaturalSpline {
  private readonly x: Float64Array;
  private readonly u: Float64Array;

  constructor(x: Float64Array) {
    this.x = x;
    this.u = new Float64Array(x.length);
  }

  fit(y: Float64Array, y2: Float64Array): Float64Array {
    const { x, u } = this;
    const n = x.length;
    y2[0] = 0;
    u[0] = 0;
    for (let i = 1; i < n - 1; i++) {
      const sig = (x[i] - x[i - 1]) / (x[i + 1] - x[i - 1]);
      const p = sig * y2[i - 1] + 2;
      y2[i] = (sig - 1) / p;
      u[i] = (y[i + 1] - y[i]) / (x[i + 1] - x[i]) - (y[i] - y[i - 1]) / (x[i] - x[i - 1]);
      u[i] = ((6 * u[i]) / (x[i + 1] - x[i - 1]) - sig * u[i - 1]) / p;
    }
    y2[n - 1] = 0;
    for (let k = n - 2; k >= 0; k--) y2[k] = y2[k] * y2[k + 1] + u[k];
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
    return a * y[klo] + b * y[khi] + ((a * a * a - a) * y2[klo] + (b * b * b - b) * y2[khi]) * (h * h) / 6;
  }
}

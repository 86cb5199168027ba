/**
 * Paired significance tests between two methods: a paired t-test over repeated runs (pooled WA per seed) and
 * McNemar's exact test on pooled per-utterance predictions (same test rows, same order).
 */

/** ln Gamma (Lanczos, g = 7). */
function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta function (Numerical Recipes betacf). */
function betacf(a: number, b: number, x: number): number {
  const eps = 1e-14;
  const fpmin = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < fpmin) d = fpmin;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < fpmin) d = fpmin;
    c = 1 + aa / c;
    if (Math.abs(c) < fpmin) c = fpmin;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < fpmin) d = fpmin;
    c = 1 + aa / c;
    if (Math.abs(c) < fpmin) c = fpmin;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < eps) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const bt = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (bt * betacf(a, b, x)) / a : 1 - (bt * betacf(b, a, 1 - x)) / b;
}

/** Two-sided p-value of Student's t with `df` degrees of freedom. */
export function studentTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return Number.isNaN(t) ? NaN : 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

export interface TestResult {
  statistic: number;
  p: number;
}

/** Paired t-test of b - a; p = 1 when every difference is equal (and zero), 0 when equal and non-zero. */
export function pairedTTest(a: readonly number[], b: readonly number[]): TestResult {
  if (a.length !== b.length) throw new Error('pairedTTest: samples differ in length');
  const n = a.length;
  if (n < 2) return { statistic: NaN, p: NaN };
  const d = a.map((v, i) => b[i] - v);
  const m = d.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(d.reduce((s, v) => s + (v - m) * (v - m), 0) / (n - 1));
  if (sd === 0) return { statistic: m === 0 ? 0 : Math.sign(m) * Infinity, p: m === 0 ? 1 : 0 };
  const t = m / (sd / Math.sqrt(n));
  return { statistic: t, p: studentTwoSidedP(t, n - 1) };
}

function lnChoose(n: number, k: number): number {
  return lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);
}

/**
 * McNemar's exact (binomial) test: among utterances where exactly one method is right (b: only A right,
 * c: only B right), is the split different from 50/50? Two-sided p = min(1, 2 P(X <= min(b, c))).
 */
export function mcnemarExact(
  yTrue: ArrayLike<number>,
  predA: ArrayLike<number>,
  predB: ArrayLike<number>,
): TestResult & { onlyA: number; onlyB: number } {
  if (yTrue.length !== predA.length || yTrue.length !== predB.length) throw new Error('mcnemarExact: lengths differ');
  let b = 0;
  let c = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const ra = predA[i] === yTrue[i];
    const rb = predB[i] === yTrue[i];
    if (ra && !rb) b++;
    else if (rb && !ra) c++;
  }
  const n = b + c;
  if (n === 0) return { statistic: 0, p: 1, onlyA: b, onlyB: c };
  const k = Math.min(b, c);
  let tail = 0;
  for (let i = 0; i <= k; i++) tail += Math.exp(lnChoose(n, i) - n * Math.LN2);
  return { statistic: n === 0 ? 0 : ((b - c) * (b - c)) / n, p: Math.min(1, 2 * tail), onlyA: b, onlyB: c };
}

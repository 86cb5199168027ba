/**
 * Float32 real FFT in the exact operation order of Takuya Ooura's split-radix `rdft` (fftsg.c, "You may use, copy,
 * modify and distribute this code for any purpose"), which openSMILE's cTransformFFT runs in single precision.
 * Every intermediate is rounded to float32 (Math.fround) as the C code's float variables are, so the spectrum is
 * bit-identical to openSMILE's rather than within double rounding of the exact DFT. Used where a result is
 * ill-conditioned in the FFT's last bits (the order-11 LPC behind eGeMAPS' formants).
 */
const f = Math.fround;

/** makewt: the cos/sin table of the complex transform (nw = n/4 entries), in float32 as openSMILE builds it. */
function makeWt(nw: number, w: Float32Array): void {
  if (nw <= 2) return;
  let nwh = nw >> 1;
  const delta = f(f(Math.atan(1)) / nwh);
  const wn4r = f(Math.cos(f(delta * nwh)));
  w[0] = 1;
  w[1] = wn4r;
  if (nwh === 4) {
    w[2] = f(Math.cos(f(delta * 2)));
    w[3] = f(Math.sin(f(delta * 2)));
  } else if (nwh > 4) {
    w[2] = f(0.5 / Math.cos(f(delta * 2)));
    w[3] = f(0.5 / Math.cos(f(delta * 6)));
    const d3 = f(3 * delta);
    for (let j = 4; j < nwh; j += 4) {
      w[j] = f(Math.cos(f(delta * j)));
      w[j + 1] = f(Math.sin(f(delta * j)));
      w[j + 2] = f(Math.cos(f(d3 * j)));
      w[j + 3] = f(-Math.sin(f(d3 * j)));
    }
  }
  let nw0 = 0;
  while (nwh > 2) {
    const nw1 = nw0 + nwh;
    nwh >>= 1;
    w[nw1] = 1;
    w[nw1 + 1] = wn4r;
    if (nwh === 4) {
      w[nw1 + 2] = w[nw0 + 4];
      w[nw1 + 3] = w[nw0 + 5];
    } else if (nwh > 4) {
      w[nw1 + 2] = f(0.5 / w[nw0 + 4]);
      w[nw1 + 3] = f(0.5 / w[nw0 + 6]);
      for (let j = 4; j < nwh; j += 4) {
        w[nw1 + j] = w[nw0 + 2 * j];
        w[nw1 + j + 1] = w[nw0 + 2 * j + 1];
        w[nw1 + j + 2] = w[nw0 + 2 * j + 2];
        w[nw1 + j + 3] = w[nw0 + 2 * j + 3];
      }
    }
    nw0 = nw1;
  }
}

/** makect: the table of the real-to-complex post-processing (nc = n/4 entries at c[co..]). */
function makeCt(nc: number, c: Float32Array, co: number): void {
  if (nc <= 1) return;
  const nch = nc >> 1;
  const delta = f(f(Math.atan(1)) / nch);
  c[co] = f(Math.cos(f(delta * nch)));
  c[co + nch] = f(0.5 * c[co]);
  for (let j = 1; j < nch; j++) {
    c[co + j] = f(0.5 * Math.cos(f(delta * j)));
    c[co + nc - j] = f(0.5 * Math.sin(f(delta * j)));
  }
}

/** The bit-reversal permutation of the n/2 complex values (Ooura's bitrv2/bitrv216/bitrv208 for the sizes used). */
function bitReverse(n: number, a: Float32Array): void {
  const nc = n >> 1;
  for (let i = 1, j = 0; i < nc; i++) {
    let bit = nc >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const r = a[2 * i];
      const im = a[2 * i + 1];
      a[2 * i] = a[2 * j];
      a[2 * i + 1] = a[2 * j + 1];
      a[2 * j] = r;
      a[2 * j + 1] = im;
    }
  }
}

/** x1 − i·x3 and x1 + i·x3 of the last radix4() call: [re, im, re, im] */
const bf = new Float64Array(4);

/**
 * The radix-4 butterfly of fftsg.c's cftf1st/cftmdl1 on the complex values at j0..j3: a[j0] = x0 + x2 and
 * a[j1] = x0 − x2 (x0, x1 = a[j0] ± a[j2], x2, x3 = a[j1] ± a[j3]); x1 ∓ i·x3 go to bf for the caller's twiddles.
 * Each operation rounds to float32 as the C code's float variables do.
 */
function radix4(a: Float32Array, j0: number, j1: number, j2: number, j3: number): void {
  const x0r = f(a[j0] + a[j2]);
  const x0i = f(a[j0 + 1] + a[j2 + 1]);
  const x1r = f(a[j0] - a[j2]);
  const x1i = f(a[j0 + 1] - a[j2 + 1]);
  const x2r = f(a[j1] + a[j3]);
  const x2i = f(a[j1 + 1] + a[j3 + 1]);
  const x3r = f(a[j1] - a[j3]);
  const x3i = f(a[j1 + 1] - a[j3 + 1]);
  a[j0] = x0r + x2r;
  a[j0 + 1] = x0i + x2i;
  a[j1] = x0r - x2r;
  a[j1 + 1] = x0i - x2i;
  bf[0] = f(x1r - x3i);
  bf[1] = f(x1i + x3r);
  bf[2] = f(x1r + x3i);
  bf[3] = f(x1i - x3r);
}

/** a[j] = (wr + i·wi)·(xr + i·xi) in float32 */
function rot(a: Float32Array, j: number, wr: number, wi: number, xr: number, xi: number): void {
  a[j] = f(wr * xr) - f(wi * xi);
  a[j + 1] = f(wr * xi) + f(wi * xr);
}

/** a[j] = (wr − i·wi)·(xr + i·xi) in float32 */
function rotConj(a: Float32Array, j: number, wr: number, wi: number, xr: number, xi: number): void {
  a[j] = f(wr * xr) + f(wi * xi);
  a[j + 1] = f(wr * xi) - f(wi * xr);
}

/** The butterfly at j0 with the twiddles (wk1, wk3): x1 − i·x3 times wk1 into j2, x1 + i·x3 times conj(wk3) into j3. */
function radix4Twiddled(a: Float32Array, j0: number, m: number, wk1r: number, wk1i: number, wk3r: number, wk3i: number): void {
  radix4(a, j0, j0 + m, j0 + 2 * m, j0 + 3 * m);
  rot(a, j0 + 2 * m, wk1r, wk1i, bf[0], bf[1]);
  rotConj(a, j0 + 3 * m, wk3r, wk3i, bf[2], bf[3]);
}

/** The first butterfly of a stage (twiddle 1) at a[ao..], quarter length m. */
function radix4First(a: Float32Array, ao: number, m: number): void {
  radix4(a, ao, ao + m, ao + 2 * m, ao + 3 * m);
  a[ao + 2 * m] = bf[0];
  a[ao + 2 * m + 1] = bf[1];
  a[ao + 3 * m] = bf[2];
  a[ao + 3 * m + 1] = bf[3];
}

/** The middle butterfly of a stage (twiddle e^{iπ/4}, wn4r = cos π/4) at j0, quarter length m. */
function radix4Middle(a: Float32Array, j0: number, m: number, wn4r: number): void {
  radix4(a, j0, j0 + m, j0 + 2 * m, j0 + 3 * m);
  const j2 = j0 + 2 * m;
  const j3 = j2 + m;
  a[j2] = wn4r * f(bf[0] - bf[1]);
  a[j2 + 1] = wn4r * f(bf[1] + bf[0]);
  a[j3] = -wn4r * f(bf[2] + bf[3]);
  a[j3 + 1] = -wn4r * f(bf[3] - bf[2]);
}

/** cftf1st: the first radix-4 stage over the whole array (twiddles from w[wo..], csc-scaled as in fftsg.c). */
function cftf1st(n: number, a: Float32Array, w: Float32Array, wo: number): void {
  const mh = n >> 3;
  const m = 2 * mh;
  radix4First(a, 0, m);
  const wn4r = w[wo + 1];
  const csc1 = w[wo + 2];
  const csc3 = w[wo + 3];
  let wd1r = 1;
  let wd1i = 0;
  let wd3r = 1;
  let wd3i = 0;
  let k = 0;
  for (let j = 2; j < mh - 2; j += 4) {
    k += 4;
    const wk1r = f(csc1 * f(wd1r + w[wo + k]));
    const wk1i = f(csc1 * f(wd1i + w[wo + k + 1]));
    const wk3r = f(csc3 * f(wd3r + w[wo + k + 2]));
    const wk3i = f(csc3 * f(wd3i + w[wo + k + 3]));
    wd1r = w[wo + k];
    wd1i = w[wo + k + 1];
    wd3r = w[wo + k + 2];
    wd3i = w[wo + k + 3];
    radix4Twiddled(a, j, m, wk1r, wk1i, wk3r, wk3i);
    radix4Twiddled(a, j + 2, m, wd1r, wd1i, wd3r, wd3i);
    const j0 = m - j;
    radix4Twiddled(a, j0, m, wk1i, wk1r, wk3i, wk3r);
    radix4Twiddled(a, j0 - 2, m, wd1i, wd1r, wd3i, wd3r);
  }
  const wk1r = f(csc1 * f(wd1r + wn4r));
  const wk1i = f(csc1 * f(wd1i + wn4r));
  const wk3r = f(csc3 * f(wd3r - wn4r));
  const wk3i = f(csc3 * f(wd3i - wn4r));
  radix4Twiddled(a, mh - 2, m, wk1r, wk1i, wk3r, wk3i);
  radix4Middle(a, mh, m, wn4r);
  radix4Twiddled(a, mh + 2, m, wk1i, wk1r, wk3i, wk3r);
}

/** cftmdl1: radix-4 middle stage on a[ao..ao+n) with twiddles w[wo..]. */
function cftmdl1(n: number, a: Float32Array, ao: number, w: Float32Array, wo: number): void {
  const mh = n >> 3;
  const m = 2 * mh;
  radix4First(a, ao, m);
  const wn4r = w[wo + 1];
  let k = 0;
  for (let j = 2; j < mh; j += 2) {
    k += 4;
    const wk1r = w[wo + k];
    const wk1i = w[wo + k + 1];
    const wk3r = w[wo + k + 2];
    const wk3i = w[wo + k + 3];
    radix4Twiddled(a, ao + j, m, wk1r, wk1i, wk3r, wk3i);
    radix4Twiddled(a, ao + m - j, m, wk1i, wk1r, wk3i, wk3r);
  }
  radix4Middle(a, ao + mh, m, wn4r);
}

/** cftmdl2: the other radix-4 middle stage (odd split of the recursion). */
function cftmdl2(n: number, a: Float32Array, ao: number, w: Float32Array, wo: number): void {
  const mh = n >> 3;
  const m = 2 * mh;
  const wn4r = w[wo + 1];
  let j1 = ao + m;
  let j2 = j1 + m;
  let j3 = j2 + m;
  let x0r = f(a[ao] - a[j2 + 1]);
  let x0i = f(a[ao + 1] + a[j2]);
  let x1r = f(a[ao] + a[j2 + 1]);
  let x1i = f(a[ao + 1] - a[j2]);
  let x2r = f(a[j1] - a[j3 + 1]);
  let x2i = f(a[j1 + 1] + a[j3]);
  let x3r = f(a[j1] + a[j3 + 1]);
  let x3i = f(a[j1 + 1] - a[j3]);
  let y0r = f(wn4r * f(x2r - x2i));
  let y0i = f(wn4r * f(x2i + x2r));
  a[ao] = x0r + y0r;
  a[ao + 1] = x0i + y0i;
  a[j1] = x0r - y0r;
  a[j1 + 1] = x0i - y0i;
  y0r = f(wn4r * f(x3r - x3i));
  y0i = f(wn4r * f(x3i + x3r));
  a[j2] = x1r - y0i;
  a[j2 + 1] = x1i + y0r;
  a[j3] = x1r + y0i;
  a[j3 + 1] = x1i - y0r;
  let k = 0;
  let kr = 2 * m;
  let y2r: number, y2i: number;
  for (let j = 2; j < mh; j += 2) {
    k += 4;
    const wk1r = w[wo + k];
    const wk1i = w[wo + k + 1];
    const wk3r = w[wo + k + 2];
    const wk3i = w[wo + k + 3];
    kr -= 4;
    const wd1i = w[wo + kr];
    const wd1r = w[wo + kr + 1];
    const wd3i = w[wo + kr + 2];
    const wd3r = w[wo + kr + 3];
    const jj = ao + j;
    j1 = jj + m;
    j2 = j1 + m;
    j3 = j2 + m;
    x0r = f(a[jj] - a[j2 + 1]);
    x0i = f(a[jj + 1] + a[j2]);
    x1r = f(a[jj] + a[j2 + 1]);
    x1i = f(a[jj + 1] - a[j2]);
    x2r = f(a[j1] - a[j3 + 1]);
    x2i = f(a[j1 + 1] + a[j3]);
    x3r = f(a[j1] + a[j3 + 1]);
    x3i = f(a[j1 + 1] - a[j3]);
    y0r = f(f(wk1r * x0r) - f(wk1i * x0i));
    y0i = f(f(wk1r * x0i) + f(wk1i * x0r));
    y2r = f(f(wd1r * x2r) - f(wd1i * x2i));
    y2i = f(f(wd1r * x2i) + f(wd1i * x2r));
    a[jj] = y0r + y2r;
    a[jj + 1] = y0i + y2i;
    a[j1] = y0r - y2r;
    a[j1 + 1] = y0i - y2i;
    y0r = f(f(wk3r * x1r) + f(wk3i * x1i));
    y0i = f(f(wk3r * x1i) - f(wk3i * x1r));
    y2r = f(f(wd3r * x3r) + f(wd3i * x3i));
    y2i = f(f(wd3r * x3i) - f(wd3i * x3r));
    a[j2] = y0r + y2r;
    a[j2 + 1] = y0i + y2i;
    a[j3] = y0r - y2r;
    a[j3 + 1] = y0i - y2i;
    const j0 = ao + m - j;
    j1 = j0 + m;
    j2 = j1 + m;
    j3 = j2 + m;
    x0r = f(a[j0] - a[j2 + 1]);
    x0i = f(a[j0 + 1] + a[j2]);
    x1r = f(a[j0] + a[j2 + 1]);
    x1i = f(a[j0 + 1] - a[j2]);
    x2r = f(a[j1] - a[j3 + 1]);
    x2i = f(a[j1 + 1] + a[j3]);
    x3r = f(a[j1] + a[j3 + 1]);
    x3i = f(a[j1 + 1] - a[j3]);
    y0r = f(f(wd1i * x0r) - f(wd1r * x0i));
    y0i = f(f(wd1i * x0i) + f(wd1r * x0r));
    y2r = f(f(wk1i * x2r) - f(wk1r * x2i));
    y2i = f(f(wk1i * x2i) + f(wk1r * x2r));
    a[j0] = y0r + y2r;
    a[j0 + 1] = y0i + y2i;
    a[j1] = y0r - y2r;
    a[j1 + 1] = y0i - y2i;
    y0r = f(f(wd3i * x1r) + f(wd3r * x1i));
    y0i = f(f(wd3i * x1i) - f(wd3r * x1r));
    y2r = f(f(wk3i * x3r) + f(wk3r * x3i));
    y2i = f(f(wk3i * x3i) - f(wk3r * x3r));
    a[j2] = y0r + y2r;
    a[j2 + 1] = y0i + y2i;
    a[j3] = y0r - y2r;
    a[j3 + 1] = y0i - y2i;
  }
  const wk1r = w[wo + m];
  const wk1i = w[wo + m + 1];
  const j0 = ao + mh;
  j1 = j0 + m;
  j2 = j1 + m;
  j3 = j2 + m;
  x0r = f(a[j0] - a[j2 + 1]);
  x0i = f(a[j0 + 1] + a[j2]);
  x1r = f(a[j0] + a[j2 + 1]);
  x1i = f(a[j0 + 1] - a[j2]);
  x2r = f(a[j1] - a[j3 + 1]);
  x2i = f(a[j1 + 1] + a[j3]);
  x3r = f(a[j1] + a[j3 + 1]);
  x3i = f(a[j1 + 1] - a[j3]);
  y0r = f(f(wk1r * x0r) - f(wk1i * x0i));
  y0i = f(f(wk1r * x0i) + f(wk1i * x0r));
  y2r = f(f(wk1i * x2r) - f(wk1r * x2i));
  y2i = f(f(wk1i * x2i) + f(wk1r * x2r));
  a[j0] = y0r + y2r;
  a[j0 + 1] = y0i + y2i;
  a[j1] = y0r - y2r;
  a[j1 + 1] = y0i - y2i;
  y0r = f(f(wk1i * x1r) - f(wk1r * x1i));
  y0i = f(f(wk1i * x1i) + f(wk1r * x1r));
  y2r = f(f(wk1r * x3r) - f(wk1i * x3i));
  y2i = f(f(wk1r * x3i) + f(wk1i * x3r));
  a[j2] = y0r - y2r;
  a[j2 + 1] = y0i - y2i;
  a[j3] = y0r + y2r;
  a[j3 + 1] = y0i + y2i;
}

/** cftf161: 16-point complex butterfly on a[ao..ao+32) (w[wo+1..3]: cos π/4, cos/sin π/8). */
function cftf161(a: Float32Array, ao: number, w: Float32Array, wo: number): void {
  const wn4r = w[wo + 1];
  const wk1r = w[wo + 2];
  const wk1i = w[wo + 3];
  const A = (i: number): number => a[ao + i];
  let x0r = f(A(0) + A(16));
  let x0i = f(A(1) + A(17));
  let x1r = f(A(0) - A(16));
  let x1i = f(A(1) - A(17));
  let x2r = f(A(8) + A(24));
  let x2i = f(A(9) + A(25));
  let x3r = f(A(8) - A(24));
  let x3i = f(A(9) - A(25));
  const y0r = f(x0r + x2r);
  const y0i = f(x0i + x2i);
  const y4r = f(x0r - x2r);
  const y4i = f(x0i - x2i);
  const y8r = f(x1r - x3i);
  const y8i = f(x1i + x3r);
  const y12r = f(x1r + x3i);
  const y12i = f(x1i - x3r);
  x0r = f(A(2) + A(18));
  x0i = f(A(3) + A(19));
  x1r = f(A(2) - A(18));
  x1i = f(A(3) - A(19));
  x2r = f(A(10) + A(26));
  x2i = f(A(11) + A(27));
  x3r = f(A(10) - A(26));
  x3i = f(A(11) - A(27));
  const y1r = f(x0r + x2r);
  const y1i = f(x0i + x2i);
  const y5r = f(x0r - x2r);
  const y5i = f(x0i - x2i);
  x0r = f(x1r - x3i);
  x0i = f(x1i + x3r);
  const y9r = f(f(wk1r * x0r) - f(wk1i * x0i));
  const y9i = f(f(wk1r * x0i) + f(wk1i * x0r));
  x0r = f(x1r + x3i);
  x0i = f(x1i - x3r);
  const y13r = f(f(wk1i * x0r) - f(wk1r * x0i));
  const y13i = f(f(wk1i * x0i) + f(wk1r * x0r));
  x0r = f(A(4) + A(20));
  x0i = f(A(5) + A(21));
  x1r = f(A(4) - A(20));
  x1i = f(A(5) - A(21));
  x2r = f(A(12) + A(28));
  x2i = f(A(13) + A(29));
  x3r = f(A(12) - A(28));
  x3i = f(A(13) - A(29));
  const y2r = f(x0r + x2r);
  const y2i = f(x0i + x2i);
  const y6r = f(x0r - x2r);
  const y6i = f(x0i - x2i);
  x0r = f(x1r - x3i);
  x0i = f(x1i + x3r);
  const y10r = f(wn4r * f(x0r - x0i));
  const y10i = f(wn4r * f(x0i + x0r));
  x0r = f(x1r + x3i);
  x0i = f(x1i - x3r);
  const y14r = f(wn4r * f(x0r + x0i));
  const y14i = f(wn4r * f(x0i - x0r));
  x0r = f(A(6) + A(22));
  x0i = f(A(7) + A(23));
  x1r = f(A(6) - A(22));
  x1i = f(A(7) - A(23));
  x2r = f(A(14) + A(30));
  x2i = f(A(15) + A(31));
  x3r = f(A(14) - A(30));
  x3i = f(A(15) - A(31));
  const y3r = f(x0r + x2r);
  const y3i = f(x0i + x2i);
  const y7r = f(x0r - x2r);
  const y7i = f(x0i - x2i);
  x0r = f(x1r - x3i);
  x0i = f(x1i + x3r);
  const y11r = f(f(wk1i * x0r) - f(wk1r * x0i));
  const y11i = f(f(wk1i * x0i) + f(wk1r * x0r));
  x0r = f(x1r + x3i);
  x0i = f(x1i - x3r);
  const y15r = f(f(wk1r * x0r) - f(wk1i * x0i));
  const y15i = f(f(wk1r * x0i) + f(wk1i * x0r));
  x0r = f(y12r - y14r);
  x0i = f(y12i - y14i);
  x1r = f(y12r + y14r);
  x1i = f(y12i + y14i);
  x2r = f(y13r - y15r);
  x2i = f(y13i - y15i);
  x3r = f(y13r + y15r);
  x3i = f(y13i + y15i);
  a[ao + 24] = x0r + x2r;
  a[ao + 25] = x0i + x2i;
  a[ao + 26] = x0r - x2r;
  a[ao + 27] = x0i - x2i;
  a[ao + 28] = x1r - x3i;
  a[ao + 29] = x1i + x3r;
  a[ao + 30] = x1r + x3i;
  a[ao + 31] = x1i - x3r;
  x0r = f(y8r + y10r);
  x0i = f(y8i + y10i);
  x1r = f(y8r - y10r);
  x1i = f(y8i - y10i);
  x2r = f(y9r + y11r);
  x2i = f(y9i + y11i);
  x3r = f(y9r - y11r);
  x3i = f(y9i - y11i);
  a[ao + 16] = x0r + x2r;
  a[ao + 17] = x0i + x2i;
  a[ao + 18] = x0r - x2r;
  a[ao + 19] = x0i - x2i;
  a[ao + 20] = x1r - x3i;
  a[ao + 21] = x1i + x3r;
  a[ao + 22] = x1r + x3i;
  a[ao + 23] = x1i - x3r;
  x0r = f(y5r - y7i);
  x0i = f(y5i + y7r);
  x2r = f(wn4r * f(x0r - x0i));
  x2i = f(wn4r * f(x0i + x0r));
  x0r = f(y5r + y7i);
  x0i = f(y5i - y7r);
  x3r = f(wn4r * f(x0r - x0i));
  x3i = f(wn4r * f(x0i + x0r));
  x0r = f(y4r - y6i);
  x0i = f(y4i + y6r);
  x1r = f(y4r + y6i);
  x1i = f(y4i - y6r);
  a[ao + 8] = x0r + x2r;
  a[ao + 9] = x0i + x2i;
  a[ao + 10] = x0r - x2r;
  a[ao + 11] = x0i - x2i;
  a[ao + 12] = x1r - x3i;
  a[ao + 13] = x1i + x3r;
  a[ao + 14] = x1r + x3i;
  a[ao + 15] = x1i - x3r;
  x0r = f(y0r + y2r);
  x0i = f(y0i + y2i);
  x1r = f(y0r - y2r);
  x1i = f(y0i - y2i);
  x2r = f(y1r + y3r);
  x2i = f(y1i + y3i);
  x3r = f(y1r - y3r);
  x3i = f(y1i - y3i);
  a[ao] = x0r + x2r;
  a[ao + 1] = x0i + x2i;
  a[ao + 2] = x0r - x2r;
  a[ao + 3] = x0i - x2i;
  a[ao + 4] = x1r - x3i;
  a[ao + 5] = x1i + x3r;
  a[ao + 6] = x1r + x3i;
  a[ao + 7] = x1i - x3r;
}

/** cftf162: the 16-point butterfly of the odd branches (twiddles w[wo+4..9]). */
function cftf162(a: Float32Array, ao: number, w: Float32Array, wo: number): void {
  const wn4r = w[wo + 1];
  const wk1r = w[wo + 4];
  const wk1i = w[wo + 5];
  const wk3r = w[wo + 6];
  const wk3i = -w[wo + 7];
  const wk2r = w[wo + 8];
  const wk2i = w[wo + 9];
  const A = (i: number): number => a[ao + i];
  let x1r = f(A(0) - A(17));
  let x1i = f(A(1) + A(16));
  let x0r = f(A(8) - A(25));
  let x0i = f(A(9) + A(24));
  let x2r = f(wn4r * f(x0r - x0i));
  let x2i = f(wn4r * f(x0i + x0r));
  const y0r = f(x1r + x2r);
  const y0i = f(x1i + x2i);
  const y4r = f(x1r - x2r);
  const y4i = f(x1i - x2i);
  x1r = f(A(0) + A(17));
  x1i = f(A(1) - A(16));
  x0r = f(A(8) + A(25));
  x0i = f(A(9) - A(24));
  x2r = f(wn4r * f(x0r - x0i));
  x2i = f(wn4r * f(x0i + x0r));
  const y8r = f(x1r - x2i);
  const y8i = f(x1i + x2r);
  const y12r = f(x1r + x2i);
  const y12i = f(x1i - x2r);
  x0r = f(A(2) - A(19));
  x0i = f(A(3) + A(18));
  x1r = f(f(wk1r * x0r) - f(wk1i * x0i));
  x1i = f(f(wk1r * x0i) + f(wk1i * x0r));
  x0r = f(A(10) - A(27));
  x0i = f(A(11) + A(26));
  x2r = f(f(wk3i * x0r) - f(wk3r * x0i));
  x2i = f(f(wk3i * x0i) + f(wk3r * x0r));
  const y1r = f(x1r + x2r);
  const y1i = f(x1i + x2i);
  const y5r = f(x1r - x2r);
  const y5i = f(x1i - x2i);
  x0r = f(A(2) + A(19));
  x0i = f(A(3) - A(18));
  x1r = f(f(wk3r * x0r) - f(wk3i * x0i));
  x1i = f(f(wk3r * x0i) + f(wk3i * x0r));
  x0r = f(A(10) + A(27));
  x0i = f(A(11) - A(26));
  x2r = f(f(wk1r * x0r) + f(wk1i * x0i));
  x2i = f(f(wk1r * x0i) - f(wk1i * x0r));
  const y9r = f(x1r - x2r);
  const y9i = f(x1i - x2i);
  const y13r = f(x1r + x2r);
  const y13i = f(x1i + x2i);
  x0r = f(A(4) - A(21));
  x0i = f(A(5) + A(20));
  x1r = f(f(wk2r * x0r) - f(wk2i * x0i));
  x1i = f(f(wk2r * x0i) + f(wk2i * x0r));
  x0r = f(A(12) - A(29));
  x0i = f(A(13) + A(28));
  x2r = f(f(wk2i * x0r) - f(wk2r * x0i));
  x2i = f(f(wk2i * x0i) + f(wk2r * x0r));
  const y2r = f(x1r + x2r);
  const y2i = f(x1i + x2i);
  const y6r = f(x1r - x2r);
  const y6i = f(x1i - x2i);
  x0r = f(A(4) + A(21));
  x0i = f(A(5) - A(20));
  x1r = f(f(wk2i * x0r) - f(wk2r * x0i));
  x1i = f(f(wk2i * x0i) + f(wk2r * x0r));
  x0r = f(A(12) + A(29));
  x0i = f(A(13) - A(28));
  x2r = f(f(wk2r * x0r) - f(wk2i * x0i));
  x2i = f(f(wk2r * x0i) + f(wk2i * x0r));
  const y10r = f(x1r - x2r);
  const y10i = f(x1i - x2i);
  const y14r = f(x1r + x2r);
  const y14i = f(x1i + x2i);
  x0r = f(A(6) - A(23));
  x0i = f(A(7) + A(22));
  x1r = f(f(wk3r * x0r) - f(wk3i * x0i));
  x1i = f(f(wk3r * x0i) + f(wk3i * x0r));
  x0r = f(A(14) - A(31));
  x0i = f(A(15) + A(30));
  x2r = f(f(wk1i * x0r) - f(wk1r * x0i));
  x2i = f(f(wk1i * x0i) + f(wk1r * x0r));
  const y3r = f(x1r + x2r);
  const y3i = f(x1i + x2i);
  const y7r = f(x1r - x2r);
  const y7i = f(x1i - x2i);
  x0r = f(A(6) + A(23));
  x0i = f(A(7) - A(22));
  x1r = f(f(wk1i * x0r) + f(wk1r * x0i));
  x1i = f(f(wk1i * x0i) - f(wk1r * x0r));
  x0r = f(A(14) + A(31));
  x0i = f(A(15) - A(30));
  x2r = f(f(wk3i * x0r) - f(wk3r * x0i));
  x2i = f(f(wk3i * x0i) + f(wk3r * x0r));
  const y11r = f(x1r + x2r);
  const y11i = f(x1i + x2i);
  const y15r = f(x1r - x2r);
  const y15i = f(x1i - x2i);
  x1r = f(y0r + y2r);
  x1i = f(y0i + y2i);
  x2r = f(y1r + y3r);
  x2i = f(y1i + y3i);
  a[ao] = x1r + x2r;
  a[ao + 1] = x1i + x2i;
  a[ao + 2] = x1r - x2r;
  a[ao + 3] = x1i - x2i;
  x1r = f(y0r - y2r);
  x1i = f(y0i - y2i);
  x2r = f(y1r - y3r);
  x2i = f(y1i - y3i);
  a[ao + 4] = x1r - x2i;
  a[ao + 5] = x1i + x2r;
  a[ao + 6] = x1r + x2i;
  a[ao + 7] = x1i - x2r;
  x1r = f(y4r - y6i);
  x1i = f(y4i + y6r);
  x0r = f(y5r - y7i);
  x0i = f(y5i + y7r);
  x2r = f(wn4r * f(x0r - x0i));
  x2i = f(wn4r * f(x0i + x0r));
  a[ao + 8] = x1r + x2r;
  a[ao + 9] = x1i + x2i;
  a[ao + 10] = x1r - x2r;
  a[ao + 11] = x1i - x2i;
  x1r = f(y4r + y6i);
  x1i = f(y4i - y6r);
  x0r = f(y5r + y7i);
  x0i = f(y5i - y7r);
  x2r = f(wn4r * f(x0r - x0i));
  x2i = f(wn4r * f(x0i + x0r));
  a[ao + 12] = x1r - x2i;
  a[ao + 13] = x1i + x2r;
  a[ao + 14] = x1r + x2i;
  a[ao + 15] = x1i - x2r;
  x1r = f(y8r + y10r);
  x1i = f(y8i + y10i);
  x2r = f(y9r - y11r);
  x2i = f(y9i - y11i);
  a[ao + 16] = x1r + x2r;
  a[ao + 17] = x1i + x2i;
  a[ao + 18] = x1r - x2r;
  a[ao + 19] = x1i - x2i;
  x1r = f(y8r - y10r);
  x1i = f(y8i - y10i);
  x2r = f(y9r + y11r);
  x2i = f(y9i + y11i);
  a[ao + 20] = x1r - x2i;
  a[ao + 21] = x1i + x2r;
  a[ao + 22] = x1r + x2i;
  a[ao + 23] = x1i - x2r;
  x1r = f(y12r - y14i);
  x1i = f(y12i + y14r);
  x0r = f(y13r + y15i);
  x0i = f(y13i - y15r);
  x2r = f(wn4r * f(x0r - x0i));
  x2i = f(wn4r * f(x0i + x0r));
  a[ao + 24] = x1r + x2r;
  a[ao + 25] = x1i + x2i;
  a[ao + 26] = x1r - x2r;
  a[ao + 27] = x1i - x2i;
  x1r = f(y12r + y14i);
  x1i = f(y12i - y14r);
  x0r = f(y13r - y15i);
  x0i = f(y13i + y15r);
  x2r = f(wn4r * f(x0r - x0i));
  x2i = f(wn4r * f(x0i + x0r));
  a[ao + 28] = x1r - x2i;
  a[ao + 29] = x1i + x2r;
  a[ao + 30] = x1r + x2i;
  a[ao + 31] = x1i - x2r;
}

/** cftf081: 8-point complex butterfly on a[ao..ao+16). */
function cftf081(a: Float32Array, ao: number, w: Float32Array, wo: number): void {
  const wn4r = w[wo + 1];
  const A = (i: number): number => a[ao + i];
  let x0r = f(A(0) + A(8));
  let x0i = f(A(1) + A(9));
  let x1r = f(A(0) - A(8));
  let x1i = f(A(1) - A(9));
  let x2r = f(A(4) + A(12));
  let x2i = f(A(5) + A(13));
  let x3r = f(A(4) - A(12));
  let x3i = f(A(5) - A(13));
  const y0r = f(x0r + x2r);
  const y0i = f(x0i + x2i);
  const y2r = f(x0r - x2r);
  const y2i = f(x0i - x2i);
  const y1r = f(x1r - x3i);
  const y1i = f(x1i + x3r);
  const y3r = f(x1r + x3i);
  const y3i = f(x1i - x3r);
  x0r = f(A(2) + A(10));
  x0i = f(A(3) + A(11));
  x1r = f(A(2) - A(10));
  x1i = f(A(3) - A(11));
  x2r = f(A(6) + A(14));
  x2i = f(A(7) + A(15));
  x3r = f(A(6) - A(14));
  x3i = f(A(7) - A(15));
  const y4r = f(x0r + x2r);
  const y4i = f(x0i + x2i);
  const y6r = f(x0r - x2r);
  const y6i = f(x0i - x2i);
  x0r = f(x1r - x3i);
  x0i = f(x1i + x3r);
  x2r = f(x1r + x3i);
  x2i = f(x1i - x3r);
  const y5r = f(wn4r * f(x0r - x0i));
  const y5i = f(wn4r * f(x0r + x0i));
  const y7r = f(wn4r * f(x2r - x2i));
  const y7i = f(wn4r * f(x2r + x2i));
  a[ao + 8] = y1r + y5r;
  a[ao + 9] = y1i + y5i;
  a[ao + 10] = y1r - y5r;
  a[ao + 11] = y1i - y5i;
  a[ao + 12] = y3r - y7i;
  a[ao + 13] = y3i + y7r;
  a[ao + 14] = y3r + y7i;
  a[ao + 15] = y3i - y7r;
  a[ao] = y0r + y4r;
  a[ao + 1] = y0i + y4i;
  a[ao + 2] = y0r - y4r;
  a[ao + 3] = y0i - y4i;
  a[ao + 4] = y2r - y6i;
  a[ao + 5] = y2i + y6r;
  a[ao + 6] = y2r + y6i;
  a[ao + 7] = y2i - y6r;
}

/** cftf082: the 8-point butterfly of the odd branches. */
function cftf082(a: Float32Array, ao: number, w: Float32Array, wo: number): void {
  const wn4r = w[wo + 1];
  const wk1r = w[wo + 2];
  const wk1i = w[wo + 3];
  const A = (i: number): number => a[ao + i];
  const y0r = f(A(0) - A(9));
  const y0i = f(A(1) + A(8));
  const y1r = f(A(0) + A(9));
  const y1i = f(A(1) - A(8));
  let x0r = f(A(4) - A(13));
  let x0i = f(A(5) + A(12));
  const y2r = f(wn4r * f(x0r - x0i));
  const y2i = f(wn4r * f(x0i + x0r));
  x0r = f(A(4) + A(13));
  x0i = f(A(5) - A(12));
  const y3r = f(wn4r * f(x0r - x0i));
  const y3i = f(wn4r * f(x0i + x0r));
  x0r = f(A(2) - A(11));
  x0i = f(A(3) + A(10));
  const y4r = f(f(wk1r * x0r) - f(wk1i * x0i));
  const y4i = f(f(wk1r * x0i) + f(wk1i * x0r));
  x0r = f(A(2) + A(11));
  x0i = f(A(3) - A(10));
  const y5r = f(f(wk1i * x0r) - f(wk1r * x0i));
  const y5i = f(f(wk1i * x0i) + f(wk1r * x0r));
  x0r = f(A(6) - A(15));
  x0i = f(A(7) + A(14));
  const y6r = f(f(wk1i * x0r) - f(wk1r * x0i));
  const y6i = f(f(wk1i * x0i) + f(wk1r * x0r));
  x0r = f(A(6) + A(15));
  x0i = f(A(7) - A(14));
  const y7r = f(f(wk1r * x0r) - f(wk1i * x0i));
  const y7i = f(f(wk1r * x0i) + f(wk1i * x0r));
  x0r = f(y0r + y2r);
  x0i = f(y0i + y2i);
  let x1r = f(y4r + y6r);
  let x1i = f(y4i + y6i);
  a[ao] = x0r + x1r;
  a[ao + 1] = x0i + x1i;
  a[ao + 2] = x0r - x1r;
  a[ao + 3] = x0i - x1i;
  x0r = f(y0r - y2r);
  x0i = f(y0i - y2i);
  x1r = f(y4r - y6r);
  x1i = f(y4i - y6i);
  a[ao + 4] = x0r - x1i;
  a[ao + 5] = x0i + x1r;
  a[ao + 6] = x0r + x1i;
  a[ao + 7] = x0i - x1r;
  x0r = f(y1r - y3i);
  x0i = f(y1i + y3r);
  x1r = f(y5r - y7r);
  x1i = f(y5i - y7i);
  a[ao + 8] = x0r + x1r;
  a[ao + 9] = x0i + x1i;
  a[ao + 10] = x0r - x1r;
  a[ao + 11] = x0i - x1i;
  x0r = f(y1r + y3i);
  x0i = f(y1i - y3r);
  x1r = f(y5r + y7r);
  x1i = f(y5i + y7i);
  a[ao + 12] = x0r - x1i;
  a[ao + 13] = x0i + x1r;
  a[ao + 14] = x0r + x1i;
  a[ao + 15] = x0i - x1r;
}

/** cftf040: 4-point complex transform (n = 8 floats). */
function cftf040(a: Float32Array): void {
  const x0r = f(a[0] + a[4]);
  const x0i = f(a[1] + a[5]);
  const x1r = f(a[0] - a[4]);
  const x1i = f(a[1] - a[5]);
  const x2r = f(a[2] + a[6]);
  const x2i = f(a[3] + a[7]);
  const x3r = f(a[2] - a[6]);
  const x3i = f(a[3] - a[7]);
  a[0] = x0r + x2r;
  a[1] = x0i + x2i;
  a[2] = x1r - x3i;
  a[3] = x1i + x3r;
  a[4] = x0r - x2r;
  a[5] = x0i - x2i;
  a[6] = x1r + x3i;
  a[7] = x1i - x3r;
}

/** cftx020: 2-point complex transform (n = 4 floats). */
function cftx020(a: Float32Array): void {
  const x0r = f(a[0] - a[2]);
  const x0i = f(a[1] - a[3]);
  a[0] = a[0] + a[2];
  a[1] = a[1] + a[3];
  a[2] = x0r;
  a[3] = x0i;
}

type Leaf = (a: Float32Array, ao: number, w: Float32Array, wo: number) => void;

/** The 16- and 8-point kernels of cftleaf / cftfx41: [first, odd-branch, odd-branch twiddle offset from nw]. */
function leafKernels(n: number): [Leaf, Leaf, number] {
  return n >= 512 || n === 128 ? [cftf161, cftf162, 32] : [cftf081, cftf082, 8];
}

/** cftfx41 (and the four kernels that end each quarter of cftleaf): first, odd, first, first at block b. */
function cftQuad(a: Float32Array, ao: number, b: number, nw: number, w: Float32Array, k: [Leaf, Leaf, number]): void {
  const [first, odd, wOdd] = k;
  first(a, ao, w, nw - 8);
  odd(a, ao + b, w, nw - wOdd);
  first(a, ao + 2 * b, w, nw - 8);
  first(a, ao + 3 * b, w, nw - 8);
}

/**
 * cftleaf: the last stages of a 512- or 256-float block (isplt selects the odd or even split); b = the kernel size,
 * the middle stages cftmdl1/cftmdl2 work on quarters of m = n/4 floats.
 */
function cftleaf(n: number, isplt: number, a: Float32Array, ao: number, nw: number, w: Float32Array): void {
  const k = leafKernels(n);
  const [first, odd, wOdd] = k;
  const m = n >> 2;
  const b = n >> 4;
  cftmdl1(m, a, ao, w, nw - (m >> 1));
  cftQuad(a, ao, b, nw, w, k);
  cftmdl2(m, a, ao + 4 * b, w, nw - m);
  first(a, ao + 4 * b, w, nw - 8);
  odd(a, ao + 5 * b, w, nw - wOdd);
  first(a, ao + 6 * b, w, nw - 8);
  odd(a, ao + 7 * b, w, nw - wOdd);
  cftmdl1(m, a, ao + 8 * b, w, nw - (m >> 1));
  cftQuad(a, ao + 8 * b, b, nw, w, k);
  if (isplt !== 0) {
    cftmdl1(m, a, ao + 12 * b, w, nw - (m >> 1));
    first(a, ao + 15 * b, w, nw - 8);
  } else {
    cftmdl2(m, a, ao + 12 * b, w, nw - m);
    odd(a, ao + 15 * b, w, nw - wOdd);
  }
  first(a, ao + 12 * b, w, nw - 8);
  odd(a, ao + 13 * b, w, nw - wOdd);
  first(a, ao + 14 * b, w, nw - 8);
}

/** cfttree: the middle stages above the leaf of block k ending at a[j]; returns the leaf's split. */
function cfttree(n: number, j: number, k: number, a: Float32Array, nw: number, w: Float32Array): number {
  let isplt: number;
  if ((k & 3) !== 0) {
    isplt = k & 1;
    if (isplt !== 0) cftmdl1(n, a, j - n, w, nw - (n >> 1));
    else cftmdl2(n, a, j - n, w, nw - n);
  } else {
    let m = n;
    let i = k;
    for (; (i & 3) === 0; i >>= 2) m <<= 2;
    isplt = i & 1;
    if (isplt !== 0) {
      for (; m > 128; m >>= 2) cftmdl1(m, a, j - m, w, nw - (m >> 1));
    } else {
      for (; m > 128; m >>= 2) cftmdl2(m, a, j - m, w, nw - m);
    }
  }
  return isplt;
}

/** cftrec4: the recursive radix-4 part for n > 512 floats. */
function cftrec4(n: number, a: Float32Array, nw: number, w: Float32Array): void {
  let m = n;
  while (m > 512) {
    m >>= 2;
    cftmdl1(m, a, n - m, w, nw - (m >> 1));
  }
  cftleaf(m, 1, a, n - m, nw, w);
  let k = 0;
  for (let j = n - m; j > 0; j -= m) {
    k++;
    const isplt = cfttree(m, j, k, a, nw, w);
    cftleaf(m, isplt, a, j - m, nw, w);
  }
}

/** cftfsub: forward complex transform of n/2 complex values (Σ x_j e^{+2πijk/N}), natural order out. */
function cftfsub(n: number, a: Float32Array, nw: number, w: Float32Array): void {
  if (n > 8) {
    if (n > 32) {
      cftf1st(n, a, w, nw - (n >> 2));
      if (n > 512) cftrec4(n, a, nw, w);
      else if (n > 128) cftleaf(n, 1, a, 0, nw, w);
      else cftQuad(a, 0, n >> 2, nw, w, leafKernels(n));
    } else if (n === 32) {
      cftf161(a, 0, w, nw - 8);
    } else {
      cftf081(a, 0, w, 0);
    }
    bitReverse(n, a);
  } else if (n === 8) {
    cftf040(a);
  } else if (n === 4) {
    cftx020(a);
  }
}

/** rftfsub: the real-to-complex post-processing with the table c[co..co+nc). */
function rftfsub(n: number, a: Float32Array, nc: number, c: Float32Array, co: number): void {
  const m = n >> 1;
  const ks = (2 * nc) / m;
  let kk = 0;
  for (let j = 2; j < m; j += 2) {
    const k = n - j;
    kk += ks;
    const wkr = f(0.5 - c[co + nc - kk]);
    const wki = c[co + kk];
    const xr = f(a[j] - a[k]);
    const xi = f(a[j + 1] + a[k + 1]);
    const yr = f(f(wkr * xr) - f(wki * xi));
    const yi = f(f(wkr * xi) + f(wki * xr));
    a[j] = a[j] - yr;
    a[j + 1] = a[j + 1] - yi;
    a[k] = a[k] + yr;
    a[k + 1] = a[k + 1] - yi;
  }
}

/** An n-point float32 real FFT plan (n a power of two >= 4) in openSMILE's arithmetic. */
export class RealFftF32 {
  readonly n: number;
  private readonly w: Float32Array;
  private readonly nw: number;
  private readonly nc: number;
  private readonly a: Float32Array;
  private readonly out: Float64Array;

  constructor(n: number) {
    if (n < 4 || (n & (n - 1)) !== 0) throw new Error(`RealFftF32: size ${n} is not a power of two >= 4`);
    this.n = n;
    this.nw = n >> 2;
    this.nc = n >> 2;
    this.w = new Float32Array(this.nw + this.nc);
    makeWt(this.nw, this.w);
    makeCt(this.nc, this.w, this.nw);
    this.a = new Float32Array(n);
    this.out = new Float64Array(n + 2);
  }

  /**
   * The spectrum of `frame` zero-padded to n (at offset floor((n−L)/2) if symmetric, else at 0), in the layout of
   * RealFft.spectrum: interleaved [Re_k, Im_k], k = 0..n/2, e^{−i} sign. Valid until the next call.
   */
  spectrum(frame: Float32Array, symmetric: boolean): Float64Array {
    const { n, a, out } = this;
    const len = Math.min(frame.length, n);
    a.fill(0);
    const off = symmetric ? Math.floor((n - len) / 2) : 0;
    a.set(frame.subarray(0, len), off);
    this.rdft(a);
    // Ooura's layout [R0, R(n/2), R1, I1, ...] with I_k = Σ x_j sin(+2πjk/n) = −Im X_k
    out[0] = a[0];
    out[1] = 0;
    for (let k = 1; k < n / 2; k++) {
      out[2 * k] = a[2 * k];
      out[2 * k + 1] = -a[2 * k + 1];
    }
    out[n] = a[1];
    out[n + 1] = 0;
    return out;
  }

  /**
   * |X_k|, k = 0..n/2, of the zero-padded frame as cFFTmagphase computes it from the float32 spectrum:
   * sqrt(re·re + im·im) with float32 products and sum (out length n/2+1).
   */
  magnitude(frame: Float32Array, symmetric: boolean, out: Float32Array): Float32Array {
    const s = this.spectrum(frame, symmetric);
    const h = this.n / 2;
    out[0] = Math.abs(s[0]);
    for (let k = 1; k < h; k++) {
      const re = s[2 * k];
      const im = s[2 * k + 1];
      out[k] = Math.sqrt(f(f(re * re) + f(im * im)));
    }
    out[h] = Math.abs(s[2 * h]);
    return out;
  }

  /** rdft(n, 1, a): in place, Ooura's output layout. */
  private rdft(a: Float32Array): void {
    const { n, nw, nc, w } = this;
    if (n > 4) {
      cftfsub(n, a, nw, w);
      rftfsub(n, a, nc, w, nw);
    } else if (n === 4) {
      cftfsub(n, a, nw, w);
    }
    const xi = f(a[0] - a[1]);
    a[0] = a[0] + a[1];
    a[1] = xi;
  }
}

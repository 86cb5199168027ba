import { gaussian, seededRandom } from '../../util/random.js';

/**
 * Barnes-Hut t-SNE (van der Maaten 2014) in 2-D, written here because the npm t-SNE packages (tsne-js,
 * @keckelt/tsne, karpathy's tsnejs ports) are exact O(n^2)-per-iteration and unmaintained: sparse input
 * affinities from the 3*perplexity nearest neighbours, a quadtree for the repulsive forces (theta = 0.5),
 * early exaggeration 12 for 250 iterations, momentum 0.5 -> 0.8 and per-parameter gains as in bhtsne.
 * Deterministic for a seed (the initial layout is the only randomness).
 */
export interface TsneOptions {
  perplexity?: number;
  iterations?: number;
  theta?: number;
  seed?: number;
  learningRate?: number;
}

/** Squared Euclidean distances from row i to every row (float64). */
function rowDistances(x: Float32Array, n: number, d: number, i: number, out: Float64Array): void {
  const oi = i * d;
  for (let j = 0; j < n; j++) {
    const oj = j * d;
    let s = 0;
    for (let k = 0; k < d; k++) {
      const t = x[oi + k] - x[oj + k];
      s += t * t;
    }
    out[j] = s;
  }
}

interface Sparse {
  rowStart: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

/** Symmetrised input affinities P (sum 1) from perplexity-calibrated Gaussian conditionals over k nearest neighbours. */
export function inputAffinities(x: Float32Array, n: number, d: number, perplexity: number): Sparse {
  const k = Math.min(n - 1, Math.max(1, Math.floor(3 * perplexity)));
  const target = Math.log(Math.min(perplexity, (n - 1) / 3 || 1));
  const dist = new Float64Array(n);
  const nbr = new Int32Array(n * k);
  const cond = new Float64Array(n * k);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    rowDistances(x, n, d, i, dist);
    dist[i] = Infinity;
    for (let j = 0; j < n; j++) order[j] = j;
    const sorted = Array.from(order)
      .sort((a, b) => dist[a] - dist[b])
      .slice(0, k);
    const dk = sorted.map((j) => dist[j]);
    // binary search on beta = 1 / (2 sigma^2) for the entropy log(perplexity)
    let beta = 1;
    let lo = -Infinity;
    let hi = Infinity;
    const p = new Float64Array(k);
    for (let it = 0; it < 100; it++) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += p[j] = Math.exp(-(dk[j] - dk[0]) * beta);
      let h = 0;
      for (let j = 0; j < k; j++) {
        p[j] /= sum;
        h += beta * (dk[j] - dk[0]) * p[j];
      }
      h += Math.log(sum);
      if (Math.abs(h - target) < 1e-5) break;
      if (h > target) {
        lo = beta;
        beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
      } else {
        hi = beta;
        beta = lo === -Infinity ? beta / 2 : (beta + lo) / 2;
      }
    }
    for (let j = 0; j < k; j++) {
      nbr[i * k + j] = sorted[j];
      cond[i * k + j] = p[j];
    }
  }
  // P = (P_j|i + P_i|j) / 2n
  const rows: Array<Map<number, number>> = Array.from({ length: n }, () => new Map());
  for (let i = 0; i < n; i++)
    for (let a = 0; a < k; a++) {
      const j = nbr[i * k + a];
      const v = cond[i * k + a] / (2 * n);
      rows[i].set(j, (rows[i].get(j) ?? 0) + v);
      rows[j].set(i, (rows[j].get(i) ?? 0) + v);
    }
  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + rows[i].size;
  const col = new Int32Array(rowStart[n]);
  const val = new Float64Array(rowStart[n]);
  for (let i = 0; i < n; i++) {
    let o = rowStart[i];
    for (const [j, v] of [...rows[i]].sort((a, b) => a[0] - b[0])) {
      col[o] = j;
      val[o++] = v;
    }
  }
  return { rowStart, col, val };
}

/** A 2-D quadtree over the current layout, flat arrays; leaves may hold several (coincident) points. */
class QuadTree {
  comX: number[] = [];
  comY: number[] = [];
  count: number[] = [];
  size: number[] = [];
  child: number[] = []; // 4 per node, -1 = none
  leafPoint: number[] = []; // a point index for single-point leaves, else -1

  constructor(
    private readonly y: Float64Array,
    n: number,
  ) {
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, y[2 * i]);
      maxX = Math.max(maxX, y[2 * i]);
      minY = Math.min(minY, y[2 * i + 1]);
      maxY = Math.max(maxY, y[2 * i + 1]);
    }
    const w = Math.max(maxX - minX, maxY - minY) + 1e-9;
    this.build(
      Int32Array.from({ length: n }, (_, i) => i),
      minX,
      minY,
      w,
      0,
    );
  }

  private build(pts: Int32Array, x0: number, y0: number, w: number, depth: number): number {
    const node = this.count.length;
    let sx = 0,
      sy = 0;
    for (const p of pts) {
      sx += this.y[2 * p];
      sy += this.y[2 * p + 1];
    }
    this.comX.push(sx / pts.length);
    this.comY.push(sy / pts.length);
    this.count.push(pts.length);
    this.size.push(w);
    this.child.push(-1, -1, -1, -1);
    this.leafPoint.push(pts.length === 1 ? pts[0] : -1);
    if (pts.length === 1 || depth >= 40) return node;
    const h = w / 2;
    const quads: number[][] = [[], [], [], []];
    for (const p of pts) quads[(this.y[2 * p] >= x0 + h ? 1 : 0) + (this.y[2 * p + 1] >= y0 + h ? 2 : 0)].push(p);
    for (let q = 0; q < 4; q++) {
      if (quads[q].length === 0) continue;
      const c = this.build(Int32Array.from(quads[q]), x0 + (q & 1 ? h : 0), y0 + (q & 2 ? h : 0), h, depth + 1);
      this.child[4 * node + q] = c;
    }
    return node;
  }

  /** Adds the repulsive force on point i into f (unnormalised) and returns its contribution to Z. */
  repulse(i: number, theta2: number, f: Float64Array): number {
    const yi = this.y[2 * i];
    const yj = this.y[2 * i + 1];
    let z = 0;
    const stack = [0];
    while (stack.length) {
      const node = stack.pop()!;
      const dx = yi - this.comX[node];
      const dy = yj - this.comY[node];
      const dd = dx * dx + dy * dy;
      const isLeaf =
        this.child[4 * node] < 0 && this.child[4 * node + 1] < 0 && this.child[4 * node + 2] < 0 && this.child[4 * node + 3] < 0;
      if (isLeaf || this.size[node] * this.size[node] < theta2 * dd) {
        let cnt = this.count[node];
        if (isLeaf && (this.leafPoint[node] === i || (this.leafPoint[node] < 0 && dd === 0))) cnt -= 1;
        if (cnt <= 0) continue;
        const q = 1 / (1 + dd);
        z += cnt * q;
        const m = cnt * q * q;
        f[0] += m * dx;
        f[1] += m * dy;
      } else {
        for (let c = 0; c < 4; c++) if (this.child[4 * node + c] >= 0) stack.push(this.child[4 * node + c]);
      }
    }
    return z;
  }
}

/** 2-D t-SNE layout of n rows of x (n x d, row-major); returns n x 2 coordinates. */
export function tsne(x: Float32Array, n: number, d: number, options: TsneOptions = {}): Float64Array {
  const perplexity = options.perplexity ?? 30;
  const iters = options.iterations ?? 1000;
  const theta = options.theta ?? 0.5;
  const y = new Float64Array(2 * n);
  if (n < 3) return y;
  const P = inputAffinities(x, n, d, perplexity);
  const g = gaussian(seededRandom(options.seed ?? 1));
  for (let i = 0; i < 2 * n; i++) y[i] = 1e-4 * g();
  const exaggerationIters = Math.min(250, Math.floor(iters / 4));
  const lr = options.learningRate ?? Math.max(200, n / 12);
  const update = new Float64Array(2 * n);
  const gains = new Float64Array(2 * n).fill(1);
  const grad = new Float64Array(2 * n);
  const rep = new Float64Array(2 * n);
  const f = new Float64Array(2);
  for (let t = 0; t < iters; t++) {
    const exag = t < exaggerationIters ? 12 : 1;
    const momentum = t < exaggerationIters ? 0.5 : 0.8;
    const tree = new QuadTree(y, n);
    let z = 0;
    for (let i = 0; i < n; i++) {
      f[0] = 0;
      f[1] = 0;
      z += tree.repulse(i, theta * theta, f);
      rep[2 * i] = f[0];
      rep[2 * i + 1] = f[1];
    }
    for (let i = 0; i < n; i++) {
      let ax = 0,
        ay = 0;
      for (let o = P.rowStart[i]; o < P.rowStart[i + 1]; o++) {
        const j = P.col[o];
        const dx = y[2 * i] - y[2 * j];
        const dy = y[2 * i + 1] - y[2 * j + 1];
        const m = (exag * P.val[o]) / (1 + dx * dx + dy * dy);
        ax += m * dx;
        ay += m * dy;
      }
      grad[2 * i] = 4 * (ax - rep[2 * i] / z);
      grad[2 * i + 1] = 4 * (ay - rep[2 * i + 1] / z);
    }
    for (let k = 0; k < 2 * n; k++) {
      gains[k] = Math.sign(grad[k]) !== Math.sign(update[k]) ? gains[k] + 0.2 : Math.max(0.01, gains[k] * 0.8);
      update[k] = momentum * update[k] - lr * gains[k] * grad[k];
      y[k] += update[k];
    }
    // keep the layout centred (the objective is translation invariant)
    let mx = 0,
      my = 0;
    for (let i = 0; i < n; i++) {
      mx += y[2 * i];
      my += y[2 * i + 1];
    }
    for (let i = 0; i < n; i++) {
      y[2 * i] -= mx / n;
      y[2 * i + 1] -= my / n;
    }
  }
  return y;
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tsne, inputAffinities } from '../../src/report/embed/tsne.js';
import { umap } from '../../src/report/embed/umap.js';
import { embed2d } from '../../src/report/embed/index.js';
import { gaussian, seededRandom } from '../../src/util/random.js';

function clusters(perClass: number, classes: number, d: number, seed: number): { x: Float32Array; y: Int32Array; n: number } {
  const g = gaussian(seededRandom(seed));
  const n = perClass * classes;
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % classes;
    for (let j = 0; j < d; j++) x[i * d + j] = g() + (j === y[i] ? 8 : 0);
  }
  return { x, y, n };
}

/** Share of points whose nearest neighbour in the 2-D layout has the same cluster label. */
function nnLabelAgreement(e: Float64Array, y: Int32Array): number {
  const n = y.length;
  let same = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bd = Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dd = (e[2 * i] - e[2 * j]) ** 2 + (e[2 * i + 1] - e[2 * j + 1]) ** 2;
      if (dd < bd) {
        bd = dd;
        best = j;
      }
    }
    if (y[best] === y[i]) same++;
  }
  return same / n;
}

test('input affinities are symmetric, non-negative and sum to 1', () => {
  const c = clusters(20, 3, 5, 1);
  const P = inputAffinities(c.x, c.n, 5, 10);
  let sum = 0;
  const at = (i: number, j: number): number => {
    for (let o = P.rowStart[i]; o < P.rowStart[i + 1]; o++) if (P.col[o] === j) return P.val[o];
    return 0;
  };
  for (let i = 0; i < c.n; i++)
    for (let o = P.rowStart[i]; o < P.rowStart[i + 1]; o++) {
      sum += P.val[o];
      assert.ok(P.val[o] >= 0);
      assert.ok(Math.abs(P.val[o] - at(P.col[o], i)) < 1e-15);
    }
  assert.ok(Math.abs(sum - 1) < 1e-9, `sum ${sum}`);
});

test('t-SNE separates well-separated clusters and is deterministic for a seed', () => {
  const c = clusters(40, 4, 10, 2);
  const a = tsne(c.x, c.n, 10, { seed: 5, iterations: 400, perplexity: 15 });
  const b = tsne(c.x, c.n, 10, { seed: 5, iterations: 400, perplexity: 15 });
  const other = tsne(c.x, c.n, 10, { seed: 6, iterations: 400, perplexity: 15 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, other);
  assert.ok(a.every(Number.isFinite));
  assert.ok(nnLabelAgreement(a, c.y) > 0.97, `agreement ${nnLabelAgreement(a, c.y)}`);
});

test('UMAP (umap-js) separates clusters and is deterministic for a seed', () => {
  const c = clusters(30, 3, 8, 3);
  const a = umap(c.x, c.n, 8, { seed: 2, epochs: 200 });
  const b = umap(c.x, c.n, 8, { seed: 2, epochs: 200 });
  assert.deepEqual(a, b);
  assert.ok(nnLabelAgreement(a, c.y) > 0.95, `agreement ${nnLabelAgreement(a, c.y)}`);
});

test('embed2d standardises columns first (a huge-valued noise column does not hide the clusters)', () => {
  const c = clusters(25, 3, 6, 4);
  const d = 7;
  const x = new Float32Array(c.n * d);
  const g = gaussian(seededRandom(9));
  for (let i = 0; i < c.n; i++) {
    x.set(c.x.subarray(i * 6, i * 6 + 6), i * d);
    x[i * d + 6] = 1e6 * g();
  }
  const e = embed2d(x, c.n, d, 'tsne', 1);
  assert.ok(nnLabelAgreement(e, c.y) > 0.9, `agreement ${nnLabelAgreement(e, c.y)}`);
});

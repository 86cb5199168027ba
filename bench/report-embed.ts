// Speed of the report's 2-D embeddings on a few thousand points: own Barnes-Hut t-SNE vs umap-js.
// Usage: npx tsx bench/report-embed.ts [points=3000] [dims=100]. Prints one JSON line.
import { tsne } from '../src/report/embed/tsne.js';
import { umap } from '../src/report/embed/umap.js';
import { gaussian, seededRandom } from '../src/util/random.js';

const n = Number(process.argv[2] ?? 3000);
const d = Number(process.argv[3] ?? 100);
const g = gaussian(seededRandom(1));
const x = new Float32Array(n * d);
for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x[i * d + j] = g() + (j === i % 7 ? 6 : 0);
let t = performance.now();
tsne(x, n, d, { seed: 1, iterations: 1000 });
const tsneSeconds = (performance.now() - t) / 1000;
t = performance.now();
umap(x, n, d, { seed: 1 });
const umapSeconds = (performance.now() - t) / 1000;
console.log(
  JSON.stringify({
    bench: 'report-embed',
    points: n,
    dims: d,
    tsneIterations: 1000,
    tsneSeconds: +tsneSeconds.toFixed(2),
    umapSeconds: +umapSeconds.toFixed(2),
  }),
);

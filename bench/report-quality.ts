// Speed of the synthetic-data quality metrics on EmoDB IS11 (535 x 4368): real rows vs a noisy copy as the
// "synthetic" set (no trained model needed). Usage: npx tsx bench/report-quality.ts [svm|logistic]. One JSON line.
import { join } from 'node:path';
import { readCsvTable } from '../src/data/read-table.js';
import { withEmodbMeta } from '../src/data/emodb-names.js';
import { computeQuality } from '../src/report/quality/index.js';
import { gaussian, seededRandom } from '../src/util/random.js';
import { sharedDir } from '../src/util/paths.js';

const classifier = process.argv[2] === 'logistic' ? 'logistic' : 'svm';
const t = withEmodbMeta(readCsvTable(join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS11.csv')));
const classNames = [...new Set(t.meta.label)].sort();
const y = Int32Array.from(t.meta.label, (l) => classNames.indexOf(l));
const rows = t.ids.length;
const cols = t.featureNames.length;
// noisy copy: each value + 0.3 x its column's std
const g = gaussian(seededRandom(1));
const sd = new Float64Array(cols);
for (let j = 0; j < cols; j++) {
  let m = 0;
  let s = 0;
  for (let i = 0; i < rows; i++) m += t.features[i * cols + j] / rows;
  for (let i = 0; i < rows; i++) s += (t.features[i * cols + j] - m) ** 2 / rows;
  sd[j] = Math.sqrt(s);
}
const syn = t.features.map((v, k) => v + 0.3 * sd[k % cols] * g());
const start = performance.now();
const q = computeQuality(
  { real: { x: t.features, rows, cols }, realLabels: y, synthetic: { x: syn, rows, cols }, syntheticLabels: y, classNames },
  { classifier },
);
const seconds = (performance.now() - start) / 1000;
console.log(
  JSON.stringify({
    bench: 'report-quality',
    rows,
    cols,
    classifier,
    seconds: +seconds.toFixed(2),
    detectionAuc: +q.feature.detection.auc.toFixed(3),
    tstrWa: +q.tstr.tstr.wa.toFixed(2),
    trtrWa: +q.tstr.trtr.wa.toFixed(2),
    nnRatio: +q.feature.nnDistance.ratio.toFixed(3),
  }),
);

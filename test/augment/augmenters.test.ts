import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DuplicateAugmenter, NoAugmenter, NoiseAugmenter } from '../../src/augment/simple.js';
import { SmoteAugmenter, classNeighbours } from '../../src/augment/smote.js';
import { syntheticCounts, columnStd } from '../../src/augment/counts.js';
import {
  AUGMENTERS,
  AUGMENTER_NAMES,
  RECOMMENDED,
  adanVariant,
  augmenterHelp,
  createAugmenter,
  isGenerative,
} from '../../src/augment/registry.js';
import { aliasWarnings, summarise } from '../../src/eval/results.js';
import { RecolourAugmenter } from '../../src/augment/recolour.js';
import { evalDataFromTable } from '../../src/eval/dataset.js';
import { emodbIs11 } from '../eval/helpers.js';

function emodbSubset(cols: number) {
  const d = evalDataFromTable(emodbIs11(), { labelCol: 'label', groupCol: 'speaker' });
  // First `cols` features of every row (keeps the test fast, SMOTE geometry unchanged in kind).
  const x = new Float32Array(d.rows * cols);
  for (let i = 0; i < d.rows; i++) x.set(d.x.subarray(i * d.cols, i * d.cols + cols), i * cols);
  return { x, y: d.y, rows: d.rows, cols, classes: d.classes.length };
}

test('sample counts: times keeps class proportions, perClass is flat, balance fills up to the largest class', () => {
  const y = Int32Array.from([0, 0, 0, 1, 2, 2]);
  assert.deepEqual(syntheticCounts(y, 3, { times: 10 }), [30, 10, 20]);
  assert.deepEqual(syntheticCounts(y, 3, { perClass: 4 }), [4, 4, 4]);
  assert.deepEqual(syntheticCounts(y, 3, { balance: true }), [0, 2, 1]);
});

test('none returns the real rows; duplicate copies every row exactly N times', () => {
  const { x, y, rows, cols, classes } = emodbSubset(8);
  const n = new NoAugmenter().fitResample({ x, rows, cols, y, classes });
  assert.equal(n.rows, rows);
  assert.ok(n.synthetic.every((s) => s === 0));
  const d = new DuplicateAugmenter({ count: { times: 2 } }, 1).fitResample({ x, rows, cols, y, classes });
  assert.equal(d.rows, rows * 3);
  assert.deepEqual(d.x.subarray(0, rows * cols), x);
  const seen = new Map<string, number>();
  for (let i = rows; i < d.rows; i++) {
    const k = Array.from(d.x.subarray(i * cols, (i + 1) * cols)).join(',') + '|' + d.y[i];
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  for (let i = 0; i < rows; i++) {
    const k = Array.from(x.subarray(i * cols, (i + 1) * cols)).join(',') + '|' + y[i];
    assert.ok((seen.get(k) ?? 0) >= 2, `row ${i} duplicated twice`);
  }
});

test('noise: synthetic rows differ from their source by about std x feature std', () => {
  const { x, y, rows, cols, classes } = emodbSubset(50);
  const r = new NoiseAugmenter({ count: { times: 1 }, noiseStd: 0.1 }, 3).fitResample({ x, rows, cols, y, classes });
  assert.equal(r.rows, 2 * rows);
  const sigma = columnStd(x, rows, cols);
  // Each synthetic row is near some real row of its class: the normalised residual has variance ~0.01.
  let ss = 0;
  let n = 0;
  for (let i = rows; i < r.rows; i++) {
    let best = Infinity;
    for (let b = 0; b < rows; b++) {
      if (y[b] !== r.y[i]) continue;
      let d = 0;
      for (let j = 0; j < cols; j++) if (sigma[j] > 0) d += ((r.x[i * cols + j] - x[b * cols + j]) / sigma[j]) ** 2;
      best = Math.min(best, d);
    }
    ss += best;
    n += cols;
  }
  const v = ss / n;
  assert.ok(v > 0.008 && v < 0.012, `normalised noise variance ${v}`);
});

test('SMOTE samples lie on segments between a row and one of its k nearest same-class neighbours (real EmoDB IS11)', () => {
  const { x, y, rows, cols, classes } = emodbSubset(4368 >> 4);
  const k = 5;
  const r = new SmoteAugmenter({ count: { times: 1 }, smoteK: k }, 7).fitResample({ x, rows, cols, y, classes });
  assert.equal(r.rows, 2 * rows);
  const sigma = columnStd(x, rows, cols);
  const inv = sigma.map((s) => (s > 0 ? 1 / s : 0));
  const members: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < rows; i++) members[y[i]].push(i);
  const nn = members.map((m) => classNeighbours(x, cols, m, k, inv));
  for (let i = rows; i < r.rows; i += 7) {
    const c = r.y[i];
    const s = r.x.subarray(i * cols, (i + 1) * cols);
    let found = false;
    for (let a = 0; a < members[c].length && !found; a++) {
      const xa = x.subarray(members[c][a] * cols, (members[c][a] + 1) * cols);
      for (const bIdx of nn[c][a]) {
        const xb = x.subarray(members[c][bIdx] * cols, (members[c][bIdx] + 1) * cols);
        // u from the first column with a gap, then check every column lies at the same u.
        let u = NaN;
        for (let j = 0; j < cols && Number.isNaN(u); j++)
          if (Math.abs(xb[j] - xa[j]) > 1e-3 * (sigma[j] || 1)) u = (s[j] - xa[j]) / (xb[j] - xa[j]);
        if (!(u >= -1e-4 && u <= 1 + 1e-4)) continue;
        let ok = true;
        for (let j = 0; j < cols && ok; j++) ok = Math.abs(xa[j] + u * (xb[j] - xa[j]) - s[j]) <= 1e-4 * (Math.abs(s[j]) + sigma[j] + 1e-6);
        if (ok) {
          found = true;
          break;
        }
      }
    }
    assert.ok(found, `synthetic row ${i} (class ${c}) is on no neighbour segment`);
  }
});

test('SMOTE handles classes with fewer than k + 1 members (2 members: the segment between them; 1: a copy)', () => {
  const x = Float32Array.from([0, 0, 10, 10, 5, 5, 1, 1, 2, 2, 3, 3]);
  const y = Int32Array.from([0, 0, 1, 2, 2, 2]);
  const r = new SmoteAugmenter({ count: { times: 2 }, smoteK: 5 }, 1).fitResample({ x, rows: 6, cols: 2, y, classes: 3 });
  assert.equal(r.rows, 18);
  for (let i = 6; i < 18; i++) {
    const [a, b] = [r.x[2 * i], r.x[2 * i + 1]];
    assert.equal(a, b);
    if (r.y[i] === 0) assert.ok(a >= 0 && a <= 10);
    if (r.y[i] === 1) assert.equal(a, 5);
    if (r.y[i] === 2) assert.ok(a >= 1 && a <= 3);
  }
});

test("constructors validate options with each augmenter's schema; the registry is the one list of names", () => {
  assert.throws(() => new SmoteAugmenter({ smoteK: 0 }), /smote augmenter: smoteK/);
  assert.throws(() => new NoiseAugmenter({ noiseStd: -1 }), /noise augmenter: noiseStd/);
  assert.throws(() => new DuplicateAugmenter({ count: { times: -2 } }), /duplicate augmenter: count/);
  assert.equal(new SmoteAugmenter().options.smoteK, 5);
  assert.deepEqual(new DuplicateAugmenter().options.count, { times: 10 });
  assert.deepEqual(AUGMENTER_NAMES, [...Object.keys(AUGMENTERS), 'recommended']);
  assert.deepEqual(AUGMENTER_NAMES.filter(isGenerative), ['adan', 'aae', 'adan-separate', 'adan-mixup', 'adan-cover']);
  assert.equal(adanVariant('aae'), 'aae');
  assert.equal(adanVariant('adan'), undefined);
  const s = createAugmenter('smote', { count: { times: 1 }, smoteK: 3 }, { featureNames: [], classNames: [] }, 4) as SmoteAugmenter;
  assert.equal(s.options.smoteK, 3);
  assert.equal(s.seed, 4);
  assert.throws(
    () => createAugmenter('nope', { count: { times: 1 } }, { featureNames: [], classNames: [] }, 1),
    /unknown augmenter 'nope'/,
  );
});

test("recolour: each row keeps its z-score within its speaker and takes the other speaker's mean and std", () => {
  const x = Float32Array.from([0, 2, 10, 14]);
  const y = Int32Array.from([0, 1, 0, 1]);
  const r = new RecolourAugmenter({ count: { times: 1 } }, 2).fitResample({
    x,
    rows: 4,
    cols: 1,
    y,
    classes: 2,
    groups: ['a', 'a', 'b', 'b'],
  });
  assert.equal(r.rows, 8);
  // Class 0 rows (z = -1) become the other speaker's mean - std; class 1 rows (z = +1) mean + std.
  assert.deepEqual(
    [...r.x.subarray(4)].map((v, i) => [r.y[4 + i], v]).sort((p, q) => p[0] - q[0] || p[1] - q[1]),
    [
      [0, 0],
      [0, 10],
      [1, 2],
      [1, 14],
    ],
  );
  assert.throws(() => new RecolourAugmenter().fitResample({ x, rows: 4, cols: 1, y, classes: 2 }), /no speaker/);
});

test("recolour: a feature constant within a speaker has z = 0 there (the other speaker's mean), however its mean rounds", () => {
  // Speaker a: 0.3 seven times (a mean summed as 0.3 / 7 seven times is off by 5.6e-17, which made z = +-1);
  // speaker b: 1..7 (mean 4, std 2).
  const x = Float32Array.from([...new Array<number>(7).fill(0.3), 1, 2, 3, 4, 5, 6, 7]);
  const groups = [...new Array<string>(7).fill('a'), ...new Array<string>(7).fill('b')];
  const r = new RecolourAugmenter({ count: { times: 1 } }, 5).fitResample({
    x,
    rows: 14,
    cols: 1,
    y: new Int32Array(14),
    classes: 1,
    groups,
  });
  // Rows of a become b's mean; rows of b take a's mean and std 0.
  assert.deepEqual(
    [...r.x.subarray(14)].sort((p, q) => p - q),
    [...new Array<number>(7).fill(Math.fround(0.3)), ...new Array<number>(7).fill(4)],
  );
});

test('--augment recommended resolves to the registered augmenter with its fixed settings; help and results name what it ran', () => {
  assert.equal(RECOMMENDED.augment in AUGMENTERS, true);
  const a = createAugmenter('recommended', { count: { times: 7 } }, { featureNames: [], classNames: [] }, 2);
  assert.ok(a instanceof AUGMENTERS[RECOMMENDED.augment]);
  assert.deepEqual((a as RecolourAugmenter).options.count, RECOMMENDED.settings.count, 'fixed settings override --times');
  assert.equal(isGenerative('recommended'), isGenerative(RECOMMENDED.augment));
  assert.ok(
    augmenterHelp().includes(
      `recommended (= ${RECOMMENDED.augment} ${JSON.stringify(RECOMMENDED.settings)}, with --normalisation ${RECOMMENDED.normalisation}: `,
    ),
  );
  const r = summarise({ augment: 'recommended', classifier: 'svm', trainOn: 'real+synthetic' }, [], 2);
  assert.deepEqual(r.resolvedAs, { ...RECOMMENDED, settings: { ...RECOMMENDED.settings } });
  assert.equal(summarise({ augment: 'recolour', classifier: 'svm', trainOn: 'real+synthetic' }, [], 2).resolvedAs, undefined);
  assert.deepEqual(aliasWarnings(['none', 'recommended'], RECOMMENDED.normalisation), []);
  assert.ok(
    aliasWarnings(['recommended'], 'corpus-leaky')[0].endsWith(
      `is recommended with --normalisation ${RECOMMENDED.normalisation}; this run uses corpus-leaky`,
    ),
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  comparisonFigure,
  confusionFigure,
  embeddingFigure,
  embeddingFigures,
  lossCurvesFigure,
  methodKey,
  paperFor,
  readResults,
  readTrainingLog,
  recallFigure,
  specToSvg,
  svgToPng,
  type SyntheticSource,
} from '../../src/report/index.js';
import { gaussian, seededRandom } from '../../src/util/random.js';
import { decodePng, pixelStats, pngSize } from './png.js';
import { fixture } from './helpers.js';

/** The SVG elements of the data marks of one type (vega's `<g class="mark-TYPE role-mark ...">` groups). */
function markElements(svg: string, type: string, element = 'path'): string[] {
  const out: string[] = [];
  const re = new RegExp(`<g class="mark-${type} role-mark[^"]*"[^>]*>(.*?)</g>`, 'g');
  for (const m of svg.matchAll(re)) out.push(...(m[1].match(new RegExp(`<${element}[ >][^]*?(?:/>|</${element}>)`, 'g')) ?? []));
  return out;
}

test('loss curves: one line per loss and per D output over every epoch of the training log', async () => {
  const log = readTrainingLog(fixture('training-log.json'));
  assert.equal(log.length, 60);
  const svg = await specToSvg(lossCurvesFigure(log, 'adan-fold1').spec);
  const lines = markElements(svg, 'line');
  assert.equal(lines.length, 5 + 3);
  // each line visits all 60 epochs: 1 move + 59 line segments in its path data
  for (const l of lines) assert.equal((l.match(/d="([^"]*)"/)![1].match(/[ML]/g) ?? []).length, 60);
});

test('embedding scatter: one point per sample, real light circles, synthetic dark triangles of the same hue', async () => {
  const pts = [
    { x: 0, y: 0, label: 'anger', kind: 'real' as const },
    { x: 1, y: 1, label: 'anger', kind: 'synthetic' as const },
    { x: 2, y: 0, label: 'sadness', kind: 'real' as const },
    { x: 3, y: 1, label: 'sadness', kind: 'synthetic' as const },
    { x: 3, y: 2, label: 'sadness', kind: 'synthetic' as const },
  ];
  const svg = await specToSvg(embeddingFigure(pts, ['anger', 'sadness'], 'feature', 'tsne', 'm').spec);
  const marks = markElements(svg, 'symbol');
  assert.equal(marks.length, 5);
  const fill = (label: string, kind: string): string[] =>
    marks.filter((m) => m.includes(`${label} (${kind})`)).map((m) => m.match(/fill="([^"]+)"/)![1]);
  assert.deepEqual(fill('anger', 'real'), ['#aec7e8']);
  assert.deepEqual(fill('anger', 'synthetic'), ['#1f77b4']);
  assert.deepEqual(fill('sadness', 'synthetic'), ['#ff7f0e', '#ff7f0e']);
  const circles = marks.filter((m) => m.includes('sample: real')).every((m) => m.includes('A'));
  const triangles = marks.filter((m) => m.includes('sample: synthetic')).every((m) => /d="M[^A]*Z"/.test(m));
  assert.ok(circles && triangles);
});

test('confusion figures write the JSON counts and row percentages into the cells', async () => {
  const res = readResults(fixture('results.json'));
  const r = res.results[4];
  const counts = markElements(
    await specToSvg(confusionFigure(r.confusion!, res.dataset.classes, methodKey(r), false).spec),
    'text',
    'text',
  ).map((t) => Number(t.replace(/<[^>]+>/g, '')));
  assert.deepEqual(counts, r.confusion!.flat());
  const pct = markElements(
    await specToSvg(confusionFigure(r.confusion!, res.dataset.classes, methodKey(r), true).spec),
    'text',
    'text',
  ).map((t) => Number(t.replace(/<[^>]+>/g, '')));
  const diag = res.dataset.classes.map((_, i) => pct[i * res.dataset.classes.length + i]);
  assert.deepEqual(
    diag,
    r.confusion!.map((row, i) => Number(((100 * row[i]) / row.reduce((a, b) => a + b, 0)).toFixed(1))),
  );
});

test('method comparison: a bar and an error bar per method and metric, a red tick per paper number', async () => {
  const res = readResults(fixture('results.json'));
  const methods = res.results.map((r) => ({
    method: methodKey(r),
    wa: r.wa,
    uar: r.uar,
    waRepeats: r.waRepeats ?? [],
    uarRepeats: r.uarRepeats ?? [],
    paperWa: paperFor(res, r)[0]?.wa ?? null,
    paperUar: null,
  }));
  const svg = await specToSvg(comparisonFigure(methods, 'emodb').spec);
  const rects = markElements(svg, 'rect');
  const ticks = rects.filter((p) => p.includes('fill="#d62728"'));
  assert.equal(ticks.length, methods.filter((m) => m.paperWa !== null).length);
  assert.equal(ticks.length, 5);
  assert.equal(rects.length - ticks.length, 2 * methods.length, 'bars (vega draws ticks as rects too)');
  assert.equal(markElements(svg, 'rule', 'line').length, 2 * methods.length);
  const recall = await specToSvg(
    recallFigure(
      res.results.map((r) => ({ method: methodKey(r), perClassRecall: r.perClassRecall! })),
      res.dataset.classes,
      'emodb',
    ).spec,
  );
  assert.equal(markElements(recall, 'rect').length, res.results.length * res.dataset.classes.length);
});

test('PNG rendering: size follows the SVG and the zoom, pixels are not blank, text is drawn with the system font', async () => {
  const res = readResults(fixture('results.json'));
  const fig = confusionFigure(res.results[0].confusion!, res.dataset.classes, 'm', false);
  const svg = await specToSvg(fig.spec);
  const w = Number(svg.match(/width="(\d+)"/)![1]);
  const h = Number(svg.match(/height="(\d+)"/)![1]);
  const png = svgToPng(svg, 2);
  assert.deepEqual(pngSize(png), { width: 2 * w, height: 2 * h });
  const stats = pixelStats(decodePng(png));
  assert.ok(stats.variance > 100 && stats.inkShare > 0.05 && stats.colours > 10, JSON.stringify(stats));
  // Text must render: the same chart without any text (title, labels, cell numbers) has less ink.
  const noText = svg.replace(/<text[^]*?<\/text>/g, '');
  const inkWithout = pixelStats(decodePng(svgToPng(noText, 2))).inkShare;
  assert.ok(stats.inkShare - inkWithout > 0.01, `text adds ink: ${stats.inkShare} vs ${inkWithout}`);
});

test('Fig. 3 panels are seeded: same seed, same picture; another seed, another layout', async () => {
  const g = gaussian(seededRandom(5));
  const n = 30;
  const d = 6;
  const mk = (shift: number): Float32Array =>
    new Float32Array(n * d).map((_, i) => g() + (i % d === Math.floor(i / d) % 3 ? 4 : 0) + shift);
  const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
  const src: SyntheticSource = {
    name: 'm',
    classNames: ['a', 'b', 'c'],
    real: { x: mk(0), rows: n, cols: d },
    realLabels: labels,
    synthetic: { x: mk(0.2), rows: n, cols: d },
    syntheticLabels: labels,
    provenance: {},
  };
  const a = await specToSvg(embeddingFigures(src, 'tsne', 7, 100)[0].spec);
  const b = await specToSvg(embeddingFigures(src, 'tsne', 7, 100)[0].spec);
  const c = await specToSvg(embeddingFigures(src, 'tsne', 8, 100)[0].spec);
  assert.equal(a, b);
  assert.notEqual(a, c);
  assert.equal(markElements(a, 'symbol').length, 2 * n);
  const u = embeddingFigures(src, 'umap', 7, 100);
  assert.equal(u[0].id, 'umap-feature-m');
});

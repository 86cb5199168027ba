import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { decodePng, pixelStats } from './png.js';
import { blobCsv, fixture, makeRunFolder } from './helpers.js';

/** Runs the CLI in-process and captures what it prints. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ow = process.stdout.write.bind(process.stdout);
  const ew = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string | Uint8Array) => ((out += String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => ((err += String(s)), true)) as typeof process.stderr.write;
  // run() reads process.exitCode, which node:test sets when an earlier test failed: isolate it, then restore it.
  const saved = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await run(['node', 'adan', ...args]);
    return { code, out, err };
  } finally {
    process.exitCode = saved;
    process.stdout.write = ow;
    process.stderr.write = ew;
  }
}

test('adan report <results.json> -o report.html writes one self-contained file atomically (--static: no script at all)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-report-cli-'));
  try {
    const out = join(dir, 'report.html');
    const r = await cli('report', fixture('results.json'), '-o', out, '--static', '--json');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).files, [out]);
    assert.deepEqual(readdirSync(dir), ['report.html'], 'no temporary files left');
    const html = readFileSync(out, 'utf8');
    assert.ok(!/<script|<link|<img|src="|href="http|@import|url\((?!#)/i.test(html), 'no scripts, links or external resources');
    // Inline SVGs share one id space: every id (gradients, clip paths) must be unique in the page.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, 'unique ids');
    for (const m of html.matchAll(/url\(#([^)]+)\)/g)) assert.ok(ids.includes(m[1]), `url(#${m[1]}) resolves`);
    assert.ok(html.includes('83.74') && html.includes('adan/dnn/real+synthetic'));
    // Default (interactive): the vega runtime and the specs are inline; nothing is loaded from elsewhere.
    const live = await cli('report', fixture('results.json'), '-o', out);
    assert.equal(live.code, 0, live.err);
    const page = readFileSync(out, 'utf8');
    assert.ok(/<script>!function/.test(page), 'vega runtime inline');
    assert.equal((page.match(/<script type="application\/json" id="spec-/g) ?? []).length, (html.match(/<figure /g) ?? []).length);
    assert.ok(!/<script[^>]*\ssrc=|<link|<img|@import/i.test(page), 'no external scripts, styles or images');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('adan report run/ --format png -o dir writes every figure as a non-blank PNG', async () => {
  const runDir = makeRunFolder();
  try {
    const out = join(runDir, 'png');
    const r = await cli('report', runDir, '--format', 'png', '-o', out, '--seed', '2', '--max-points', '50', '--no-quality', '--json');
    assert.equal(r.code, 0, r.err);
    const files = readdirSync(out).sort();
    assert.equal(files.length, JSON.parse(r.out).figures);
    for (const f of [
      'method-comparison.png',
      'per-class-recall.png',
      'loss-curves-adan-fold1.png',
      'tsne-feature-adan-fold1.png',
      'confusion-norm-adan-dnn-real-synthetic.png',
    ])
      assert.ok(files.includes(f), f);
    const stats = pixelStats(decodePng(readFileSync(join(out, 'tsne-feature-adan-fold1.png'))));
    assert.ok(stats.colours > 14 && stats.inkShare > 0.01, JSON.stringify(stats));
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
});

test('adan report: one-line errors for a missing input, a non-results JSON and a bad option', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-report-err-'));
  try {
    const missing = await cli('report', join(dir, 'nope.json'), '-o', join(dir, 'r.html'));
    assert.equal(missing.code, 1);
    assert.match(missing.err, /^adan: .*nope\.json: no such file or directory\n$/);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ results: 3 }));
    const bad = await cli('report', join(dir, 'bad.json'), '-o', join(dir, 'r.html'));
    assert.equal(bad.code, 1);
    assert.match(bad.err, /^adan: .*bad\.json: not an adan results file: [^\n]*\n$/);
    const fmt = await cli('report', fixture('results.json'), '-o', join(dir, 'r.html'), '--format', 'pdf');
    assert.equal(fmt.code, 1);
    assert.match(fmt.err, /^adan: --format: expected html or png, got 'pdf'\n$/);
    assert.ok(!existsSync(join(dir, 'r.html')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('adan quality --table real.csv --synthetic syn.csv --json: copies are flagged, a shifted table is detected', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-quality-cli-'));
  try {
    writeFileSync(join(dir, 'real.csv'), blobCsv(15, 12, 1));
    writeFileSync(join(dir, 'copy.csv'), blobCsv(15, 12, 1));
    writeFileSync(join(dir, 'far.csv'), blobCsv(15, 12, 2, 8));
    const copy = await cli(
      'quality',
      '--table',
      join(dir, 'real.csv'),
      '--synthetic',
      join(dir, 'copy.csv'),
      '--json',
      '-o',
      join(dir, 'q.json'),
    );
    assert.equal(copy.code, 0, copy.err);
    const q = JSON.parse(copy.out);
    assert.equal(q.kind, 'adan-quality');
    assert.equal(q.feature.nnDistance.copies, 105);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'q.json'), 'utf8')).feature, q.feature);
    const far = await cli('quality', '--table', join(dir, 'real.csv'), '--synthetic', join(dir, 'far.csv'), '--json');
    const f = JSON.parse(far.out);
    assert.ok(f.feature.detection.auc > 0.99 && f.feature.coverage.precision === 0, JSON.stringify(f.feature.detection));
    const text = await cli('quality', '--table', join(dir, 'real.csv'), '--synthetic', join(dir, 'far.csv'));
    assert.match(text.out, /TSTR WA/);
    assert.match(text.out, /detection AUC 1\.000/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('adan quality: one-line errors without a model, without train.csv, with a bad --k', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-quality-err-'));
  try {
    const none = await cli('quality');
    assert.equal(none.code, 1);
    assert.match(none.err, /^adan: give --model <dir>/);
    const noTrain = await cli('quality', '--model', dir);
    assert.equal(noTrain.code, 1);
    assert.match(noTrain.err, /no train\.csv in the model folder and no training table in model\.json: give the real rows with --table\n$/);
    const k = await cli('quality', '--model', dir, '--k', 'x');
    assert.match(k.err, /^adan: --k must be an integer >= 1 \(got 'x'\)\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('adan report shows the warnings recorded in a results file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-report-warn-'));
  try {
    const data = JSON.parse(readFileSync(fixture('results.json'), 'utf8'));
    data.warnings = ["fold 03: class 'disgust' absent from the test fold"];
    writeFileSync(join(dir, 'results.json'), JSON.stringify(data));
    const r = await cli('report', join(dir, 'results.json'), '-o', join(dir, 'r.html'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /warning: .*class 'disgust' absent from the test fold/);
    assert.ok(readFileSync(join(dir, 'r.html'), 'utf8').includes('class &#39;disgust&#39; absent from the test fold'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('adan quality --synthetic keeps only the generated rows of an `adan augment --real` table (synthetic column)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-quality-aug-'));
  try {
    const real = blobCsv(10, 6, 1);
    writeFileSync(join(dir, 'real.csv'), real);
    // augment --real layout: real rows flagged 0 first, then generated rows flagged 1
    const body = (csv: string, flag: string): string[] =>
      csv
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => `${l},${flag}`);
    const header = real.split('\n')[0] + ',synthetic';
    writeFileSync(join(dir, 'aug.csv'), [header, ...body(real, '0'), ...body(blobCsv(10, 6, 2, 9), '1')].join('\n') + '\n');
    const r = await cli('quality', '--table', join(dir, 'real.csv'), '--synthetic', join(dir, 'aug.csv'), '--json');
    assert.equal(r.code, 0, r.err);
    const q = JSON.parse(r.out);
    assert.equal(q.rows.synthetic, 70);
    assert.equal(q.feature.nnDistance.copies, 0, 'the real rows of the augmented table were not counted as synthetic');
    assert.ok(q.feature.detection.auc > 0.99);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

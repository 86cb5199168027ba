import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { makeReport, methodKey, readResults } from '../../src/report/index.js';
import { decodePng, pixelStats, pngSize } from './png.js';
import { makeRunFolder } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

test(
  'the HTML report opens offline in headless Chromium: no errors, no requests, ' +
    'figures with marks, tables with the JSON numbers, non-blank screenshot',
  { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium): browser test skipped` },
  async () => {
    const run = makeRunFolder();
    const out = join(run, 'report.html');
    const r = await makeReport([run], { out, format: 'html', seed: 3, maxPoints: 500 });
    assert.deepEqual(r.warnings, []);
    const results = readResults(join(run, 'results.json'));
    const userData = mkdtempSync(join(tmpdir(), 'adan-chromium-'));
    const context = await chromium.launchPersistentContext(userData, {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const external: string[] = [];
      const errors: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        external.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('request', (req) => {
        if (!req.url().startsWith('file:')) external.push(req.url());
      });
      await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
      // The inline vega runtime replaces every static SVG by a live view; wait until all have rendered.
      await page.waitForFunction(`document.body.getAttribute('data-live') === '${r.figures}'`, undefined, { timeout: 60000 });
      assert.deepEqual(errors, []);
      assert.deepEqual(external, []);
      assert.equal(await page.$$eval('figure.figure .static', (s) => s.length), 0, 'static fallbacks replaced');

      // Figures: every figure holds an SVG; Fig. 3 has one symbol per embedded point, Fig. 2 one line per series.
      const figs = await page.$$eval('figure.figure', (fs) =>
        fs.map((f) => ({
          id: f.id,
          svg: f.querySelectorAll('svg').length,
          symbols: f.querySelectorAll('g.mark-symbol.role-mark path').length,
          lines: f.querySelectorAll('g.mark-line.role-mark path').length,
          rects: f.querySelectorAll('g.mark-rect.role-mark path').length,
          text: f.querySelectorAll('g.mark-text.role-mark text').length,
        })),
      );
      assert.equal(figs.length, r.figures);
      for (const f of figs) assert.equal(f.svg, 1, f.id);
      const tsne = figs.find((f) => f.id.startsWith('tsne-feature'));
      assert.ok(tsne, 'feature-space t-SNE figure');
      assert.equal(tsne.symbols, 140 + 140, 'one mark per real and synthetic sample');
      const loss = figs.find((f) => f.id.startsWith('loss-curves'));
      assert.ok(loss && loss.lines === 5 + 3, `loss curves: ${JSON.stringify(loss)}`);
      const k = results.dataset.classes.length;
      const conf = figs.filter((f) => f.id.startsWith('confusion-counts'));
      assert.equal(conf.length, results.results.length);
      for (const c of conf) {
        assert.equal(c.rects, k * k);
        assert.equal(c.text, k * k);
      }
      // The drawn numbers of the first confusion matrix are the JSON's counts.
      const drawn = await page.$$eval(`figure#${conf[0].id} .live g.mark-text.role-mark text`, (ts) =>
        ts.map((t) => Number(t.textContent)),
      );
      assert.deepEqual(
        drawn.sort((a, b) => a - b),
        results.results[0].confusion!.flat().sort((a, b) => a - b),
      );

      // Live views have tooltips: hovering a point of Fig. 3 names its emotion and kind (vega's default handler sets title).
      const point = page.locator(`figure#${tsne.id} .live g.mark-symbol.role-mark path`).first();
      await point.scrollIntoViewIfNeeded();
      await point.hover({ force: true });
      await page.waitForFunction(
        `(document.querySelector('figure#${tsne.id} .live')?.getAttribute('title') ?? '').includes('kind')`,
        undefined,
        { timeout: 10000 },
      );
      const tip = await page.$eval(`figure#${tsne.id} .live`, (el) => el.getAttribute('title') ?? '');
      assert.match(tip, /emotion: \w+/);
      assert.match(tip, /kind: (real|synthetic)/);
      await page.evaluate('window.scrollTo(0, 0)');

      // Tables: WA/UAR of every result and the paper's numbers side by side.
      for (const res of results.results) {
        const cells = await page.$$eval(`table.results tr[data-method="${methodKey(res)}"] td.num`, (tds) =>
          tds.map((t) => Number(t.getAttribute('data-value'))),
        );
        assert.equal(cells[0], res.wa);
        assert.equal(cells[1], res.uar);
        const shown = await page.$eval(`table.results tr[data-method="${methodKey(res)}"]`, (tr) => tr.textContent ?? '');
        assert.ok(shown.includes(res.wa.toFixed(2)), `${methodKey(res)} shows ${res.wa.toFixed(2)}`);
      }
      const paperRows = await page.$$eval('table.paper tbody tr', (trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td as { textContent: string | null }).textContent ?? '')),
      );
      assert.equal(paperRows.length, results.paper!.length);
      assert.ok(paperRows.some((row) => row.includes('83.74') && row.includes('adan/dnn/real+synthetic')));
      // Quality section computed from the run's model folder.
      const auc = await page.$$eval('table.quality.metrics td.num', (tds) => tds.map((t) => Number(t.getAttribute('data-value'))));
      assert.equal(auc.length, 8, 'eight feature-space metrics (no latent codes without a model)');
      assert.ok(auc.every(Number.isFinite));

      const shot = await page.screenshot({ fullPage: false });
      const size = pngSize(shot);
      assert.deepEqual(size, { width: 1280, height: 900 });
      const stats = pixelStats(decodePng(shot));
      assert.ok(stats.variance > 200 && stats.inkShare > 0.02 && stats.colours > 20, JSON.stringify(stats));
      if (process.env.ADAN_REPORT_SHOTS) {
        writeFileSync(join(process.env.ADAN_REPORT_SHOTS, 'report-top.png'), shot);
        await page.locator('#fig-embedding').scrollIntoViewIfNeeded();
        writeFileSync(join(process.env.ADAN_REPORT_SHOTS, 'report-full.png'), await page.screenshot({ fullPage: true }));
      }
    } finally {
      await context.close();
      rmSync(userData, { recursive: true, force: true });
      rmSync(run, { recursive: true, force: true });
    }
  },
);

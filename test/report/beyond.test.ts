import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { makeReport, readResults } from '../../src/report/index.js';
import { defaultDeps } from '../../src/eval/defaults.js';
import { runEvaluation } from '../../src/eval/protocol.js';
import type { Normalisation } from '../../src/eval/speaker-norm.js';
import type { EvalData } from '../../src/eval/types.js';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import { beyondDir } from '../../src/experiments/reproduce.js';
import { againstFixedSettings } from '../../src/experiments/beyond.js';
import { makeRunFolder } from './helpers.js';
import { RECOMMENDED } from '../../src/augment/registry.js';

const CHROMIUM = '/usr/bin/chromium';
const PROTOCOLS: Normalisation[] = ['per-fold', 'speaker-enrol:4', 'speaker'];

/** 4 speakers x 2 classes x 8 utterances, 3 features: class offset + speaker offset + deterministic jitter. */
function tinyData(): EvalData {
  const rows = 4 * 2 * 8;
  const x = new Float32Array(rows * 3);
  const y = new Int32Array(rows);
  const groups: string[] = [];
  for (let i = 0; i < rows; i++) {
    const sp = Math.floor(i / 16);
    y[i] = Math.floor(i / 8) % 2;
    groups.push(`s${sp}`);
    for (let j = 0; j < 3; j++) x[i * 3 + j] = Math.sin(i * 5.3 + j) + y[i] * (j === 0 ? 1.2 : 0.4) + sp * 0.7;
  }
  const ids = Array.from({ length: rows }, (_, i) => `u${i}`);
  return { name: 'tiny', x, rows, cols: 3, featureNames: ['f1', 'f2', 'f3'], ids, y, classes: ['a', 'b'], groups };
}

/**
 * A run folder with "beyond the paper" results under run/beyond/<protocol>/ and the tuned SVM's (C by inner
 * leave-one-speaker-out, tested against the fixed settings) under run/beyond/<protocol>-svm-search/, as
 * `adan reproduce emodb` writes them.
 */
async function runWithBeyond(): Promise<string> {
  const run = makeRunFolder();
  const methods = ['svm'].flatMap((classifier) => [
    { augment: 'none', classifier, trainOn: 'real' as const },
    { augment: 'recommended', classifier, trainOn: 'real+synthetic' as const },
  ]);
  for (const normalisation of PROTOCOLS) {
    const res = await runEvaluation(
      tinyData(),
      {
        augment: [],
        classifiers: [],
        trainOn: [],
        methods,
        repeats: 2,
        seed: 1,
        normalisation,
        innerCheck: normalisation !== 'per-fold',
        extra: { beyond: true },
      },
      defaultDeps({ augment: { count: { times: 1 } } }),
    );
    writeFileAtomic(join(beyondDir(run, normalisation), 'results.json'), JSON.stringify(res));
    const tuned = await runEvaluation(
      tinyData(),
      {
        augment: [],
        classifiers: [],
        trainOn: [],
        methods: [methods[0]],
        repeats: 2,
        seed: 1,
        normalisation,
        svmSearch: { C: true, gamma: false },
        extra: { beyond: true },
      },
      defaultDeps({ augment: { count: { times: 1 } } }),
    );
    writeFileAtomic(join(beyondDir(run, normalisation, true), 'results.json'), JSON.stringify(againstFixedSettings(tuned, res)));
  }
  return run;
}

test(
  'the report shows the "beyond the paper" table after the results; every results, paper, significance and beyond row names its protocol',
  { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium): browser test skipped` },
  async () => {
    const run = await runWithBeyond();
    const out = join(run, 'report.html');
    const userData = mkdtempSync(join(tmpdir(), 'adan-chromium-'));
    const context = await chromium.launchPersistentContext(userData, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox'],
      headless: true,
    });
    try {
      await makeReport([run], { out, format: 'html', seed: 3, maxPoints: 200, interactive: false, quality: false });
      const page = await context.newPage();
      await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
      const firstCells = (sel: string): Promise<string[]> =>
        page.$$eval(sel, (trs) => trs.map((tr) => (tr.querySelector('td') as { textContent: string | null } | null)?.textContent ?? ''));
      // Table I's results.json (the fixture, per-fold) and the six beyond results files each get a results section
      const headings = await page.$$eval('h3[id^="results-"]', (hs) => hs.map((h) => h.textContent ?? ''));
      assert.deepEqual(
        headings.map((h) => h.replace(/^.*normalisation /, '')),
        ['per-fold', ...PROTOCOLS.flatMap((p) => [p, p])],
      );
      for (const table of ['results', 'comparisons']) {
        const cells = await firstCells(`table.${table} tbody tr`);
        assert.ok(cells.length > 0, table);
        assert.ok(
          cells.every((c) => ['per-fold', ...PROTOCOLS].includes(c)),
          `${table}: ${cells.join(',')}`,
        );
      }
      const paper = await page.$$eval('table.paper tbody tr', (trs) =>
        trs.map((tr) => (tr.children[3] as { textContent: string | null }).textContent),
      );
      assert.ok(paper.length > 0 && paper.every((c) => c === 'per-fold'));
      // the beyond table: per protocol, in protocol order, none and recommended (the alias named with what it ran),
      // then the tuned SVM tested against the fixed settings
      const beyond = await page.$$eval('table.beyond tbody tr', (trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td as { textContent: string | null }).textContent ?? '')),
      );
      assert.deepEqual(
        beyond.map((r) => r[0]),
        PROTOCOLS.flatMap((p) => [p, p, p]),
      );
      const tunedLabel = 'none + SVM (C by inner LOSO)';
      assert.deepEqual(
        beyond.map((r) => r[1]),
        PROTOCOLS.flatMap(() => ['none + SVM', `recommended (= ${RECOMMENDED.augment}) + SVM`, tunedLabel]),
      );
      assert.deepEqual(
        beyond.map((r) => r[9]),
        PROTOCOLS.flatMap(() => ['', 'none', 'fixed SVM settings']),
      );
      assert.ok(
        beyond
          .filter((r) => r[1].startsWith('recommended'))
          .every((r) => r[2] === `${RECOMMENDED.augment} ${JSON.stringify(RECOMMENDED.settings)}`),
      );
      assert.ok(beyond.filter((r) => r[9] !== '').every((r) => ['better', 'worse', 'no difference'].includes(r[13])));
      assert.equal(await page.$$eval('table.beyond tr[data-tuned="C by inner LOSO"]', (trs) => trs.length), 3);
      const verdicts = await page.$$eval('ul.verdicts li', (lis) => lis.map((li) => li.textContent ?? ''));
      assert.equal(verdicts.length, 3);
      const tTest = `paired t-test over repeats p [=<] [\\d.]+`;
      verdicts.forEach((v, i) =>
        assert.match(
          v,
          new RegExp(
            `^${PROTOCOLS[i]}: recommended \\(= ${RECOMMENDED.augment}\\) \\+ SVM ` +
              `(BETTER than none|WORSE than none|no difference from none) ` +
              `\\(WA [+-]\\d+\\.\\d\\d, UAR [+-]\\d+\\.\\d\\d; ${tTest}\\); ` +
              `none \\+ SVM \\(C by inner LOSO\\) ` +
              `(BETTER than|WORSE than|no difference from) fixed SVM settings ` +
              `\\(WA [+-]\\d+\\.\\d\\d, UAR [+-]\\d+\\.\\d\\d; ${tTest}\\)\\.$`,
          ),
          v,
        ),
      );
      // whether each speaker mode helped inside the training folds, in its results section and under the beyond table
      const inner = await page.$$eval('p.inner-check', (ps) => ps.map((p) => [p.getAttribute('data-protocol'), p.textContent ?? '']));
      assert.deepEqual(
        inner.map((i) => i[0]),
        ['speaker-enrol:4', 'speaker', 'speaker-enrol:4', 'speaker'],
      );
      for (const [p, text] of inner)
        assert.match(
          text!,
          new RegExp(`^${p} normalisation inside training folds: [+-]\\d+\\.\\d\\d WA, .* label-mix divergence 0\\.\\d{3}\\)$`),
        );
      // what the tuned SVM chose inside each outer training fold: the text output's line, and every fold's choice with
      // the inner scores it was made on, as in the results JSON
      const blocks = await page.$$eval('div.inner-choices', (ds) =>
        ds.map((d) => ({
          protocol: d.getAttribute('data-protocol') ?? '',
          lines: Array.from(d.querySelectorAll('p.inner-choice'), (p) => (p as { textContent: string | null }).textContent ?? ''),
        })),
      );
      assert.deepEqual(
        blocks.map((b) => b.protocol),
        PROTOCOLS,
      );
      for (const [i, b] of blocks.entries()) {
        const search = readResults(join(beyondDir(run, PROTOCOLS[i], true), 'results.json')).search!;
        assert.equal(search.length, 4, 'one choice per outer fold');
        assert.deepEqual(b.lines.length, 1);
        assert.match(
          b.lines[0],
          /^SVM settings chosen inside each training fold \(inner leave-one-speaker-out\): C=\d+(\.\d+)? in \d folds?/,
        );
        const rows = await page.$$eval(`div.inner-choices[data-protocol="${b.protocol}"] table.choices tbody tr`, (trs) =>
          trs.map((tr) => ({
            cells: Array.from(tr.querySelectorAll('td'), (td) => (td as { textContent: string | null }).textContent ?? ''),
            innerWa: Number(tr.querySelector('td.num')?.getAttribute('data-value')),
          })),
        );
        assert.deepEqual(
          rows.map((r) => [r.cells[0], r.cells[1], r.cells[2], r.cells[3], r.innerWa]),
          search.map((s) => [s.group, 'SVM settings', 'svm', `C=${s.chosen.C}`, s.innerWa]),
        );
        for (const [j, r] of rows.entries())
          assert.equal(r.cells[5], search[j].grid.map((g) => `C=${g.values.C}: ${g.wa.toFixed(2)}`).join('; '));
      }
      assert.equal(await page.$$eval('nav a[href="#beyond"]', (a) => a.length), 1);
    } finally {
      await context.close();
      rmSync(userData, { recursive: true, force: true });
      rmSync(run, { recursive: true, force: true });
    }
  },
);

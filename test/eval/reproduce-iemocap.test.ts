import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { iemocapCorpus } from '../../src/data/iemocap-corpus.js';
import { readCsvTable } from '../../src/data/read-table.js';
import type { EvaluationResults } from '../../src/eval/protocol.js';
import { writeIemocapTree } from '../data/iemocap-fixture.js';

test(
  'adan reproduce iemocap --quick on a release-shaped tree (real ' + 'labels of 20 dialogs, given features): Tables II-IV run folders',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adan-repro-iemocap-'));
    const outW = process.stdout.write.bind(process.stdout);
    const errW = process.stderr.write.bind(process.stderr);
    try {
      const root = join(dir, 'IEMOCAP');
      // three improvised dialogs (angry/neutral, sad, happy scenarios) and one scripted dialog of each session
      const pick = (d: string) => /_(impro0[123]|script01_1)$/.test(d);
      writeIemocapTree(root, { dialogs: pick });
      const utts = iemocapCorpus(root);
      assert.ok(utts.length > 100);
      // learnable stand-in features: a class offset plus noise (no audio exists here)
      const classes = ['ang', 'hap', 'neu', 'sad'];
      let seed = 7;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
      const lines = ['name,' + Array.from({ length: 8 }, (_, j) => `f${j}`).join(',')];
      for (const u of utts)
        lines.push(
          [u.id, ...Array.from({ length: 8 }, (_, j) => ((j % 4 === classes.indexOf(u.label) ? 1.5 : 0) + rnd()).toFixed(4))].join(','),
        );
      writeFileSync(join(dir, 'features.csv'), lines.join('\n') + '\n');
      let stdout = '';
      process.stdout.write = ((s: string | Uint8Array) => ((stdout += String(s)), true)) as typeof process.stdout.write;
      let stderr = '';
      process.stderr.write = ((s: string | Uint8Array) => ((stderr += String(s)), true)) as typeof process.stderr.write;
      const code = await run([
        'node',
        'adan',
        'reproduce',
        'iemocap',
        '--iemocap',
        root,
        '--features',
        join(dir, 'features.csv'),
        '--quick',
        '-o',
        join(dir, 'run'),
      ]);
      process.stdout.write = outW;
      process.stderr.write = errW;
      assert.equal(code, 0, stderr);
      assert.match(stdout, /IEMOCAP improvised, SVM, real\s+67\.94\s+60\.06/);
      assert.match(stdout, /IEMOCAP, SMOTE \(SVM\)\s+62\.47\s+58\.52/);
      const all = JSON.parse(readFileSync(join(dir, 'run', 'results.json'), 'utf8')) as EvaluationResults;
      const impro = JSON.parse(readFileSync(join(dir, 'run', 'improvised', 'results.json'), 'utf8')) as EvaluationResults;
      assert.deepEqual(all.dataset.groups, ['1', '2', '3', '4', '5']);
      assert.equal(all.dataset.rows, utts.length);
      assert.equal(impro.dataset.rows, utts.filter((u) => u.type === 'impro').length);
      assert.deepEqual(all.config.adanTrainWhere, ['type=impro']);
      assert.deepEqual(all.dataset.classes, classes);
      assert.equal(all.results.length, 6);
      assert.equal(impro.results.length, 5);
      // ADAN of the all-sessions run was fitted on improvised training turns only; train.csv says which
      const train = readCsvTable(join(dir, 'run', 'models', 'adan-fold0', 'train.csv'), { metaColumns: ['label', 'adan_fit'] });
      const type = new Map(utts.map((u) => [u.id, u.type]));
      assert.ok(train.ids.every((id, i) => (train.meta.adan_fit[i] === 'yes') === (type.get(id) === 'impro')));
      assert.ok(train.ids.every((id) => !id.startsWith('Ses01')));
      const real = all.results.find((r) => r.augment === 'none')!;
      assert.ok(real.wa > 60, `stand-in features are learnable (WA ${real.wa})`);
    } finally {
      process.stdout.write = outW;
      process.stderr.write = errW;
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { sharedDir } from '../../src/util/paths.js';
import { readCsvTable } from '../../src/data/read-table.js';
import { AdanModel } from '../../src/adan/index.js';
import type { EvaluationResults } from '../../src/eval/protocol.js';
import { RECOMMENDED } from '../../src/augment/registry.js';

test(
  'adan reproduce emodb --quick (golden IS11 features): Table I rows, paper numbers, ' +
    'a smoke-run note instead of verdicts, and a run folder the report can read',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adan-repro-'));
    const outW = process.stdout.write.bind(process.stdout);
    const errW = process.stderr.write.bind(process.stderr);
    let stdout = '';
    process.stdout.write = ((s: string | Uint8Array) => ((stdout += String(s)), true)) as typeof process.stdout.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      const code = await run([
        'node',
        'adan',
        'reproduce',
        'emodb',
        '--emodb',
        join(sharedDir(), 'data', 'emodb'),
        '--features',
        join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS11.csv'),
        '--quick',
        '-o',
        dir,
      ]);
      process.stdout.write = outW;
      process.stderr.write = errW;
      assert.equal(code, 0);
      assert.match(stdout, /Table I/);
      assert.match(stdout, /EmoDB, human perception\s+87\.50/);
      // a --quick smoke run draws no verdicts and says so
      assert.match(stdout, /SMOKE RUN \(--quick\): tiny settings, one repeat; no verdicts/);
      assert.doesNotMatch(stdout, /improved over|did not (significantly )?improve over|was WORSE than/);
      // after Table I, the "beyond the paper" table: recommended and none, SVM and DNN, each row naming its protocol
      const beyond = stdout.slice(stdout.indexOf('Beyond the paper'));
      assert.ok(stdout.indexOf('Beyond the paper') > stdout.indexOf('Table I'));
      for (const p of ['per-fold', 'speaker-enrol:20', 'speaker'])
        for (const m of [
          'none + SVM',
          'none + DNN',
          `recommended (= ${RECOMMENDED.augment}) + SVM`,
          `recommended (= ${RECOMMENDED.augment}) + DNN`,
        ])
          assert.match(beyond, new RegExp(`^${p} +${m.replace(/[()+]/g, '\\$&')} `, 'm'), `${p} ${m}`);
      assert.ok(
        beyond.includes(
          `recommended = ${RECOMMENDED.augment} ${JSON.stringify(RECOMMENDED.settings)} ` +
            `(recommended with --normalisation ${RECOMMENDED.normalisation})`,
        ),
      );
      // --quick leaves out the SVM search rows (their grid costs minutes per protocol) and says so
      assert.match(beyond, /^The SVM with C and gamma chosen by inner leave-one-speaker-out .* is left out of --quick runs\.$/m);
      assert.doesNotMatch(beyond, /by inner LOSO/);
      // under each speaker mode the tool measures whether the mode helps inside the training folds, and says so
      for (const p of ['speaker-enrol:20', 'speaker'])
        assert.match(beyond, new RegExp(`^${p} normalisation inside training folds: [+-]\\d+\\.\\d\\d WA, .* svm, no augmentation;`, 'm'));
      assert.doesNotMatch(beyond, /^per-fold normalisation inside/m);
      for (const p of ['per-fold', 'speaker-enrol-20', 'speaker']) {
        assert.ok(!existsSync(join(dir, 'beyond', `${p}-svm-search`)), `${p}-svm-search`);
        const b = JSON.parse(readFileSync(join(dir, 'beyond', p, 'results.json'), 'utf8')) as EvaluationResults;
        assert.equal(b.protocol, p.replace('enrol-', 'enrol:'));
        assert.equal(b.config.beyond, true);
        const rec = b.results.find((x) => x.augment === 'recommended' && x.classifier === 'svm')!;
        assert.deepEqual(rec.resolvedAs, { ...RECOMMENDED, settings: { ...RECOMMENDED.settings } });
      }
      const r = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as EvaluationResults;
      assert.equal(r.results.length, 7);
      assert.equal(r.dataset.rows, 535);
      assert.equal(r.dataset.groups.length, 10);
      assert.equal(r.config.normalisation, 'per-fold');
      assert.equal((r.paper as { wa: number }[])[0].wa, 80.56);
      // none + SVM on the golden IS11 features under per-fold normalisation: scikit-learn's SVC gives 77.38 / 74.72 (spec 5)
      const svm = r.results.find((x) => x.augment === 'none' && x.classifier === 'svm')!;
      assert.equal(svm.wa.toFixed(2), '77.38');
      assert.equal(svm.uar.toFixed(2), '74.72');
      const m = join(dir, 'models', 'adan-fold0');
      for (const f of ['model.json', 'weights.safetensors', 'normalisation.json', 'training-log.json', 'training-log.csv', 'train.csv'])
        assert.ok(existsSync(join(m, f)), f);
      const train = readCsvTable(join(m, 'train.csv'));
      assert.equal(train.ids.length, 535 - 49); // fold 0 holds out speaker 03 (49 utterances)
      assert.ok(train.ids.every((id) => !id.startsWith('03')));
      assert.equal(train.featureNames.length, 4368);
      const model = AdanModel.load(m);
      assert.deepEqual(model.featureNames, train.featureNames);
      assert.equal(model.encode(train.features, train.ids.length).length, train.ids.length * model.options.latent);
    } finally {
      process.stdout.write = outW;
      process.stderr.write = errW;
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

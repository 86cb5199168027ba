import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { extractFiles } from '../../src/features/extract-pool.js';
import { featureNames } from '../../src/features/extract.js';
import { accuracy, emodbWavs, readGolden } from './golden.js';

test('IS10 over all 535 EmoDB files matches openSMILE (spec 12 tolerance: >= 99.5% required, >= 99.95% reached)', async () => {
  const golden = readGolden('IS10');
  assert.deepEqual(featureNames('IS10'), golden.names);
  const paths = emodbWavs();
  assert.equal(paths.length, 535);
  const ours = new Map<string, Float32Array>();
  const errors: string[] = [];
  const t0 = Date.now();
  await extractFiles(paths, 'IS10', {
    jobs: Math.min(2, availableParallelism()),
    onResult(_i, _p, r) {
      if (r.ok) ours.set(r.name, r.values);
      else errors.push(r.error);
    },
  });
  assert.deepEqual(errors, []);
  const rep = accuracy(golden, ours);
  console.log(
    `IS10 accuracy: ${(100 * rep.fraction).toFixed(3)}% of ${rep.values} (file, feature) values within tolerance ` +
      `(${((100 * rep.relPassed) / rep.values).toFixed(3)}% within 1e-4 relative ` +
      `alone); ${rep.files} files in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(`  ${rep.failing.length} features have a value outside the tolerance in at least one file; the worst:`);
  for (const w of rep.worst) console.log(`  ${w.name}: ${w.failed} files outside, max ${w.maxSd.toFixed(3)} SD`);
  assert.equal(rep.files, 535);
  assert.ok(rep.fraction >= 0.995, `accuracy ${rep.fraction}`);
  // the implementation reaches 99.99%; a drop below 99.95% is a regression even though it meets the requirement
  assert.ok(rep.fraction >= 0.9995, `accuracy regressed to ${rep.fraction}`);
  // outside the numerically fragile LSP statistics (spec 12) only a handful of threshold counters and one
  // near-tie voicing frame (5 values of 846 370 when written) may miss
  const other = rep.failing.filter((w) => !w.name.startsWith('lspFreq'));
  const otherValues = other.reduce((s, w) => s + w.failed, 0);
  console.log(`  outside the LSP statistics: ${otherValues} values (${other.map((w) => w.name).join(', ')})`);
  assert.ok(otherValues <= 20, `${otherValues} non-LSP values outside the tolerance`);
});

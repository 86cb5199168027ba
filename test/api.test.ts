// The public library API (src/index.ts) drives the same steps as the CLI: extract -> table -> folds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as adan from '../src/index.js';
import { sharedDir } from '../src/util/paths.js';

const emodb = join(sharedDir(), 'data', 'emodb');

test('extractFeatures from the public API matches openSMILE on one EmoDB file', () => {
  const golden = adan.readCsvTable(join(emodb, 'opensmile', 'IS11.csv'));
  const r = adan.extractFeatures(join(emodb, 'wav', '03a01Fa.wav'), 'IS11');
  assert.equal(r.names.length, 4368);
  assert.deepEqual(r.names, golden.featureNames);
  const row = golden.ids.indexOf('03a01Fa');
  let within = 0;
  for (let j = 0; j < r.values.length; j++) {
    const ref = golden.features[row * 4368 + j];
    if (Math.abs(r.values[j] - ref) <= 1e-4 * Math.max(1, Math.abs(ref))) within++;
  }
  assert.ok(within / 4368 > 0.9, `only ${within} of 4368 values within 1e-4 relative`);
});

test('leaveOneGroupOut over the EmoDB speakers gives 10 disjoint folds covering 535 rows', () => {
  const t = adan.withEmodbMeta(adan.readCsvTable(join(emodb, 'opensmile', 'IS11.csv')));
  const folds = adan.leaveOneGroupOut(t.meta.speaker);
  assert.equal(folds.length, 10);
  assert.equal(
    folds.reduce((s, f) => s + f.test.length, 0),
    535,
  );
  for (const f of folds) {
    const testSpeakers = new Set(Array.from(f.test, (i) => t.meta.speaker[i]));
    assert.equal(testSpeakers.size, 1);
    for (const i of f.train) assert.ok(!testSpeakers.has(t.meta.speaker[i]));
  }
});

test('the backend in use is named', () => {
  assert.match(adan.backendName(), /^(native|js)$/);
});

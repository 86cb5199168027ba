import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedFeatures } from '../../src/experiments/extract-cache.js';
import { readCsvTable } from '../../src/data/read-table.js';
import { sharedDir } from '../../src/util/paths.js';

test('reproduce feature cache: own IS11 extraction of EmoDB WAVs, written once as openSMILE CSV, reused when the ids match', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-cache-'));
  try {
    const ids = ['03a01Fa', '08a01Fd', '16b10Wb'];
    const files = ids.map((id) => ({ id, path: join(sharedDir(), 'data', 'emodb', 'wav', `${id}.wav`) }));
    const a = await cachedFeatures(dir, 'IS11', files, { jobs: 1 });
    assert.equal(a.cached, false);
    assert.deepEqual(a.table.ids, ids);
    assert.equal(a.table.featureNames.length, 4368);
    const mtime = statSync(a.path).mtimeMs;
    const b = await cachedFeatures(dir, 'IS11', files, { jobs: 1 });
    assert.equal(b.cached, true);
    assert.equal(statSync(a.path).mtimeMs, mtime);
    assert.deepEqual(b.table.features, a.table.features);
    // the extracted values are close to openSMILE's for most features (the extractor's own tests check exactness)
    const gold = readCsvTable(join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS11.csv'));
    const g = gold.ids.indexOf('03a01Fa');
    const d = gold.featureNames.length;
    let close = 0;
    for (let j = 0; j < d; j++) {
      const x = a.table.features[j];
      const y = gold.features[g * d + j];
      if (Math.abs(x - y) <= 1e-3 * Math.max(1, Math.abs(y))) close++;
    }
    assert.ok(close / d > 0.5, `${close} of ${d} features match openSMILE`);
    const c = await cachedFeatures(dir, 'IS11', files.slice(0, 2), { jobs: 1 });
    assert.equal(c.cached, false);
    assert.equal(c.table.ids.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

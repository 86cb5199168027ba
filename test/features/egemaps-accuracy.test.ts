/**
 * eGeMAPSv02 against openSMILE's eGeMAPS.csv over all 535 EmoDB files. Prints which features are
 * implemented and their accuracy (spec-12 tolerance), and which are not (NaN in the output), so the
 * statement in src/features/sets/egemaps.ts is checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EGEMAPS_IMPLEMENTED, egemapsNames } from '../../src/features/sets/egemaps.js';
import { accuracyAgainstGolden, readGolden } from './is11-golden.js';

test('eGeMAPS names are generated in openSMILE order', () => {
  assert.deepEqual(egemapsNames(), readGolden('eGeMAPS').names);
});

test('eGeMAPS: implemented features within the spec-12 tolerance on all 535 files, the rest NaN', async () => {
  const names = egemapsNames();
  const implemented = names.map((n) => EGEMAPS_IMPLEMENTED.has(n));
  const idx = names.flatMap((n, i) => (implemented[i] ? [i] : []));
  // the statement in src/features/sets/egemaps.ts: 64 implemented, 24 NaN
  assert.equal(idx.length, 64);
  let sawNaN = true;
  const rep = await accuracyAgainstGolden('eGeMAPS', idx, (v) => {
    for (let i = 0; i < v.length; i++) if (!implemented[i] && !Number.isNaN(v[i])) sawNaN = false;
  });
  console.log(JSON.stringify({ ...rep, implemented: idx.length, notImplemented: names.filter((_, i) => !implemented[i]) }));
  assert.ok(sawNaN, 'features documented as not implemented must be NaN');
  assert.equal(rep.values, 535 * idx.length);
  assert.ok(rep.withinTolerancePct >= 99.5, `only ${rep.withinTolerancePct}% of implemented values within tolerance`);
});

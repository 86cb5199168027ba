/**
 * IS09_emotion end-to-end accuracy over all 535 EmoDB files against openSMILE's IS09.csv
 * (same spec-12 tolerance as IS10/IS11). Prints one JSON line with the figures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { is09Names } from '../../src/features/sets/is09.js';
import { accuracyAgainstGolden, readGolden } from './is11-golden.js';

test('IS09 names are generated in openSMILE order', () => {
  assert.deepEqual(is09Names(), readGolden('IS09').names);
});

test('IS09 over all 535 EmoDB files: >= 99.5% of values within the spec-12 tolerance', async () => {
  const rep = await accuracyAgainstGolden('IS09');
  console.log(JSON.stringify(rep));
  assert.equal(rep.files, 535);
  // measured: 100% within 1e-4 relative (ACF pitch, voicing, energy, ZCR, HTK MFCC all match)
  assert.ok(rep.withinTolerancePct >= 99.9, `only ${rep.withinTolerancePct}% within tolerance`);
  assert.ok(rep.withinRelative1e4Pct >= 99.9, `only ${rep.withinRelative1e4Pct}% within 1e-4 relative`);
});

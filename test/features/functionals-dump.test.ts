/**
 * Functionals applied to openSMILE's own LLD contours (the IS11 frame dumps) must reproduce
 * openSMILE's functionals (spec 12: section 10 is exact given oS's contours).
 * The dumps hold the M+1 frames of the pitch-rate smoothed level, so the groups that read it
 * (Nz and F0, spec 9.1) are compared in full: they see the first M-2 frames (spec 1.4).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { is11Functionals } from '../../src/features/sets/is11-functionals.js';
import { DUMP_IDS, readDump, readGolden, selectColumns } from './is11-golden.js';

const golden = readGolden('IS11');
const NZ = ['F0final_sma', 'voicingFinalUnclipped_sma', 'jitterLocal_sma', 'jitterDDP_sma', 'shimmerLocal_sma'];

/**
 * The dumps print the contours with 7 significant digits (not the exact float32 values), so
 * results carry that input rounding: ~1e-6 relative in general, more for the ill-conditioned
 * contour LPC, for tie-sensitive counters (rounding creates exact ties in held jitter values)
 * and for means/centroids of deltas (sums that cancel to ~0). Those get looser, explicit bounds.
 */
function tolerance(name: string, ref: number): number {
  const fn = name.slice(name.lastIndexOf('_') + 1);
  const isDelta = name.includes('_de_');
  if (fn.startsWith('lpc') || fn === 'lpgain') return 1e-4 + 1e-4 * Math.abs(ref);
  if (/ctime$|^risetime$|^falltime$/.test(fn)) return 0.05;
  if (isDelta && fn === 'centroid') return Infinity; // Σi·x/Σx with Σx ≈ 0: meaningless from rounded input
  if (isDelta && fn === 'amean') return 1e-6;
  return 2e-5 * Math.abs(ref) + 1e-12;
}

function compare(id: string, names: string[], values: Float32Array): string[] {
  const ref = golden.rows.get(id);
  assert.ok(ref, `golden row ${id}`);
  const bad: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const j = golden.names.indexOf(names[i]);
    assert.ok(j >= 0, `golden has ${names[i]}`);
    const r = ref[j];
    if (Math.abs(values[i] - r) > tolerance(names[i], r)) bad.push(`${names[i]}: ${values[i]} vs ${r}`);
  }
  return bad;
}

for (const id of DUMP_IDS) {
  test(`IS11 Nz and F0 functionals of the oS dump contours match IS11.csv (${id})`, () => {
    const dump = readDump(id, 'IS11');
    const M = dump.frames - 1;
    const sets = is11Functionals();
    const nzLevel = selectColumns(dump, [...NZ, ...NZ.map((n) => `${n}_de`)]);
    const nzNames = sets.Nz.namesFor(nzLevel.names);
    const nzOut = new Float32Array(nzNames.length);
    sets.Nz.applyToLevel(nzLevel, M - 2, nzOut, 0);
    const f0Level = selectColumns(dump, ['F0final_sma', 'F0final_sma_de']);
    const f0Names = sets.F0.namesFor(['F0final_sma_ff0', 'F0final_sma_ff0_de']);
    const f0Out = new Float32Array(f0Names.length);
    sets.F0.applyToLevel(f0Level, M - 2, f0Out, 0);
    const bad = [...compare(id, nzNames, nzOut), ...compare(id, f0Names, f0Out)];
    assert.deepEqual(bad, []);
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { extractFiles } from '../../src/features/extract-pool.js';
import { featureNames } from '../../src/features/extract.js';
import type { FeatureSetName } from '../../src/features/sets/index.js';
import { accuracy, emodbWavs, goldenSubset, readGolden } from './golden.js';

/**
 * The four sets at seven sample rates against openSMILE 3.0.2 (20 EmoDB utterances resampled with sox; goldens in
 * shared/data/emodb-resampled). Rates whose 10/20/25/60 ms frames are not whole sample counts (11.025, 22.05,
 * 44.1 kHz) check openSMILE's frame arithmetic. The tolerance is the 16 kHz tests' one, with the feature's SD taken
 * over the 20 files of that rate; the targets are the 16 kHz requirements.
 */
const RATES = [8000, 11025, 22050, 24000, 32000, 44100, 48000];
const TARGET: Record<FeatureSetName, number> = { IS09: 0.995, IS10: 0.995, IS11: 0.995, eGeMAPS: 0.983 };
const SETS: FeatureSetName[] = ['IS09', 'IS10', 'IS11', 'eGeMAPS'];

test('all four sets at 8 to 48 kHz match openSMILE as closely as at 16 kHz', async () => {
  const paths = emodbWavs('emodb-resampled');
  assert.equal(paths.length, 140);
  const t0 = Date.now();
  const rows: string[] = [];
  const misses: string[] = [];
  const gaps: string[] = [];
  for (const set of SETS) {
    const golden = readGolden(set, 'emodb-resampled');
    assert.deepEqual(featureNames(set), golden.names);
    const ours = new Map<string, Float32Array>();
    const errors: string[] = [];
    await extractFiles(paths, set, {
      jobs: Math.min(2, availableParallelism()),
      onResult(_i, _p, r) {
        if (r.ok) ours.set(r.name, r.values);
        else errors.push(r.error);
      },
    });
    assert.deepEqual(errors, []);
    const cells: string[] = [];
    for (const rate of RATES) {
      const rep = accuracy(
        goldenSubset(golden, (id) => id.endsWith(`_${rate}`)),
        ours,
      );
      assert.equal(rep.files, 20, `${set} at ${rate} Hz: ${rep.files} files compared`);
      cells.push((100 * rep.fraction).toFixed(2));
      if (rep.fraction < TARGET[set]) {
        misses.push(`${set} at ${rate} Hz: ${(100 * rep.fraction).toFixed(3)}% < ${(100 * TARGET[set]).toFixed(2)}%`);
        for (const w of rep.worst.slice(0, 5)) {
          gaps.push(`    ${set} at ${rate} Hz: ${w.name}: ${w.failed} files, max ${w.maxSd.toFixed(3)} SD`);
        }
      }
    }
    rows.push(`| ${set} | ${cells.join(' | ')} |`);
  }
  console.log(`share of (file, feature) values within tolerance, % (${((Date.now() - t0) / 1000).toFixed(1)} s):`);
  console.log(`| set | ${RATES.map((r) => (r / 1000).toString()).join(' | ')} |`);
  console.log(`|---|${RATES.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(r);
  for (const g of gaps) console.log(g);
  assert.deepEqual(misses, []);
});

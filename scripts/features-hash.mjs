// Checks that a refactor leaves the features bit-identical: hashes (sha256) the IS09/IS10/IS11/eGeMAPS outputs
// (functionals and LLDs, as raw float32 bytes) of the first 30 EmoDB files (sorted) at 16 kHz and of the resampled
// EmoDB files at 8, 22.05 and 44.1 kHz, using the compiled dist/ code (run `npm run build` first).
// Prints JSON {set: {rate: hash}}; run it before and after a change and diff the two outputs.
// Usage: node scripts/features-hash.mjs [set...]     (default: all four sets)
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractFeatures, FEATURE_SET_NAMES } from '../dist/src/features/index.js';
import { sharedDir } from '../dist/src/util/paths.js';

const FILES_16K = 30;
const RESAMPLED_RATES = [8000, 22050, 44100];

function wavs(dir, suffix) {
  return readdirSync(dir)
    .filter((n) => n.endsWith(suffix))
    .sort()
    .map((n) => join(dir, n));
}

function hashFiles(paths, set) {
  const h = createHash('sha256');
  for (const p of paths) {
    const r = extractFeatures(p, set, { lld: true });
    h.update(p.slice(p.lastIndexOf('/') + 1));
    h.update(new Uint8Array(r.values.buffer, r.values.byteOffset, r.values.byteLength));
    if (r.lld) h.update(new Uint8Array(r.lld.data.buffer, r.lld.data.byteOffset, r.lld.data.byteLength));
  }
  return h.digest('hex');
}

const shared = sharedDir();
const sets = process.argv.length > 2 ? process.argv.slice(2) : [...FEATURE_SET_NAMES];
const groups = [['16000', wavs(join(shared, 'data', 'emodb', 'wav'), '.wav').slice(0, FILES_16K)]];
for (const rate of RESAMPLED_RATES) groups.push([String(rate), wavs(join(shared, 'data', 'emodb-resampled', 'wav'), `_${rate}.wav`)]);
const out = {};
for (const set of sets) {
  out[set] = {};
  for (const [rate, paths] of groups) out[set][rate] = hashFiles(paths, set);
}
console.log(JSON.stringify(out, null, 2));

/**
 * Helpers for comparing extracted features with openSMILE's goldens (shared/data/emodb/opensmile/*.csv).
 *
 *   readGolden(set, corpus = 'emodb'): { names, ids, rows: Float64Array[] }
 *   emodbWavs(corpus = 'emodb'): string[]                  the corpus's WAV paths, sorted (EmoDB: all 535)
 *   accuracy(golden, ours: Map<id, Float32Array>): AccuracyReport
 *     a (file, feature) value passes when |Δ| <= 1e-4·max(1, |ref|) or |Δ| <= 0.05·SD(feature over the corpus) (spec 12)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../src/util/paths.js';

export interface Golden {
  names: string[];
  ids: string[];
  rows: Float64Array[];
}

/** corpus: a folder under shared/data holding opensmile/<set>.csv (EmoDB by default, e.g. 'emodb-resampled') */
export function readGolden(set: string, corpus = 'emodb'): Golden {
  const text = readFileSync(join(sharedDir(), 'data', corpus, 'opensmile', `${set}.csv`), 'utf8');
  const lines = text.trim().split('\n');
  const names = lines[0].split(';').slice(2);
  const ids: string[] = [];
  const rows: Float64Array[] = [];
  for (const l of lines.slice(1)) {
    const parts = l.split(';');
    ids.push(parts[0].replace(/'/g, ''));
    rows.push(Float64Array.from(parts.slice(2), Number));
  }
  return { names, ids, rows };
}

export function emodbWavs(corpus = 'emodb'): string[] {
  const dir = join(sharedDir(), 'data', corpus, 'wav');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.wav'))
    .sort()
    .map((f) => join(dir, f));
}

/** the rows of g whose id passes keep (e.g. one sample rate of the resampled corpus) */
export function goldenSubset(g: Golden, keep: (id: string) => boolean): Golden {
  const idx = g.ids.map((id, i) => (keep(id) ? i : -1)).filter((i) => i >= 0);
  return { names: g.names, ids: idx.map((i) => g.ids[i]), rows: idx.map((i) => g.rows[i]) };
}

export interface AccuracyReport {
  files: number;
  values: number;
  passed: number;
  fraction: number;
  /** values within the relative bound alone */
  relPassed: number;
  /** every feature with at least one value outside the tolerance: name, failing files, max |Δ|/SD (most failures first) */
  failing: { name: string; failed: number; maxSd: number }[];
  /** the first 15 of `failing` */
  worst: { name: string; failed: number; maxSd: number }[];
}

export function accuracy(g: Golden, ours: Map<string, Float32Array>): AccuracyReport {
  const F = g.names.length;
  const sd = new Float64Array(F);
  const n = g.rows.length;
  for (let j = 0; j < F; j++) {
    let s = 0;
    let s2 = 0;
    for (const r of g.rows) {
      s += r[j];
      s2 += r[j] * r[j];
    }
    const m = s / n;
    sd[j] = Math.sqrt(Math.max(0, s2 / n - m * m));
  }
  let values = 0;
  let passed = 0;
  let relPassed = 0;
  let files = 0;
  const failed = new Int32Array(F);
  const maxSd = new Float64Array(F);
  g.ids.forEach((id, i) => {
    const v = ours.get(id);
    if (!v) return;
    files++;
    const ref = g.rows[i];
    for (let j = 0; j < F; j++) {
      values++;
      const d = Math.abs(v[j] - ref[j]);
      const rel = d <= 1e-4 * Math.max(1, Math.abs(ref[j]));
      const bySd = d <= 0.05 * sd[j];
      if (rel) relPassed++;
      if (rel || bySd) passed++;
      else failed[j]++;
      if (sd[j] > 0) maxSd[j] = Math.max(maxSd[j], d / sd[j]);
    }
  });
  const failing = g.names
    .map((name, j) => ({ name, failed: failed[j], maxSd: maxSd[j] }))
    .filter((w) => w.failed > 0)
    .sort((a, b) => b.failed - a.failed);
  return { files, values, passed, fraction: values ? passed / values : 0, relPassed, failing, worst: failing.slice(0, 15) };
}

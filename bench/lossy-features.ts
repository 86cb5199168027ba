/**
 * Benchmark: how much lossy coding changes features. One EmoDB file is encoded to MP3 at 128 kbit/s with lame,
 * decoded by adan's MP3 reader, and IS11 is extracted from both. Prints one JSON line: {file, set, features,
 * withinTolerancePct, medianRelDiff}; the tolerance is the feature tests' (|Δ| <= 1e-4·max(1,|ref|) or
 * 0.05 SD of the feature over openSMILE's EmoDB goldens).
 *
 *   node dist/bench/lossy-features.js [--file 03a01Fa] [--set IS11] [--kbps 128]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFeatures, extractFeaturesAsync } from '../src/features/extract.js';
import { isFeatureSetName } from '../src/features/sets/index.js';
import { sharedDir } from '../src/util/paths.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

/** Per-feature SD over the openSMILE goldens of the whole corpus (the feature tests' scale). */
function goldenSd(set: string): Float64Array {
  const lines = readFileSync(join(sharedDir(), 'data', 'emodb', 'opensmile', `${set}.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const rows = lines.map((l) => l.split(';').slice(2).map(Number));
  const m = rows[0].length;
  const sd = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const mean = rows.reduce((s, r) => s + r[j], 0) / rows.length;
    sd[j] = Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean) ** 2, 0) / rows.length);
  }
  return sd;
}

async function main(): Promise<void> {
  const id = arg('--file', '03a01Fa');
  const set = arg('--set', 'IS11');
  const kbps = arg('--kbps', '128');
  if (!isFeatureSetName(set)) throw new Error(`unknown set ${set}`);
  const wav = join(sharedDir(), 'data', 'emodb', 'wav', `${id}.wav`);
  const mp3 = join(mkdtempSync(join(tmpdir(), 'adan-lossy-')), `${id}.mp3`);
  try {
    execFileSync('lame', ['--quiet', '--cbr', '-b', kbps, wav, mp3]);
  } catch {
    console.log(JSON.stringify({ file: id, error: 'lame not found (apt-get install lame)' }));
    return;
  }
  const ref = extractFeatures(wav, set).values;
  const lossy = (await extractFeaturesAsync(mp3, set)).values;
  const sd = goldenSd(set);
  let within = 0;
  const rel: number[] = [];
  for (let j = 0; j < ref.length; j++) {
    const d = Math.abs(lossy[j] - ref[j]);
    if (d <= 1e-4 * Math.max(1, Math.abs(ref[j])) || d <= 0.05 * sd[j]) within++;
    rel.push(d / Math.max(Math.abs(ref[j]), 1e-12));
  }
  rel.sort((a, b) => a - b);
  const median = rel[Math.floor(rel.length / 2)];
  console.log(
    JSON.stringify({
      file: id,
      set,
      mp3Kbps: Number(kbps),
      features: ref.length,
      withinTolerancePct: (100 * within) / ref.length,
      medianRelDiff: median,
    }),
  );
}

await main();

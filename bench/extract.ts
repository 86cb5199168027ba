/**
 * Benchmark: feature extraction for all 535 EmoDB files with a worker pool (default 2 workers), per set.
 * Prints one JSON line per set: {set, files, audioSeconds, seconds, realTimeFactor, peakRssMB, jobs}.
 *
 *   node dist/bench/extract.js [--sets IS11,IS10] [--jobs 2] [--limit N]
 *   npx tsx bench/extract.ts ...
 * Reference: SMILExtract as two parallel processes needs about 15 s per set on the project's 2-core machine.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractFiles } from '../src/features/extract-pool.js';
import { availableFeatureSets, isFeatureSetName, type FeatureSetName } from '../src/features/sets/index.js';
import { sharedDir } from '../src/util/paths.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const jobs = Number(arg('--jobs') ?? 2);
  const wanted = (arg('--sets') ?? 'IS11,IS10').split(',').filter(isFeatureSetName);
  const dir = join(sharedDir(), 'data', 'emodb', 'wav');
  let files = readdirSync(dir)
    .filter((f) => f.endsWith('.wav'))
    .sort()
    .map((f) => join(dir, f));
  const limit = arg('--limit');
  if (limit) files = files.slice(0, Number(limit));
  for (const set of wanted) {
    if (!availableFeatureSets().includes(set as FeatureSetName)) {
      process.stdout.write(JSON.stringify({ set, skipped: 'feature set not available' }) + '\n');
      continue;
    }
    let audioSeconds = 0;
    let failed = 0;
    const t0 = performance.now();
    await extractFiles(files, set, {
      jobs,
      onResult(_i, _p, r) {
        if (r.ok) audioSeconds += r.seconds;
        else failed++;
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const peakRssMB = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(
      JSON.stringify({
        set,
        files: files.length,
        failed,
        audioSeconds: Number(audioSeconds.toFixed(2)),
        seconds: Number(seconds.toFixed(2)),
        realTimeFactor: Number((seconds / audioSeconds).toFixed(5)),
        peakRssMB: Number(peakRssMB.toFixed(1)),
        jobs,
      }) + '\n',
    );
  }
}

await main();

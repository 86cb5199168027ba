import { availableParallelism } from 'node:os';
import { extractManifest } from '../../experiments/index.js';
import { UserError } from '../../util/errors.js';
import { progressBar } from '../progress.js';
import { featureSetOption, intOption } from '../options.js';

/** `adan extract --manifest m.csv --set S -o features.csv`: the manifest's files, its columns kept as metadata. */
export async function extractManifestCommand(
  manifest: string,
  inputs: readonly string[],
  f: { set: string; output: string; jobs?: string; lld?: string; shard?: string; json?: boolean; keepGoing?: boolean },
): Promise<void> {
  if (inputs.length > 0) throw new UserError('extract: give either WAV files/folders or --manifest, not both');
  if (f.lld !== undefined || f.shard !== undefined) throw new UserError('extract --manifest: --lld and --shard are for WAV inputs only');
  const set = featureSetOption(f.set);
  const jobs = intOption(f.jobs, '--jobs', 1) ?? availableParallelism();
  const bar = progressBar({ enabled: f.json ? false : undefined });
  const t0 = Date.now();
  let s;
  try {
    s = await extractManifest(manifest, set, f.output, {
      jobs,
      keepGoing: f.keepGoing === true,
      onFile: (d, t) => {
        if (d === 1) bar.start(t, `extract ${set}`);
        bar.update(d);
      },
    });
  } finally {
    bar.stop();
  }
  for (const e of s.failed) process.stderr.write(`adan: ${e}\n`);
  const seconds = (Date.now() - t0) / 1000;
  if (f.json) process.stdout.write(JSON.stringify({ set, ...s, failed: s.failed.length, seconds }) + '\n');
  else {
    const bad = s.failed.length ? `; ${s.failed.length} failed (named above)` : '';
    const took = `in ${seconds.toFixed(1)} s`;
    process.stdout.write(`extracted ${s.extracted}/${s.files} files of ${manifest} (${set}) ${took} -> ${f.output}${bad}\n`);
  }
  if (s.failed.length > 0) process.exitCode = 1;
}

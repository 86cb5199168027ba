/**
 * Fills the perturb augmenter's feature cache for a corpus: every (audio file, perturbation) of the table's rows,
 * extracted once with the table's feature set, so `adan evaluate --augment perturb` (any fold, repeat, protocol)
 * only reads the cache. Prints one JSON line: {table, set, files, perturbations, extracted, hits, seconds, cacheDir}.
 * Default: EmoDB IS11 goldens with the shared EmoDB WAVs and the default perturbations and cache folder.
 *
 *   node dist/bench/perturb-cache.js [--table t.csv] [--audio-dir dir] [--cache dir] [--perturb a,b] [--shard i/n]
 *
 * Then: adan evaluate --table <t.csv> --emodb-names --augment none,perturb --times 1 --audio-dir <dir> [--perturb-cache <dir>]
 * `--shard i/n` takes every n-th file from file i, so n processes can fill one cache side by side. Entries are keyed by
 * a fingerprint of the extractor's and the perturbations' code (augment/audio/code-fingerprint.ts): after changing
 * either, this extracts everything again (into a new folder) rather than leaving stale features to be read.
 */
import { join } from 'node:path';
import { loadFeatureTable } from '../src/data/load-table.js';
import { parsePerturbation } from '../src/audio/perturbation.js';
import { DEFAULT_PERTURBATIONS } from '../src/augment/perturb.js';
import { PerturbedFeatureCache, defaultPerturbCacheDir } from '../src/augment/audio/perturbed-features.js';
import { rowSources } from '../src/augment/audio/row-sources.js';
import { tableFeatureSet } from '../src/augment/audio/table-feature-set.js';
import { sharedDir } from '../src/util/paths.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const emodb = join(sharedDir(), 'data', 'emodb');
  const table = arg('--table') ?? join(emodb, 'opensmile', 'IS11.csv');
  const audioDir = arg('--audio-dir') ?? join(emodb, 'wav');
  const cacheDir = arg('--cache') ?? defaultPerturbCacheDir();
  const perturbations = (arg('--perturb')?.split(',') ?? [...DEFAULT_PERTURBATIONS]).map(parsePerturbation);
  const [shard, shards] = (arg('--shard') ?? '0/1').split('/').map(Number);
  const t = loadFeatureTable(table);
  const { set } = tableFeatureSet(t.featureNames);
  const sources = rowSources(
    { x: new Float32Array(0), rows: t.ids.length, cols: 1, y: new Int32Array(t.ids.length), classes: 1, ids: t.ids },
    audioDir,
  );
  const files = sources.filter((_, i) => i % shards === shard);
  const cache = new PerturbedFeatureCache(cacheDir, set);
  const t0 = performance.now();
  for (const f of files) for (const p of perturbations) cache.features(f, p);
  process.stdout.write(
    JSON.stringify({
      table,
      set,
      files: files.length,
      perturbations: perturbations.length,
      extracted: cache.extracted,
      hits: cache.hits,
      seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
      cacheDir,
    }) + '\n',
  );
}

main();

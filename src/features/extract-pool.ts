/**
 * Parallel extraction over many files with piscina worker threads, results delivered in input order.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { FeatureSetName } from './sets/index.js';
import { runTask, type WorkerResult, type WorkerTask } from './extract-worker.js';

/** Options of extractFiles: worker count, whether to return LLDs, and the per-file result callback. */
export interface PoolOptions {
  jobs: number;
  lld?: boolean;
  onResult(index: number, path: string, result: WorkerResult): void | Promise<void>;
}

/**
 * The worker module next to this one, with this module's extension (.js from dist/, .ts when run
 * from sources via tsx).
 */
export function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return fileURLToPath(new URL(`./extract-worker${extname(here)}`, import.meta.url));
}

/**
 * At most ~4·jobs files are in flight, and results are handed to onResult in input order as soon as they
 * are complete, so memory stays flat over any number of files. jobs <= 1 runs in this thread.
 */
export async function extractFiles(paths: readonly string[], set: FeatureSetName, opts: PoolOptions): Promise<{ failed: number }> {
  let failed = 0;
  const lld = opts.lld ?? false;
  if (opts.jobs <= 1 || paths.length <= 1) {
    for (let i = 0; i < paths.length; i++) {
      const r = await runTask({ path: paths[i], set, lld });
      if (!r.ok) failed++;
      await opts.onResult(i, paths[i], r);
    }
    return { failed };
  }
  const pool = new Piscina<WorkerTask, WorkerResult>({
    filename: workerFile(),
    minThreads: opts.jobs,
    maxThreads: opts.jobs,
    idleTimeout: 1000,
  });
  const window = Math.max(2, opts.jobs * 4);
  const pending = new Map<number, Promise<WorkerResult>>();
  let next = 0;
  const launch = (): void => {
    while (next < paths.length && pending.size < window) {
      const i = next++;
      pending.set(
        i,
        pool.run({ path: paths[i], set, lld }).catch((err: unknown) => ({
          ok: false as const,
          error: `${paths[i]}: worker failed: ${err instanceof Error ? err.message : String(err)}`,
          user: false,
        })),
      );
    }
  };
  try {
    launch();
    for (let i = 0; i < paths.length; i++) {
      const p = pending.get(i);
      if (!p) throw new Error(`extractFiles: task ${i} was not scheduled`);
      const r = await p;
      pending.delete(i);
      launch();
      if (!r.ok) failed++;
      await opts.onResult(i, paths[i], r);
    }
  } finally {
    await pool.destroy();
  }
  return { failed };
}

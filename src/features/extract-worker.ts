/**
 * Piscina worker: extracts one file per task (see extract-pool.ts). Errors come back as data, so one bad file
 * never kills the pool.
 */
import { UserError } from '../util/errors.js';
import { extractFeaturesAsync } from './extract.js';
import type { FeatureSetName, LldOutput } from './sets/index.js';

/** One file to extract. */
export interface WorkerTask {
  path: string;
  set: FeatureSetName;
  lld: boolean;
}

/** The features of one file, or its error message (user = a UserError, not an internal one). */
export type WorkerResult =
  { ok: true; name: string; values: Float32Array; lld?: LldOutput; seconds: number } | { ok: false; error: string; user: boolean };

/** Runs one task (the default export, called by piscina); async because compressed formats decode through WASM. */
export async function runTask(task: WorkerTask): Promise<WorkerResult> {
  try {
    const r = await extractFeaturesAsync(task.path, task.set, { lld: task.lld });
    return { ok: true, name: r.name, values: r.values, lld: r.lld, seconds: r.seconds };
  } catch (err) {
    if (err instanceof UserError) return { ok: false, error: err.message, user: true };
    const msg = err instanceof Error ? err.message : String(err);
    return { ok: false, error: `${task.path}: internal error: ${msg.split('\n')[0]}`, user: false };
  }
}

export default runTask;

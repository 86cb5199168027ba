import { availableParallelism, totalmem } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBlasThreads } from '../nn/index.js';
import { runInChildren } from '../util/child-pool.js';
import { UserError } from '../util/errors.js';
import { defaultDeps, foldNamedErrors, type DefaultDepsOptions } from './defaults.js';
import { leaveOneGroupOut } from './folds.js';
import { mergeResults } from './merge.js';
import { runEvaluation, type EvaluateConfig, type EvaluateHooks, type EvaluationResults, type InnerProgress } from './protocol.js';
import { writeFoldTrainingRows } from './training-rows.js';
import type { EvalData, EvalDeps } from './types.js';

/**
 * The stages of an evaluation as data: what defaultDeps builds them from. Functions cannot cross a process boundary,
 * so a fold worker builds its own stages from this (ADAN's per-epoch callback is therefore not part of it).
 */
export interface StageSettings extends Omit<DefaultDepsOptions, 'onEpoch'> {
  /** Augmenter errors name the fold and its test group under this column name (foldNamedErrors). */
  groupCol?: string;
}

/** What the caller sees of a run spread over workers: progress per (repeat, fold) piece, and inner-search steps. */
export type FoldJobHooks = Pick<EvaluateHooks, 'onPiece' | 'onInner' | 'version' | 'backend'>;

export function stagesFrom(s: StageSettings): EvalDeps {
  const deps = defaultDeps(s);
  return s.groupCol !== undefined ? foldNamedErrors(deps, s.groupCol) : deps;
}

// Memory one worker may need: its copy of the table plus the SVM's kernel cache (3 GB at most by default).
const WORKER_BYTES = 4 * 1024 ** 3;

/**
 * The default number of fold workers: one per core, as far as memory allows 4 GiB each. A worker runs one BLAS
 * thread, so the folds, not the kernels, use the cores (the kernels already run at ~98 % of sgemm's rate).
 */
export function defaultFoldJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(totalmem() / WORKER_BYTES)));
}

/** What a fold worker gets once (src/eval/fold-worker.ts is the other side); each task is then one outer fold. */
export interface FoldWorkerInit {
  data: EvalData;
  config: EvaluateConfig;
  stages: StageSettings;
  version?: string;
  backend?: string;
}

/** A fold worker's progress: a (repeat, fold) piece finished, or a step of an inner search. */
export type FoldWorkerProgress = { type: 'piece'; repeat: number; fold: number; group: string } | { type: 'inner'; info: InnerProgress };

/**
 * runEvaluation with the default stages, its outer folds spread over `jobs` child processes (one BLAS thread each,
 * each fold with all its repeats, so every repeat of a fold shares one inner search). Every seed derives from
 * (seed, method, repeat, fold) and every fold runs on one BLAS thread (withBlasThreads: a multithreaded sgemm rounds
 * a few entries differently), so the merged results equal one sequential run's; tests check it number for number.
 * Saved models get their training rows written (writeFoldTrainingRows) in either case. One job, a single fold or
 * repeat asked for (`--fold`, `--repeat`), or one fold in all, runs in this process.
 */
export async function evaluateFolds(
  data: EvalData,
  config: EvaluateConfig,
  stages: StageSettings,
  hooks: FoldJobHooks = {},
  jobs = 1,
): Promise<EvaluationResults> {
  const folds = leaveOneGroupOut(data.groups);
  const whole = config.fold === undefined && config.repeat === undefined;
  if (!Number.isInteger(jobs) || jobs < 1) throw new UserError(`--jobs: expected a positive integer, got ${jobs}`);
  if (jobs === 1 || !whole || folds.length < 2) {
    return withBlasThreads(1, () => runEvaluation(data, config, stagesFrom(stages), { ...hooks, onModelSaved: writeFoldTrainingRows }));
  }
  const total = config.repeats * folds.length;
  let done = 0;
  const parts = await runInChildren<FoldWorkerInit, number, EvaluationResults, FoldWorkerProgress>({
    script: workerScript(),
    init: { data, config, stages, version: hooks.version, backend: hooks.backend },
    tasks: folds.map((f) => f.index),
    jobs,
    describe: (fold) => `fold ${fold}`,
    onProgress: (m) => {
      if (m.type === 'piece') hooks.onPiece?.(++done, total, { repeat: m.repeat, fold: m.fold, group: m.group });
      else hooks.onInner?.(m.info);
    },
  });
  return mergeResults(
    parts,
    folds.map((f) => `fold ${f.index}`),
  );
}

/** The worker script beside this module (.js when compiled, .ts under tsx). */
function workerScript(): string {
  const self = fileURLToPath(import.meta.url);
  return fileURLToPath(new URL(`./fold-worker${extname(self)}`, import.meta.url));
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileError } from '../util/errors.js';
import { readResults, type EvalResults } from './results.js';
import { protocolOf, protocolOrder } from '../eval/protocol-rows.js';
import { isAdanModelFolder, loadModelSource, readTrainingLog, type SyntheticSource } from './sources.js';
import type { EpochLogLike } from './figures/loss-curves.js';
import type { QualityReport } from './quality/index.js';

export interface ResultsInput {
  file: string;
  data: EvalResults;
}

export interface ModelInput {
  name: string;
  dir: string;
  log: EpochLogLike[] | null;
  /** Real + synthetic samples for the embeddings and quality metrics (only for the first model of a run). */
  source: SyntheticSource | null;
  quality: QualityReport | null;
}

export interface ReportInputs {
  results: ResultsInput[];
  models: ModelInput[];
  warnings: string[];
}

export interface CollectOptions {
  seed?: number;
  /** Load the real/synthetic samples of the first model folder of each run (default true). */
  samples?: boolean;
}

/** A quality.json as `adan quality --json` writes it (anything else is ignored with a warning). */
export function readQuality(file: string): QualityReport | null {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { kind?: unknown };
  return data && data.kind === 'adan-quality' ? (data as QualityReport) : null;
}

/** Model folders under run/models, ADAN folds first in fold order (adan-fold1 before adan-fold10). */
function modelFolders(run: string): string[] {
  const dir = join(run, 'models');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory())
    .sort((a, b) => Number(b.startsWith('adan')) - Number(a.startsWith('adan')) || a.localeCompare(b, 'en', { numeric: true }))
    .map((n) => join(dir, n));
}

/** run/beyond/<protocol>/results.json files, in the order the protocols were run (per-fold, enrolment, speaker). */
function beyondResults(run: string): ResultsInput[] {
  const dir = join(run, 'beyond');
  if (!existsSync(dir)) return [];
  // In the evidence's protocol order, read from each document (folder names only break ties: a protocol's fixed run,
  // <protocol>/, before its tuned SVM's, <protocol>-svm-search/).
  return readdirSync(dir)
    .filter((n) => existsSync(join(dir, n, 'results.json')))
    .sort((a, b) => a.localeCompare(b))
    .map((n) => ({ file: join(dir, n, 'results.json'), data: readResults(join(dir, n, 'results.json')) }))
    .sort((a, b) => protocolOrder(protocolOf(a.data)) - protocolOrder(protocolOf(b.data)));
}

/**
 * Gathers what `adan report` shows from results JSON files and run folders (run/results.json, run/models/<name>/
 * with training-log.json and train.csv, run/quality.json), or from single model folders.
 */
export async function collectInputs(paths: string[], opts: CollectOptions = {}): Promise<ReportInputs> {
  const out: ReportInputs = { results: [], models: [], warnings: [] };
  for (const p of paths) {
    if (!existsSync(p)) throw fileError(p, 'no such file or directory');
    if (statSync(p).isFile()) {
      out.results.push({ file: p, data: readResults(p) });
      continue;
    }
    const isModel = existsSync(join(p, 'training-log.json')) || isAdanModelFolder(p);
    if (existsSync(join(p, 'results.json')))
      out.results.push({ file: join(p, 'results.json'), data: readResults(join(p, 'results.json')) });
    // `adan reproduce emodb` writes the "beyond the paper" results under run/beyond/<protocol>/.
    out.results.push(...beyondResults(p));
    const folders = isModel ? [p] : modelFolders(p);
    if (!isModel && folders.length === 0 && !existsSync(join(p, 'results.json')))
      throw fileError(p, 'neither a results file, a run folder (results.json, models/) nor a model folder');
    const runQuality = existsSync(join(p, 'quality.json')) ? readQuality(join(p, 'quality.json')) : null;
    folders.forEach((dir, i) => {
      const log = existsSync(join(dir, 'training-log.json')) ? readTrainingLog(join(dir, 'training-log.json')) : null;
      out.models.push({ name: basename(dir), dir, log, source: null, quality: i === 0 ? runQuality : null });
    });
    if (opts.samples !== false && folders.length > 0) {
      const first = out.models[out.models.length - folders.length];
      const canSample = isAdanModelFolder(first.dir) || existsSync(join(first.dir, 'synthetic.csv'));
      if (canSample && existsSync(join(first.dir, 'train.csv'))) {
        try {
          first.source = await loadModelSource(first.dir, first.name, { seed: opts.seed });
        } catch (err) {
          out.warnings.push(`${first.dir}: no embeddings or quality metrics (${(err as Error).message.split('\n')[0]})`);
        }
      } else {
        out.warnings.push(
          `${first.dir}: no t-SNE/UMAP or quality metrics (needs train.csv beside the model weights or ` +
            `a synthetic.csv; for a model folder from adan train, run adan quality --model DIR --table T)`,
        );
      }
    }
  }
  // Warnings the evaluation recorded (e.g. a class missing from a fold) belong in the report too.
  for (const r of out.results) {
    const w = (r.data as { warnings?: unknown }).warnings;
    if (Array.isArray(w)) for (const line of w) if (typeof line === 'string') out.warnings.push(`${r.file}: ${line}`);
  }
  if (out.results.length === 0 && out.models.length === 0) throw new Error('report: nothing to report');
  return out;
}

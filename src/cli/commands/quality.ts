import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { readCsvTable } from '../../data/read-table.js';
import { withEmodbMeta } from '../../data/emodb-names.js';
import {
  computeQuality,
  loadModelSource,
  sourceFromTables,
  type QualityReport,
  type SpaceMetrics,
  type SyntheticSource,
} from '../../report/index.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { fileError, UserError } from '../../util/errors.js';
import { progressBar } from '../progress.js';
import { intOption, seedOption } from '../options.js';

interface QualityFlags {
  model?: string;
  table?: string;
  synthetic?: string;
  labelCol: string;
  emodbNames?: boolean;
  times: string;
  seed: string;
  k: string;
  folds: string;
  maxPerClass: string;
  classifier: string;
  json?: boolean;
  output?: string;
}

/** `adan quality`: synthetic-data quality of a trained ADAN (or of any synthetic table) against real rows. */
export function registerQuality(program: Command): void {
  program
    .command('quality')
    .description(
      'synthetic-data quality of a trained ADAN model against real rows: TSTR vs TRTR, real-vs-synthetic ' +
        'detection AUC, per-class MMD, k-NN precision/recall, nearest-neighbour distances',
    )
    .option('--model <dir>', "ADAN model folder (adan train -o); synthetic rows are generated with the real rows' labels")
    .option('--table <csv>', "real rows (default: the model folder's train.csv)")
    .option('--synthetic <csv>', 'judge this synthetic table instead of a model (e.g. adan augment output of SMOTE); needs --table')
    .option('--label-col <name>', 'label column of the tables', 'label')
    .option('--emodb-names', 'take EmoDB labels from the row ids (openSMILE CSVs without a label column)')
    .option('--times <n>', 'synthetic rows per real row', '1')
    .option('--seed <n>', 'seed of the generator noise, subsampling and cross-validation folds', '1')
    .option('--k <n>', 'neighbours of the k-NN precision/recall balls', '5')
    .option('--folds <n>', 'cross-validation folds (detection classifier, TRTR)', '5')
    .option('--max-per-class <n>', 'subsample at most this many real and synthetic rows per class', '400')
    .option('--classifier <name>', 'TSTR/TRTR classifier: svm (src/classify RBF C-SVC) | logistic (built-in L2 logistic regression)', 'svm')
    .option('--json', 'print the metrics as JSON')
    .option('-o, --output <file>', 'also write the JSON to this file (e.g. run/quality.json, read by adan report)')
    .action(async (flags: QualityFlags) => {
      await runQuality(flags);
    });
}

interface RealRows {
  table: string | undefined;
  labelCol: string;
  emodbNames: boolean;
}

/**
 * The real rows of a model folder: its train.csv (written by `adan evaluate --save-models`), else the table
 * `adan train` recorded in model.json's provenance, with the label column and --emodb-names it was trained with.
 */
function realRowsOf(model: string, labelCol: string, emodbNames: boolean): RealRows {
  if (existsSync(join(model, 'train.csv'))) return { table: undefined, labelCol, emodbNames };
  const mjPath = join(model, 'model.json');
  let prov: Record<string, unknown> | undefined;
  try {
    prov = (JSON.parse(readFileSync(mjPath, 'utf8')) as { provenance?: Record<string, unknown> }).provenance;
  } catch {
    prov = undefined;
  }
  const table = typeof prov?.table === 'string' ? prov.table : undefined;
  if (!table) {
    throw fileError(model, 'no train.csv in the model folder and no training table in model.json: give the real rows with --table');
  }
  if (!existsSync(table)) {
    throw fileError(model, `the training table recorded in model.json (${table}) is gone: give the real rows with --table`);
  }
  const where = Array.isArray(prov?.where) ? prov.where : [];
  const excluded = Array.isArray(prov?.excludeGroups) ? prov.excludeGroups : [];
  if (where.length || excluded.length) {
    throw fileError(model, `the model was trained on a filtered part of ${table} (--where/--exclude-group): give those rows with --table`);
  }
  const trainedLabelCol = typeof prov?.labelCol === 'string' ? prov.labelCol : labelCol;
  return { table, labelCol: trainedLabelCol, emodbNames: emodbNames || prov?.emodbNames === true };
}

async function runQuality(f: QualityFlags): Promise<void> {
  const seed = seedOption(f.seed)!;
  const times = intOption(f.times, '--times', 1)!;
  const k = intOption(f.k, '--k', 1)!;
  const folds = intOption(f.folds, '--folds', 2)!;
  const maxPerClass = intOption(f.maxPerClass, '--max-per-class', 2)!;
  if (f.classifier !== 'svm' && f.classifier !== 'logistic')
    throw new UserError(`--classifier: expected svm or logistic, got '${f.classifier}'`);
  const classifier = f.classifier;
  const bar = progressBar({ enabled: f.json ? false : undefined });
  let src: SyntheticSource;
  if (f.synthetic) {
    if (!f.table) throw new UserError('--synthetic needs --table (the real rows)');
    const load = (file: string) => {
      if (!existsSync(file)) throw fileError(file, 'no such file');
      const t = readCsvTable(file, { metaColumns: f.emodbNames ? ['synthetic'] : [f.labelCol, 'synthetic'] });
      return f.emodbNames ? withEmodbMeta(t) : t;
    };
    src = sourceFromTables(
      load(f.table),
      f.table,
      load(f.synthetic),
      f.synthetic,
      f.emodbNames ? 'label' : f.labelCol,
      basename(f.synthetic),
    );
  } else {
    if (!f.model) throw new UserError('give --model <dir> (or --synthetic <csv> with --table)');
    if (!existsSync(f.model)) throw fileError(f.model, 'no such model folder');
    const real = f.table
      ? { table: f.table, labelCol: f.labelCol, emodbNames: f.emodbNames === true }
      : realRowsOf(f.model, f.labelCol, f.emodbNames === true);
    bar.start(2, 'generating');
    src = await loadModelSource(f.model, basename(resolve(f.model)), {
      table: real.table,
      labelCol: real.emodbNames ? 'label' : real.labelCol,
      seed,
      times,
      emodbNames: real.emodbNames,
    });
  }
  bar.start(2, 'metrics');
  bar.update(1);
  const q = computeQuality(src, { seed, k, folds, maxPerClass, classifier });
  q.source = { ...src.provenance };
  bar.update(2);
  bar.stop();
  const json = JSON.stringify(q, null, 1) + '\n';
  if (f.output) writeFileAtomic(f.output, json);
  if (f.json) process.stdout.write(json);
  else process.stdout.write(summary(q));
}

function spaceLines(name: string, s: SpaceMetrics): string[] {
  const f = (v: number, d = 3): string => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
  return [
    `${name}: ${s.dims} dims`,
    `  detection AUC ${f(s.detection.auc)} (0.5 = indistinguishable; ${s.detection.classifier}, ${s.detection.folds}-fold)`,
    `  MMD^2 ${f(s.mmd.overall.mmd2, 4)} (all), per class: ${s.mmd.perClass.map((c) => `${c.class} ${f(c.mmd2, 4)}`).join(', ')}`,
    `  k-NN precision ${f(s.coverage.precision)}, recall ${f(s.coverage.recall)} (k=${s.coverage.k})`,
    `  NN distance synthetic->real median ${f(s.nnDistance.syntheticToReal.median)}, real->real ` +
      `${f(s.nnDistance.realToReal.median)}, ratio ${f(s.nnDistance.ratio)}, copies ${s.nnDistance.copies}`,
  ];
}

function summary(q: QualityReport): string {
  const t = q.tstr;
  const lines = [
    `real ${q.rows.real} rows, synthetic ${q.rows.synthetic} rows, ${q.classNames.length} classes; TSTR classifier: ${t.classifier}`,
    `TRTR (cv) WA ${t.trtr.wa.toFixed(2)} UAR ${t.trtr.uar.toFixed(2)} | TSTR WA ${t.tstr.wa.toFixed(2)} ` +
      `UAR ${t.tstr.uar.toFixed(2)} | TRTS WA ${t.trts.wa.toFixed(2)} UAR ${t.trts.uar.toFixed(2)}`,
    ...spaceLines('features', q.feature),
    ...(q.latent ? spaceLines('latent', q.latent) : []),
  ];
  return lines.join('\n') + '\n';
}

import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  AdanModel,
  augmentTable,
  classCounts,
  labelsToGenerate,
  labelsWithClasses,
  loadTrainingTable,
  type SampleMode,
} from '../../adan/index.js';
import { writeTablesCsv } from '../../data/write-table.js';
import { intOption, positiveOption, seedOption } from '../options.js';
import type { FeatureTable } from '../../data/table.js';
import { fileError, UserError } from '../../util/errors.js';

interface AugmentFlags {
  model: string;
  times?: string;
  perClass?: string;
  balance?: boolean;
  table?: string;
  labelCol: string;
  where?: string[];
  emodbNames?: boolean;
  seed: string;
  real?: boolean;
  json?: boolean;
  output: string;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** `adan augment`: synthetic feature rows from a trained ADAN model folder. */
export function registerAugment(program: Command): void {
  program
    .command('augment')
    .description(
      'generate synthetic feature rows with a trained ADAN model (one-hot labels + fresh z -> generator -> decoder, ' +
        'mapped back to the original feature space). Output: openSMILE-style CSV `name;frameTime;<features>;label;synthetic` ' +
        "(`;`-separated, metadata in single quotes, synthetic '1' for " +
        "generated rows and '0' for real ones), readable by every adan command",
    )
    .requiredOption('--model <dir>', 'model folder written by `adan train`')
    .option('--times <n>', 'N synthetic sets, each the size of the training set with its class proportions (default 10)')
    .option('--per-class <n>', 'a fixed number of synthetic rows per class')
    .option('--balance', 'top up every class to the size of the largest training class')
    .option(
      '--table <csv>',
      'training table: class proportions for --times/--balance (default: the counts stored in the model) and the rows of --real',
    )
    .option('--label-col <name>', 'label column of --table', 'label')
    .option('--where <col=value>', 'filter --table rows (repeatable)', collect)
    .option('--emodb-names', 'add EmoDB labels to --table from the utterance ids')
    .option('--seed <n>', 'random seed of the noise z (same seed, same rows)', '1')
    .option('--real', 'also write the real rows of --table (first, synthetic=0)')
    .option('--json', 'print a JSON summary instead of text')
    .requiredOption('-o, --output <csv>', 'CSV file to write (atomically)')
    .action((flags: AugmentFlags) => {
      runAugment(flags);
    });
}

function sampleMode(f: AugmentFlags): SampleMode {
  const given = [f.times !== undefined, f.perClass !== undefined, f.balance === true].filter(Boolean).length;
  if (given > 1) throw new UserError('choose one of --times, --per-class, --balance');
  if (f.perClass !== undefined) {
    return { perClass: intOption(f.perClass, '--per-class', 1)! };
  }
  if (f.balance) return { balance: true };
  return { times: positiveOption(f.times, '--times') ?? 10 };
}

/** The table's feature columns must be the model's, in the same order. */
function checkColumns(path: string, table: FeatureTable, model: AdanModel): void {
  const want = model.featureNames;
  const have = table.featureNames;
  if (have.length === want.length && have.every((n, i) => n === want[i])) return;
  const haveSet = new Set(have);
  const wantSet = new Set(want);
  const missing = want.filter((n) => !haveSet.has(n));
  const extra = have.filter((n) => !wantSet.has(n));
  const detail = missing.length
    ? `missing ${missing.length} of the model's feature columns (first: '${missing[0]}')`
    : extra.length
      ? `has ${extra.length} feature columns the model does not know (first: '${extra[0]}')`
      : "has the model's feature columns in a different order";
  throw fileError(path, `feature columns do not match the model (${want.length} features): ${detail}`);
}

/**
 * The generated values are held in memory (float32) before they are streamed to the CSV, which takes about 12 bytes
 * per value; refuse beyond 2^28 values (1 GiB in memory, ~3 GB of CSV) with the size, before allocating anything.
 */
const MAX_SYNTHETIC_VALUES = 2 ** 28;

function checkOutputSize(model: AdanModel, mode: SampleMode, trainLabels: Int32Array | null): void {
  const counts = trainLabels ? classCounts(trainLabels, model.classNames.length) : model.classCounts;
  const rows =
    'times' in mode
      ? counts.reduce((s, c) => s + Math.round(mode.times * c), 0)
      : 'perClass' in mode
        ? mode.perClass * counts.length
        : labelsToGenerate(counts, mode).length;
  const values = rows * model.featureNames.length;
  if (values > MAX_SYNTHETIC_VALUES) {
    const gb = (values * 12) / 1e9;
    throw new UserError(
      `would generate ${rows.toExponential(3)} rows x ${model.featureNames.length} features (about ${gb.toPrecision(3)} GB of CSV); ` +
        `the limit is ${MAX_SYNTHETIC_VALUES} values: lower --times/--per-class`,
    );
  }
}

function runAugment(f: AugmentFlags): void {
  const mode = sampleMode(f);
  const seed = seedOption(f.seed) ?? 1;
  if (f.real && !f.table) throw new UserError('--real needs --table (the real rows to include)');
  const model = AdanModel.load(f.model);
  let trainLabels: Int32Array | null = null;
  let real: FeatureTable | null = null;
  if (f.table) {
    const t = loadTrainingTable(f.table, {
      labelCol: f.labelCol,
      emodbNames: f.emodbNames === true,
      where: f.where ?? [],
      excludeGroups: [],
    });
    checkColumns(f.table, t, model);
    trainLabels = labelsWithClasses(t.meta[f.labelCol], model.classNames, f.table);
    real = {
      ids: t.ids,
      featureNames: t.featureNames,
      features: t.features,
      meta: { label: t.meta[f.labelCol], synthetic: new Array<string>(t.ids.length).fill('0') },
    };
  }
  checkOutputSize(model, mode, trainLabels);
  const synth = augmentTable(model, mode, seed, trainLabels);
  writeTablesCsv(f.output, f.real && real ? [real, synth] : [synth], ['label', 'synthetic']);
  const perClass: Record<string, number> = Object.fromEntries(model.classNames.map((c) => [c, 0]));
  for (const l of synth.meta.label) perClass[l]++;
  const summary = {
    output: resolve(f.output),
    synthetic: synth.ids.length,
    real: f.real && real ? real.ids.length : 0,
    features: model.featureNames.length,
    perClass,
    seed,
  };
  if (f.json) process.stdout.write(JSON.stringify(summary) + '\n');
  else {
    process.stdout.write(
      `wrote ${summary.synthetic} synthetic rows${summary.real ? ` and ${summary.real} real rows` : ''} ` +
        `x ${summary.features} features to ${f.output}\n` +
        `per class: ${Object.entries(perClass)
          .map(([c, n]) => `${c} ${n}`)
          .join(', ')}\n`,
    );
  }
}

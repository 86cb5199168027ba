import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  AdanModel,
  adanOptions,
  ADAN_PRESET_NAMES,
  CHECKPOINT_FILE,
  loadTrainingTable,
  type AdanOptions,
  type AdanPresetName,
} from '../../adan/index.js';
import { backendName } from '../../nn/index.js';
import { fileError, UserError } from '../../util/errors.js';
import { progressBar } from '../progress.js';
import { intOption, jsonOverridesOption, namesOption, seedOption } from '../options.js';

interface TrainFlags {
  table: string;
  labelCol: string;
  groupCol?: string;
  metaCols?: string;
  excludeGroup?: string[];
  where?: string[];
  emodbNames?: boolean;
  preset: string;
  variant?: string;
  epochs?: string;
  batchSize?: string;
  set?: string;
  seed: string;
  checkpointEvery?: string;
  resume?: boolean;
  json?: boolean;
  output: string;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** `adan train`: fits an ADAN on a feature table and writes a model folder. */
export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('train an ADAN (adversarial data augmentation network) on a feature table and write a model folder')
    .requiredOption('--table <csv>', 'feature table: openSMILE CSV, generic CSV with a label column, or ARFF')
    .option('--label-col <name>', 'metadata column holding the class labels', 'label')
    .option('--group-col <name>', 'group column (speaker, session); with --exclude-group trains one cross-validation fold')
    .option('--meta-cols <a,b>', 'further metadata columns (not features), e.g. take; id, label, speaker, session, ... are by name')
    .option('--exclude-group <value>', 'leave out rows of this group (repeatable; needs --group-col)', collect)
    .option('--where <col=value>', 'keep only rows where col equals value (repeatable; same column = alternatives)', collect)
    .option('--emodb-names', 'add EmoDB label/speaker/gender columns from the utterance ids (03a01Fa ...)')
    .option('--preset <name>', `settings: ${ADAN_PRESET_NAMES.join(' | ')}`, 'paper')
    .option('--variant <name>', 'adan (joint training) | separate (autoencoder, then GAN: paper II-B) | aae (Sahu et al. 2017)')
    .option('--epochs <n>', "training epochs (default: the preset's)")
    .option('--batch-size <n>', "batch size (default: the preset's)")
    .option('--set <json>', 'override any preset option, e.g. \'{"lr":2e-4,"dSteps":2}\'')
    .option('--seed <n>', 'random seed (weights, shuffling, noise)', '1')
    .option('--checkpoint-every <n>', 'write a checkpoint every N epochs (in <output>.checkpoint/)')
    .option('--resume', 'continue from the checkpoint of an interrupted run with the same data, options and seed')
    .option('--json', 'print a JSON summary instead of text')
    .requiredOption('-o, --output <dir>', 'model folder to write (replaced atomically)')
    .action((flags: TrainFlags) => {
      runTrain(flags);
    });
}

function runTrain(f: TrainFlags): void {
  if (!(ADAN_PRESET_NAMES as readonly string[]).includes(f.preset)) {
    throw new UserError(`--preset: unknown preset '${f.preset}' (choose ${ADAN_PRESET_NAMES.join(', ')})`);
  }
  const overrides: Partial<AdanOptions> = {
    ...jsonOverridesOption(f.set, '--set'),
    ...(f.variant !== undefined ? { variant: f.variant as AdanOptions['variant'] } : {}),
    epochs: intOption(f.epochs, '--epochs', 1),
    batchSize: intOption(f.batchSize, '--batch-size', 1),
  };
  const options = adanOptions(f.preset as AdanPresetName, overrides);
  const seed = seedOption(f.seed) ?? 1;
  // A resumed run keeps checkpointing (every 10 epochs unless told), so a second interruption loses little.
  const every = intOption(f.checkpointEvery, '--checkpoint-every', 1) ?? (f.resume ? 10 : undefined);
  if (f.excludeGroup && !f.groupCol) throw new UserError('--exclude-group needs --group-col');
  const table = loadTrainingTable(f.table, {
    labelCol: f.labelCol,
    emodbNames: f.emodbNames === true,
    where: f.where ?? [],
    groupCol: f.groupCol,
    excludeGroups: f.excludeGroup ?? [],
    metaCols: namesOption(f.metaCols),
  });
  const checkpointDir = `${resolve(f.output)}.checkpoint`;
  if (f.resume && !existsSync(`${checkpointDir}/${CHECKPOINT_FILE}`) && !f.json) {
    process.stderr.write(`adan: no checkpoint in ${checkpointDir}; starting from epoch 1\n`);
  }
  const bar = progressBar({ enabled: f.json ? false : undefined });
  bar.start(
    options.variant === 'separate' ? 2 * options.epochs : options.epochs,
    `adan train (${options.preset}${options.variant === 'adan' ? '' : `, ${options.variant}`})`,
  );
  const t0 = performance.now();
  const model = AdanModel.create(options, seed);
  try {
    model.fitTable(table, f.labelCol, {
      onEpoch: (e) =>
        bar.update(e.epoch, { D: e.dLoss, G: e.gAdvLoss, mse: e.reconMse, C: e.cLoss, acc: e.cAcc, 'D(x)': e.dReal, 'D(G)': e.dFake }),
      checkpointDir: every !== undefined || f.resume ? checkpointDir : undefined,
      checkpointEvery: every,
      resume: f.resume === true,
    });
  } catch (err) {
    bar.stop();
    if (err instanceof UserError && !err.message.startsWith(f.table) && !err.message.includes(CHECKPOINT_FILE))
      throw fileError(f.table, err.message);
    throw err;
  }
  bar.stop();
  const seconds = (performance.now() - t0) / 1000;
  model.save(f.output, {
    table: resolve(f.table),
    labelCol: f.labelCol,
    groupCol: f.groupCol ?? null,
    excludeGroups: f.excludeGroup ?? [],
    where: f.where ?? [],
    emodbNames: f.emodbNames === true,
    rows: table.ids.length,
  });
  // The model folder now holds the finished run; the checkpoint is no longer needed.
  if (existsSync(checkpointDir)) rmSync(checkpointDir, { recursive: true, force: true });
  const log = model.log;
  const last = log[log.length - 1];
  const summary = {
    model: resolve(f.output),
    preset: options.preset,
    backend: backendName(),
    rows: table.ids.length,
    features: model.featureNames.length,
    classes: model.classNames,
    epochs: log.length,
    stoppedEarly: model.stoppedEarly,
    seconds: Number(seconds.toFixed(3)),
    secondsPerEpoch: log.length ? Number((log.reduce((s, e) => s + e.seconds, 0) / log.length).toFixed(4)) : 0,
    last,
  };
  if (f.json) process.stdout.write(JSON.stringify(summary) + '\n');
  else {
    process.stdout.write(
      `trained ADAN (${options.preset}) on ${summary.rows} rows x ${summary.features} features, ${model.classNames.length} classes, ` +
        `${log.length} epochs${model.stoppedEarly ? ' (early stop)' : ''} in ` +
        `${seconds.toFixed(1)} s (${summary.secondsPerEpoch} s/epoch, ${summary.backend})\n` +
        (last
          ? `final epoch: D ${last.dLoss.toFixed(4)}, G adv ${last.gAdvLoss.toFixed(4)}, ` +
            `G cls ${last.gClsLoss.toFixed(4)}, recon MSE ${last.reconMse.toFixed(4)}, ` +
            `C ${last.cLoss.toFixed(4)} (acc ${(100 * last.cAcc).toFixed(1)}%), ` +
            `D(real) ${last.dReal.toFixed(3)}, D(fake) ${last.dFake.toFixed(3)}\n`
          : '') +
        `model written to ${f.output}\n`,
    );
  }
}

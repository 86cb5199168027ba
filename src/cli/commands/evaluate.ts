import type { Command } from 'commander';
import { ADAN_PRESET_NAMES, adanOptions, type AdanOptions, type AdanPresetName } from '../../adan/index.js';
import { intOption, jsonOverridesOption, listOption, namesOption, nonNegativeOption, positiveOption, seedOption } from '../options.js';
import { adanVariant, augmenterHelp, isGenerative, type AugmenterSettings, type SampleCount } from '../../augment/index.js';
import { CLASSIFIER_NAMES } from '../../classify/index.js';
import { DEFAULT_PERTURBATIONS, defaultPerturbCacheDir } from '../../augment/index.js';
import { PERTURBATION_HELP, parsePerturbation } from '../../audio/perturbation.js';
import { loadFeatureTable } from '../../data/load-table.js';
import { parseWhere, type WhereClause } from '../../data/filter.js';
import {
  AUTO_AUGMENT,
  defaultAutoCandidates,
  parseAugmentList,
  defaultFoldJobs,
  evalDataFromTable,
  evaluateFolds,
  formatResults,
  TRAIN_ON,
  NORMALISATION_HELP,
  parseNormalisation,
  isSpeakerMode,
  speakerOptionsFrom,
  type EvaluateConfig,
  type EvaluationResults,
  type TrainOn,
} from '../../eval/index.js';
import { backendName } from '../../nn/index.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { UserError } from '../../util/errors.js';
import { packageVersion } from '../../util/version.js';
import { progressBar } from '../progress.js';

/** The protocol's flags, shared by `evaluate` and `run` (augmenters, classifiers, normalisation, repeats, seed). */
export interface ProtocolFlags {
  where?: string[];
  adanTrainWhere?: string[];
  augment: string;
  classifier: string;
  trainOn: string;
  adanPreset: string;
  adanEpochs?: string;
  adanSet?: string;
  times?: string;
  perClass?: string;
  balance?: boolean;
  noiseStd: string;
  smoteK: string;
  svmC?: string;
  svmGamma?: string;
  svmGrid?: string;
  dnnEpochs?: string;
  dnnActivation?: string;
  normalisation: string;
  speakerStats?: string;
  enrolEstimator?: string;
  innerCheck?: boolean;
  speakerFallback?: boolean;
  neutralLabel?: string;
  repeats: string;
  seed: string;
}

export interface EvaluateFlags extends ProtocolFlags, PerturbFlags {
  table: string;
  labelCol: string;
  groupCol: string;
  speakerCol?: string;
  metaCols?: string;
  emodbNames?: boolean;
  jobs?: string;
  fold?: string;
  repeat?: string;
  json?: string;
  saveModels?: string;
  quiet?: boolean;
  audioDir?: string;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export { packageVersion };

/** How many synthetic rows: --times (default 10), --per-class or --balance (one of them). */
export function sampleCountFrom(f: { times?: string; perClass?: string; balance?: boolean }): SampleCount {
  const given = [f.times !== undefined, f.perClass !== undefined, f.balance === true].filter(Boolean).length;
  if (given > 1) throw new UserError('give only one of --times, --per-class, --balance');
  if (f.perClass !== undefined) return { perClass: intOption(f.perClass, '--per-class', 1)! };
  if (f.balance) return { balance: true };
  return { times: positiveOption(f.times ?? '10', '--times')! };
}

/** ADAN options of each generative augmenter requested (its `variant` set on top of the user's overrides). */
export function generativeOptions(
  augment: readonly string[],
  preset: string,
  epochs: string | undefined,
  set: string | undefined,
): Partial<Record<string, AdanOptions>> {
  const out: Partial<Record<string, AdanOptions>> = {};
  const generative = augment.filter(isGenerative);
  if (generative.length === 0) return out;
  const overrides = jsonOverridesOption(set, '--adan-set');
  for (const a of generative) {
    // `adan` keeps whatever variant the overrides name; the other generative augmenters are that variant.
    out[a] = adanOptionsFrom(preset, epochs, adanVariant(a) === undefined ? overrides : { ...overrides, variant: adanVariant(a) });
  }
  return out;
}

/** ADAN options from the CLI's preset name, epochs flag and parsed `--adan-set` overrides. */
export function adanOptionsFrom(preset: string, epochs: string | undefined, overrides: Record<string, unknown> = {}): AdanOptions {
  if (!(ADAN_PRESET_NAMES as readonly string[]).includes(preset))
    throw new UserError(`--adan-preset: unknown preset '${preset}' (choose ${ADAN_PRESET_NAMES.join(', ')})`);
  return adanOptions(preset as AdanPresetName, { ...(overrides as Partial<AdanOptions>), epochs: intOption(epochs, '--adan-epochs', 1) });
}

/** Adds the protocol's options (augmenters, classifiers, their settings, normalisation, repeats, seed) to a command. */
export function addProtocolOptions(cmd: Command): Command {
  return cmd
    .option('--where <col=value>', 'keep only rows where col equals value (repeatable; same column = alternatives)', collect)
    .option('--adan-train-where <col=value>', 'fit ADAN only on training rows matching (e.g. type=impro; repeatable)', collect)
    .option(
      '--augment <list>',
      `augmenters, comma-separated: ${augmenterHelp()}; ` +
        'auto (chosen per outer fold and classifier by inner leave-one-speaker-out over the training speakers: highest ' +
        `pooled inner WA, ties to the earlier candidate; candidates fixed in advance: ${defaultAutoCandidates(false).join(',')} ` +
        '= no augmentation first and every augmenter that trains no ADAN model, plus perturb with --audio-dir), or ' +
        'auto:a,b,... (these candidates; last in the list)',
      'none',
    )
    .option('--classifier <list>', `classifiers: ${CLASSIFIER_NAMES.join(',')}`, 'svm')
    .option(
      '--train-on <list>',
      'training data for augmented methods: real,synthetic,real+synthetic (none always uses real)',
      'real+synthetic',
    )
    .option('--adan-preset <name>', `ADAN settings: ${ADAN_PRESET_NAMES.join(' | ')}`, 'paper')
    .option('--adan-epochs <n>', "ADAN training epochs (default: the preset's)")
    .option('--adan-set <json>', 'override any ADAN option, e.g. \'{"lr":2e-4}\'')
    .option('--times <n>', 'synthetic rows = n x the training fold, same class proportions (default 10)')
    .option('--per-class <n>', 'synthetic rows per class instead of --times')
    .option('--balance', 'synthetic rows to bring every class up to the largest instead of --times')
    .option('--noise-std <x>', "Gaussian noise std relative to each feature's training std", '0.1')
    .option('--smote-k <k>', 'SMOTE nearest neighbours', '5')
    .option('--svm-c <C>', "SVM C (default 10, the authors'), or 'auto': chosen per fold by inner leave-one-speaker-out from 0.1,1,10,100")
    .option(
      '--svm-gamma <g>',
      "SVM RBF gamma: a number, 'auto' = 1/n_features (default), 'scale', or 'search': chosen per fold by inner " +
        'leave-one-speaker-out from 1/4, 1, 4 x 1/n_features',
    )
    .option(
      '--svm-grid <g>',
      "with --svm-c auto / --svm-gamma search: 'fixed' (default) or 'extend': where the inner search's best value " +
        'is at an end of its grid, step further (C x10, gamma x4, at most 3 steps) while the inner WA keeps rising',
    )
    .option('--dnn-epochs <n>', 'DNN epochs (default 20)')
    .option('--dnn-activation <a>', 'DNN hidden activation: tanh (default) or relu')
    .option(
      '--normalisation <mode>',
      `${NORMALISATION_HELP}: per-fold (default); ` +
        "speaker (each speaker z-normed by its own utterances, the test speaker's unlabelled); " +
        'speaker-enrol:K (test speaker from K unlabelled enrolment utterances, not scored); ' +
        'speaker-neutral:K (every speaker by its neutral speech, the test speaker by K neutral enrolment utterances, not scored); ' +
        'corpus-leaky (leaks test statistics; replication only)',
      'per-fold',
    )
    .option(
      '--speaker-stats <s>',
      "speaker modes: plain (default: each speaker's mean and std), balanced (training speakers' class-balanced with " +
        "their labels), em (balanced, and the test speaker's re-estimated from the classifier's predicted labels)",
    )
    .option(
      '--enrol-estimator <e>',
      "speaker-enrol:K, speaker-neutral:K: shrunk (default: K utterances' mean and std shrunk towards the training speakers'), plain, " +
        'mean-only (every speaker only mean-centred), or search (chosen per outer fold by inner leave-one-speaker-out)',
    )
    .option(
      '--inner-check',
      'speaker modes (the default there): also compare per-fold with the speaker mode by inner leave-one-speaker-out ' +
        'over each training fold (about 2 x (speakers - 1) extra fits per fold, first classifier)',
    )
    .option('--no-inner-check', 'speaker modes: skip that comparison')
    .option(
      '--speaker-fallback',
      'speaker modes: normalise per-fold every outer fold whose inner check finds the speaker mode no better ' +
        '(speaker-enrol:K still leaves its enrolment utterances unscored)',
    )
    .option('--neutral-label <name>', "speaker-neutral:K: the class that is neutral speech (default 'neutral')")
    .option('--repeats <r>', 'rerun everything with r different seeds', '1')
    .option('--seed <n>', 'base random seed', '1');
}

/** `adan evaluate`: leave-one-group-out evaluation of augmenters x classifiers (paper III-C). */
export function registerEvaluate(program: Command): void {
  const cmd = program
    .command('evaluate')
    .description(
      'leave-one-group-out evaluation of augmentation methods and classifiers on a ' +
        'feature table (per-fold or speaker normalisation, pooled WA/UAR, significance tests)',
    )
    .requiredOption('--table <file>', 'feature table: openSMILE CSV, generic CSV with metadata columns, or ARFF')
    .option('--label-col <name>', 'metadata column with the class labels', 'label')
    .option('--group-col <name>', 'metadata column with the cross-validation groups (speaker, session)', 'speaker')
    .option(
      '--speaker-col <name>',
      'metadata column with the speaker of each row, when a group holds several speakers (e.g. IEMOCAP sessions): ' +
        'the speaker modes, the label-mix divergence and recolour / mixup use it (default: the group column)',
    )
    .option('--meta-cols <a,b>', 'columns to keep as metadata even if numeric (e.g. session)')
    .option('--emodb-names', 'add EmoDB label/speaker/gender columns from the utterance ids (03a01Fa ...)');
  addProtocolOptions(cmd)
    .option('--jobs <n>', 'run the folds in n child processes, one BLAS thread each (default: one per core, 4 GiB each)')
    .option('--fold <i>', 'run only fold i (0-based; groups sorted) and write a partial JSON for `adan merge`')
    .option('--repeat <j>', 'run only repeat j (0-based) and write a partial JSON for `adan merge`')
    .option('--json <file>', 'write the results JSON (with per-fold predictions) to this file')
    .option('--save-models <dir>', "save each fold's ADAN model folder (and its training rows) under dir (first repeat)")
    .option('--quiet', 'print nothing but errors')
    .option('--audio-dir <dir>', "folder of the rows' source audio, <id>.wav (needed by --augment perturb)");
  addPerturbOptions(cmd).action(async (f: EvaluateFlags) => {
    await runEvaluateCommand(f);
  });
}

/** The perturb augmenter's flags (`evaluate` and `run`). */
export interface PerturbFlags {
  perturb?: string;
  perturbCache?: string;
}

/** Adds --perturb and --perturb-cache (the perturb augmenter's perturbations and feature cache) to a command. */
export function addPerturbOptions(cmd: Command): Command {
  return cmd
    .option('--perturb <list>', `perturbations for --augment perturb, comma-separated: ${PERTURBATION_HELP}`)
    .option('--perturb-cache <dir>', `cache of perturbed audio's features (default ${defaultPerturbCacheDir()})`);
}

/**
 * The perturb augmenter's settings from --perturb and --perturb-cache (checked up front); `audioDir` is the folder
 * of the rows' <id>.wav, when the rows do not carry their source audio themselves.
 */
export function perturbSettingsFrom(f: PerturbFlags, augment: readonly string[], audioDir?: string): AugmenterSettings['perturb'] {
  if (!augment.includes('perturb')) return undefined;
  const perturbations = f.perturb === undefined ? [...DEFAULT_PERTURBATIONS] : namesOption(f.perturb);
  perturbations.forEach(parsePerturbation);
  return { perturbations, ...(audioDir !== undefined ? { audioDir } : {}), cacheDir: f.perturbCache ?? defaultPerturbCacheDir() };
}

/**
 * Under a speaker mode without --speaker-col: a `speaker` column naming more speakers than there are groups means
 * each fold's speakers would be normalised as one (IEMOCAP's sessions); say which option normalises each speaker.
 */
function speakerColumnHint(meta: Readonly<Record<string, string[]>>, groupCol: string): string | null {
  const speakers = groupCol === 'speaker' ? undefined : meta.speaker;
  const groups = meta[groupCol];
  if (!speakers || !groups) return null;
  const [nSpeakers, nGroups] = [new Set(speakers).size, new Set(groups).size];
  if (nSpeakers <= nGroups) return null;
  return (
    `column 'speaker' names ${nSpeakers} speakers in ${nGroups} groups of '${groupCol}': the speaker modes normalised ` +
    'each group as one speaker; add --speaker-col speaker to normalise each speaker by its own statistics'
  );
}

/** Leave-one-group-out classification needs two classes and two groups; say so before any fold runs. */
function checkProtocolData(table: string, labelCol: string, groupCol: string, classes: readonly string[], groups: readonly string[]): void {
  if (classes.length < 2) {
    throw new UserError(`${table}: column '${labelCol}' holds one class ('${classes[0]}'); classification needs at least 2`);
  }
  const distinct = new Set(groups);
  if (distinct.size < 2) {
    throw new UserError(`${table}: column '${groupCol}' holds one group ('${groups[0]}'); leave-one-group-out needs at least 2`);
  }
}

/** The protocol's settings parsed from its flags (shared by `evaluate` and `run`). */
export interface ProtocolSetup {
  augment: string[];
  /** The augmenters the run may fit: `augment` without auto, with auto's candidates. */
  fitted: string[];
  classifiers: string[];
  trainOn: TrainOn[];
  where: WhereClause[];
  adanWhere: WhereClause[];
  settings: AugmenterSettings;
  svm: Record<string, unknown>;
  dnn: Record<string, unknown>;
  /** The configuration without the table's own entries (fold, repeat, models and `extra.table` are the caller's). */
  config: EvaluateConfig;
}

/**
 * Parses and checks the protocol's flags; one-line errors name the flag. `perturbAudio`: the rows' source audio is
 * available (`--audio-dir`), so `--augment auto` also tries perturb.
 */
export function protocolFrom(f: ProtocolFlags, perturbAudio = false): ProtocolSetup {
  // No perturb among auto's default candidates under corpus-leaky (runEvaluation refuses it there).
  const list = parseAugmentList(f.augment, perturbAudio && f.normalisation !== 'corpus-leaky');
  const augment = list.augment;
  // Every augmenter the run may fit: the named ones and auto's candidates.
  const fitted = [...new Set([...augment.filter((a) => a !== AUTO_AUGMENT), ...(list.autoCandidates ?? [])])];
  const classifiers = listOption(f.classifier, '--classifier', CLASSIFIER_NAMES);
  const trainOn = listOption(f.trainOn, '--train-on', TRAIN_ON) as TrainOn[];
  if (augment.some((a) => a !== 'none') && !trainOn.some((t) => t !== 'real')) {
    throw new UserError(
      '--train-on real trains only on real data (that is --augment none); give synthetic and/or real+synthetic for the augmenters',
    );
  }
  const normalisation = parseNormalisation(f.normalisation);
  const count = sampleCountFrom(f);
  const where = (f.where ?? []).map(parseWhere);
  const adanWhere = (f.adanTrainWhere ?? []).map(parseWhere);
  const adan = generativeOptions(fitted, f.adanPreset, f.adanEpochs, f.adanSet);
  const anyGenerative = Object.keys(adan).length > 0;
  const settings: AugmenterSettings = {
    count,
    noiseStd: nonNegativeOption(f.noiseStd, '--noise-std')!,
    smoteK: intOption(f.smoteK, '--smote-k', 1)!,
    adan,
  };
  const gamma =
    f.svmGamma === undefined
      ? undefined
      : f.svmGamma === 'auto' || f.svmGamma === 'scale' || f.svmGamma === 'search'
        ? f.svmGamma
        : positiveOption(f.svmGamma, '--svm-gamma');
  if (f.svmGrid !== undefined && f.svmGrid !== 'fixed' && f.svmGrid !== 'extend')
    throw new UserError(`--svm-grid: expected fixed or extend (got '${f.svmGrid}')`);
  const extend = f.svmGrid === 'extend';
  const svmSearch = { C: f.svmC === 'auto', gamma: f.svmGamma === 'search', ...(extend ? { extend } : {}) };
  if (extend && !svmSearch.C && !svmSearch.gamma)
    throw new UserError('--svm-grid extend extends the inner search of --svm-c auto / --svm-gamma search: give one of them');
  if ((svmSearch.C || svmSearch.gamma) && !classifiers.includes('svm'))
    throw new UserError(`${svmSearch.C ? '--svm-c auto' : '--svm-gamma search'} searches the SVM's settings: give --classifier svm`);
  const svm = {
    ...(f.svmC !== undefined && !svmSearch.C ? { C: positiveOption(f.svmC, '--svm-c') } : {}),
    ...(gamma !== undefined && !svmSearch.gamma ? { gamma } : {}),
  };
  const dnn = {
    ...(f.dnnEpochs !== undefined ? { epochs: intOption(f.dnnEpochs, '--dnn-epochs', 1) } : {}),
    ...(f.dnnActivation !== undefined ? { activation: f.dnnActivation } : {}),
  };
  const config: EvaluateConfig = {
    augment,
    classifiers,
    trainOn,
    repeats: intOption(f.repeats, '--repeats', 1)!,
    seed: seedOption(f.seed)!,
    normalisation,
    ...speakerOptionsFrom(f, normalisation),
    ...(svmSearch.C || svmSearch.gamma ? { svmSearch } : {}),
    ...(list.autoCandidates ? { autoCandidates: list.autoCandidates } : {}),
    extra: {
      where: f.where ?? [],
      adanTrainWhere: f.adanTrainWhere && f.adanTrainWhere.length ? f.adanTrainWhere : null,
      adanPreset: anyGenerative ? f.adanPreset : null,
      adanOptions: anyGenerative ? adan : null,
      sampleCount: count,
      noiseStd: settings.noiseStd,
      smoteK: settings.smoteK,
      svm,
      dnn,
    },
  };
  return { augment, fitted, classifiers, trainOn, where, adanWhere, settings, svm, dnn, config };
}

export async function runEvaluateCommand(f: EvaluateFlags): Promise<EvaluationResults> {
  if (f.labelCol === f.groupCol) {
    throw new UserError(`--label-col and --group-col are both '${f.labelCol}': the groups must be another column (speaker, session)`);
  }
  if (f.speakerCol === f.labelCol) throw new UserError(`--label-col and --speaker-col are both '${f.labelCol}'`);
  const speakerCol = f.speakerCol !== undefined && f.speakerCol !== f.groupCol ? f.speakerCol : undefined;
  const p = protocolFrom(f, f.audioDir !== undefined);
  const { where, adanWhere, svm, dnn } = p;
  if (p.fitted.includes('perturb') && f.audioDir === undefined) {
    throw new UserError("--augment perturb needs --audio-dir (the folder of the rows' source audio, <id>.wav)");
  }
  const settings = { ...p.settings, perturb: perturbSettingsFrom(f, p.fitted, f.audioDir) };
  const metaCols = [
    f.labelCol,
    f.groupCol,
    ...(speakerCol ? [speakerCol] : []),
    ...namesOption(f.metaCols),
    ...where.map((w) => w.col),
    ...adanWhere.map((w) => w.col),
  ];
  const table = loadFeatureTable(f.table, { metaColumns: metaCols, emodbNames: f.emodbNames === true });
  let data: ReturnType<typeof evalDataFromTable>;
  try {
    data = evalDataFromTable(table, {
      name: f.table,
      labelCol: f.labelCol,
      groupCol: f.groupCol,
      speakerCol,
      where,
      augmentWhere: adanWhere,
    });
  } catch (e) {
    // Name the table in the one-line error (e.g. a missing label column: EmoDB goldens need --emodb-names).
    const msg = (e as Error).message;
    throw new UserError(msg.startsWith(f.table) ? msg : `${f.table}: ${msg}`);
  }
  checkProtocolData(f.table, f.labelCol, f.groupCol, data.classes, data.groups);
  const config: EvaluateConfig = {
    ...p.config,
    ...(f.fold !== undefined ? { fold: intOption(f.fold, '--fold', 0) } : {}),
    ...(f.repeat !== undefined ? { repeat: intOption(f.repeat, '--repeat', 0) } : {}),
    ...(f.saveModels ? { saveModels: f.saveModels } : {}),
    extra: {
      table: f.table,
      labelCol: f.labelCol,
      groupCol: f.groupCol,
      ...(speakerCol ? { speakerCol } : {}),
      emodbNames: f.emodbNames === true,
      ...p.config.extra,
      ...(p.fitted.includes('perturb') ? { perturb: settings.perturb } : {}),
    },
  };
  const quiet = f.quiet === true;
  const bar = progressBar({ enabled: quiet ? false : undefined });
  const n = (config.repeat !== undefined ? 1 : config.repeats) * (config.fold !== undefined ? 1 : new Set(data.groups).size);
  bar.start(n, 'folds');
  let piecesDone = 0;
  let results: EvaluationResults;
  try {
    results = await evaluateFolds(
      data,
      config,
      {
        augment: settings,
        classifierOptions: { svm, dnn },
        provenance: { command: 'adan evaluate', table: f.table },
        groupCol: f.groupCol,
      },
      {
        version: packageVersion(),
        backend: backendName(),
        onPiece: (done, _t, info) => bar.update((piecesDone = done), { group: info.group, repeat: info.repeat }),
        // `--augment auto`: the inner leave-one-speaker-out of each candidate takes a while; say which one runs.
        onInner: (i) => bar.update(piecesDone, { group: i.group, auto: `${i.classifier} ${i.candidate} ${i.index + 1}/${i.candidates}` }),
      },
      intOption(f.jobs, '--jobs', 1) ?? defaultFoldJobs(),
    );
  } finally {
    bar.stop();
  }
  const hint = isSpeakerMode(config.normalisation) && !speakerCol ? speakerColumnHint(table.meta, f.groupCol) : null;
  if (hint) results = { ...results, warnings: [...results.warnings, hint] };
  if (f.json) writeFileAtomic(f.json, JSON.stringify(results) + '\n');
  if (!quiet) process.stdout.write(formatResults(results) + '\n');
  return results;
}

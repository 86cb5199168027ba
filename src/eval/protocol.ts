import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { deriveSeed } from './seeds.js';
import { leaveOneGroupOut, type Fold } from './folds.js';
import { compareWithBaselines, summarise, type Comparison, type FoldPredictions, type MethodResult, type TrainOn } from './results.js';
import { aliasWarnings } from './results.js';
import type { EvalData, EvalDeps, FoldNormaliser } from './types.js';
import type { FoldTrainingRows } from './training-rows.js';
import { foldRawSpace } from './fold-raw-space.js';
import { UserError } from '../util/errors.js';
import { packageVersion } from '../util/version.js';
import {
  LABEL_MIX_WARN,
  hasEnrolment,
  isSpeakerMode,
  labelMixDivergence,
  neutralEnrolmentSize,
  rowSpeakers,
  type Normalisation,
} from './speaker-norm.js';
import { gather, neutralClass, speakerSplit, type FoldStep, type PredictRows } from './speaker-split.js';
import type { EnrolEstimator, EnrolEstimatorSetting, SpeakerStats } from './speaker-stats.js';
import { chooseEstimatorForFold, ESTIMATOR_SEARCH, type FoldEstimatorChoice } from './estimator-search.js';
import {
  InnerScorer,
  fallbackStep,
  innerCheckOver,
  innerCheckWarning,
  searchSvmForFold,
  type FoldSearch,
  type InnerCheck,
  type InnerProtocol,
  type InnerScoreCache,
  type SvmSearch,
} from './inner-search.js';
import { AUTO_AUGMENT, chooseAugmentForFold, chosenMethod, type FoldAugmentChoice } from './augment-search.js';

export type { Normalisation } from './speaker-norm.js';

export interface EvaluateConfig {
  augment: string[];
  classifiers: string[];
  /** Training data for augmented methods; `none` is always trained on real data. */
  trainOn: TrainOn[];
  repeats: number;
  seed: number;
  /** `per-fold` (default: fitted on the training fold only) or `corpus-leaky` (the authors' whole-corpus z-norm, replication only). */
  normalisation: Normalisation;
  /** Speaker modes only: plain (default), class-balanced training statistics, or those plus EM for the test speaker. */
  speakerStats?: SpeakerStats;
  /**
   * speaker-enrol:K and speaker-neutral:K: how the statistics come from the K utterances (default shrunk), or
   * `search`: chosen per outer fold by inner leave-one-speaker-out (results `estimatorSearch`).
   */
  enrolEstimator?: EnrolEstimatorSetting;
  /** speaker-neutral:K only: the class taken as neutral speech (default DEFAULT_NEUTRAL_LABEL). */
  neutralLabel?: string;
  /** Speaker modes only: inner leave-one-speaker-out per outer fold, per-fold against the speaker mode (results `innerCheck`). */
  innerCheck?: boolean;
  /** Speaker modes: normalise per-fold the outer folds where the inner check found the speaker mode no better. */
  speakerFallback?: boolean;
  /** SVM options chosen per outer fold by inner leave-one-speaker-out over the training speakers (results `search`). */
  svmSearch?: SvmSearch;
  /** `--augment auto`: the candidates, one chosen per outer fold and classifier the same way (results `augmentSearch`). */
  autoCandidates?: string[];
  /** Run only this fold / repeat (0-based), for cluster arrays; results are then partial. */
  fold?: number;
  repeat?: number;
  /** Save generative models (and the fold's training rows) under this folder, for the first `saveFolds` folds of repeat 0. */
  saveModels?: string;
  saveFolds?: number;
  /** Explicit (augment, classifier, trainOn) list instead of the cross product (e.g. the paper's Table I rows). */
  methods?: Method[];
  /** Every other option used (written to the JSON as is). */
  extra?: Record<string, unknown>;
}

export interface DatasetInfo {
  name: string;
  rows: number;
  features: number;
  classes: string[];
  groups: string[];
  /** How many speakers, when the folds hold several each (EvalData.speakers). */
  speakers?: number;
  /** Mean Jensen-Shannon divergence of each speaker's class distribution from the pooled one (natural log). */
  labelMixDivergence?: number;
}

export interface EvaluationResults {
  tool: 'adan';
  version: string;
  created: string;
  backend: string;
  config: Record<string, unknown>;
  /** The normalisation protocol every number in `results` was measured under. */
  protocol?: Normalisation;
  dataset: DatasetInfo;
  /** Present when only some (repeat, fold) pieces ran: which ones. */
  partial?: { pieces: { repeat: number; fold: number }[] };
  warnings: string[];
  results: MethodResult[];
  comparisons: Comparison[];
  /** What `comparisons` test against when it is not no augmentation in this document (e.g. fixed SVM settings). */
  comparedWith?: string;
  /** `--inner-check`: did the speaker mode help inside the training folds. */
  innerCheck?: InnerCheck;
  /** `--svm-c auto` / `--svm-gamma search`: the SVM settings each outer fold chose. */
  search?: FoldSearch[];
  /** `--augment auto`: the augmenter each outer fold chose per classifier, with every candidate's inner score. */
  augmentSearch?: FoldAugmentChoice[];
  /** `--enrol-estimator search`: the enrolment estimator each outer fold chose. */
  estimatorSearch?: FoldEstimatorChoice[];
  paper?: unknown[];
}

export interface Method {
  augment: string;
  classifier: string;
  trainOn: TrainOn;
}

/** The (augment, classifier, trainOn) combinations a configuration evaluates. */
export function methodsFor(config: Pick<EvaluateConfig, 'augment' | 'classifiers' | 'trainOn' | 'methods'>): Method[] {
  if (config.methods) return config.methods;
  const out: Method[] = [];
  for (const augment of config.augment) {
    const trainOn: TrainOn[] = augment === 'none' ? ['real'] : config.trainOn.filter((t) => t !== 'real');
    for (const t of trainOn) for (const classifier of config.classifiers) out.push({ augment, classifier, trainOn: t });
  }
  return out;
}

export const LEAKY_WARNING =
  'normalisation corpus-leaky: features were z-normalised with statistics of the WHOLE corpus, test speakers included ' +
  "(the authors' protocol, paper section III-B); these numbers are optimistic and not comparable to per-fold results";

/** A speaker found in two groups is both trained and tested on: the folds are not speaker-independent. */
function speakersAcrossGroups(speakers: readonly string[], groups: readonly string[]): string[] {
  const groupsOf = new Map<string, Set<string>>();
  speakers.forEach((s, i) => (groupsOf.get(s) ?? groupsOf.set(s, new Set()).get(s)!).add(groups[i]));
  const shared = [...groupsOf].filter(([, g]) => g.size > 1);
  if (shared.length === 0) return [];
  const named = shared.slice(0, 3).map(([s, g]) => `${s} (${[...g].join(', ')})`);
  return [
    `speaker${shared.length > 1 ? 's' : ''} ${named.join('; ')}${shared.length > 3 ? ` and ${shared.length - 3} more` : ''} ` +
      'in more than one group: the folds are not speaker-independent',
  ];
}

function gatherWhere(x: Float32Array, cols: number, keep: (i: number) => boolean, rows: number): { x: Float32Array; idx: number[] } {
  const idx: number[] = [];
  for (let i = 0; i < rows; i++) if (keep(i)) idx.push(i);
  return { x: gather(x, cols, idx), idx };
}

/** Which `--augment auto` candidate's inner leave-one-speaker-out is next (cached: its score is already known). */
export interface InnerProgress {
  fold: number;
  group: string;
  classifier: string;
  candidate: string;
  index: number;
  candidates: number;
  cached: boolean;
}

export interface EvaluateHooks {
  /** Called after each (repeat, fold) piece with the number done and the total. */
  onPiece?(done: number, total: number, info: { repeat: number; fold: number; group: string }): void;
  /** Called when an augmenter saved its model under `--save-models` (e.g. writeFoldTrainingRows). */
  onModelSaved?(rows: FoldTrainingRows): void;
  /** Called before each candidate's inner leave-one-speaker-out of `--augment auto` (it may take a while). */
  onInner?(info: InnerProgress): void;
  /** Where inner scores are kept (default: in memory for this run); pieces of one experiment may share one. */
  innerScores?: InnerScoreCache;
  version?: string;
  backend?: string;
}

/** What one method needs to be fitted and scored in a fold (scikit-learn's _fit_and_score). */
interface FoldScoring {
  method: Method;
  /** Real + synthetic rows after the fold's normaliser; `synthetic[i]` 1 for a synthetic row. */
  trainX: Float32Array;
  trainY: Int32Array;
  synthetic: Uint8Array;
  rows: number;
  cols: number;
  classes: number;
  testX: Float32Array;
  testRows: number;
  seed: number;
  foldIndex: number;
  /** Options on top of the run's for this classifier (an inner search's choice). */
  classifierOptions?: Record<string, unknown>;
  /** `--speaker-stats em`: the test rows re-estimated with the fitted classifier's predictions (replaces testX). */
  refineTest?: (predict: PredictRows) => Promise<Float32Array>;
}

/** Fits the method's classifier on its share of the fold's rows (real, synthetic or both) and predicts the test rows. */
async function fitAndPredict(s: FoldScoring, deps: EvalDeps): Promise<Int32Array> {
  const { method: m, synthetic } = s;
  const keep =
    m.trainOn === 'real' ? (i: number) => synthetic[i] === 0 : m.trainOn === 'synthetic' ? (i: number) => synthetic[i] === 1 : () => true;
  const sel =
    m.trainOn === 'real+synthetic'
      ? { x: s.trainX, idx: Array.from({ length: s.rows }, (_, i) => i) }
      : gatherWhere(s.trainX, s.cols, keep, s.rows);
  if (sel.idx.length === 0) throw new Error(`${m.augment}: no ${m.trainOn} training rows in fold ${s.foldIndex}`);
  const ySel = Int32Array.from(sel.idx, (i) => s.trainY[i]);
  const clf = deps.createClassifier(m.classifier, s.seed, s.cols, s.classifierOptions);
  await clf.fit(sel.x, sel.idx.length, s.cols, ySel, s.classes);
  const testX = s.refineTest ? await s.refineTest(async (x, n) => clf.predict(x, n)) : s.testX;
  return clf.predict(testX, s.testRows);
}

/**
 * Leave-one-group-out evaluation (nothing is fitted on the held-out group): per fold, the augmenter is fitted on the
 * training rows only, the normaliser on the real training rows only, classifiers on real / synthetic / real+synthetic
 * rows, and predictions are collected for the held-out group. Pooled metrics are computed from the stored predictions.
 */
export async function runEvaluation(
  data: EvalData,
  config: EvaluateConfig,
  deps: EvalDeps,
  hooks: EvaluateHooks = {},
): Promise<EvaluationResults> {
  const { classes } = data;
  let cols = data.cols;
  let featureNames = data.featureNames;
  const K = classes.length;
  const folds = leaveOneGroupOut(data.groups);
  if (config.fold !== undefined && (config.fold < 0 || config.fold >= folds.length)) {
    throw new UserError(`--fold ${config.fold} does not exist (folds 0..${folds.length - 1}: ${folds.map((f) => f.group).join(' ')})`);
  }
  if (config.repeat !== undefined && (config.repeat < 0 || config.repeat >= config.repeats)) {
    throw new UserError(`--repeat ${config.repeat} does not exist (repeats 0..${config.repeats - 1})`);
  }
  const methods = methodsFor(config);
  const repeats = config.repeat !== undefined ? [config.repeat] : Array.from({ length: config.repeats }, (_, r) => r);
  const runFolds: Fold[] = config.fold !== undefined ? [folds[config.fold]] : folds;
  const warnings: string[] = [];
  let x = data.x;
  let corpusNorm: FoldNormaliser | undefined;
  const speakerOf = rowSpeakers(data);
  const labelMix = labelMixDivergence(data.y, speakerOf, K);
  if (isSpeakerMode(config.normalisation) && labelMix > LABEL_MIX_WARN) {
    warnings.push(
      `normalisation ${config.normalisation}: speakers' emotion mixes differ ` +
        `(mean Jensen-Shannon divergence ${labelMix.toFixed(3)} > ${LABEL_MIX_WARN}); ` +
        'speaker statistics mix speaker and emotion, so speaker normalisation may remove emotion: compare with per-fold ' +
        '(or add --speaker-fallback: per-fold wherever the inner check finds the speaker mode no better)',
    );
  }
  if (data.speakers) warnings.push(...speakersAcrossGroups(data.speakers, data.groups));
  warnings.push(...aliasWarnings([...new Set(methods.map((m) => m.augment))], config.normalisation));
  if (config.normalisation === 'corpus-leaky') {
    warnings.push(LEAKY_WARNING);
    const n = deps.fitNormaliser(data.x, data.rows, cols);
    corpusNorm = n;
    x = n.transform(data.x, data.rows);
    if (n.outCols !== cols) {
      if (!n.keptColumns) throw new Error('corpus-leaky normalisation dropped columns without saying which');
      featureNames = n.keptColumns.map((j) => data.featureNames[j]);
    }
    cols = n.outCols;
  }
  const preds = new Map<string, FoldPredictions[]>();
  const key = (m: Method) => `${m.augment}/${m.classifier}/${m.trainOn}`;
  for (const m of methods) preds.set(key(m), []);
  const total = repeats.length * runFolds.length;
  let done = 0;
  const outer: EvalData = { ...data, x, cols, featureNames };
  const neutral = neutralClass(config, classes);
  const kNeutral = neutralEnrolmentSize(config.normalisation);
  const searchingEstimator = config.enrolEstimator === ESTIMATOR_SEARCH;
  const runProtocol: InnerProtocol = {
    normalisation: config.normalisation,
    speakerStats: config.speakerStats,
    enrolEstimator: searchingEstimator ? 'shrunk' : (config.enrolEstimator as EnrolEstimator | undefined),
    ...(neutral ? { neutralLabel: neutral.label } : {}),
  };
  const shortEnrolments = new Map<string, number>();
  // Inner runs are seeded per outer fold only, so every repeat reuses one search and one check.
  const innerSeed = (fold: Fold): number => deriveSeed(config.seed, 'inner', fold.index);
  const scorer = new InnerScorer(runEvaluation, outer, innerSeed, deps, hooks.innerScores);
  // An inner leave-one-group-out needs two training groups, so three groups in all: the searches asked for fail
  // here, naming themselves; the inner check, on by default, is skipped with a warning (unless the fallback needs it).
  const innerTooFew = folds.length < 3;
  if (innerTooFew) {
    const asked = [
      ...(config.svmSearch ? ['--svm-c auto / --svm-gamma search'] : []),
      ...(methods.some((m) => m.augment === AUTO_AUGMENT) ? ['--augment auto'] : []),
      ...(searchingEstimator ? ['--enrol-estimator search'] : []),
      ...(config.speakerFallback ? ['--speaker-fallback'] : []),
    ];
    if (asked.length > 0)
      throw new UserError(
        `${asked.join(', ')}: choose by an inner leave-one-group-out over each training fold's groups, which needs ` +
          `at least 3 groups (found ${folds.length}: ${folds.map((f) => f.group).join(', ')})`,
      );
  }
  // `--enrol-estimator search`: each outer fold's estimator first, so its inner check and searches use it too.
  const estimatorChoices = new Map<number, FoldEstimatorChoice>();
  if (searchingEstimator) {
    if (!hasEnrolment(config.normalisation))
      throw new UserError(
        `--enrol-estimator applies to --normalisation speaker-enrol:K and speaker-neutral:K only (got ${config.normalisation})`,
      );
    for (const fold of runFolds)
      estimatorChoices.set(fold.index, await chooseEstimatorForFold(scorer, fold, runProtocol, methods[0].classifier));
  }
  const innerProtocolOf = (fold: Fold): InnerProtocol => {
    const chosen = estimatorChoices.get(fold.index)?.chosen;
    return chosen ? { ...runProtocol, enrolEstimator: chosen } : runProtocol;
  };
  const checkAsked = config.innerCheck === true && isSpeakerMode(config.normalisation);
  const checking = checkAsked && !innerTooFew;
  if (checkAsked && innerTooFew)
    warnings.push(
      `the inner check (speaker mode against per-fold inside the training folds) needs at least 3 groups; ` +
        `with ${folds.length} it was skipped`,
    );
  if (config.speakerFallback && !checking)
    throw new UserError(
      '--speaker-fallback needs a speaker mode (--normalisation speaker, speaker-enrol:K or speaker-neutral:K) and its inner check',
    );
  const innerCheck = checking
    ? await innerCheckOver(scorer, outer, runFolds, innerProtocolOf, methods[0].classifier, config.speakerFallback)
    : undefined;
  // A one-fold piece does not warn: its merge (`adan merge`, `--jobs`) judges all the folds.
  const checkWarning = innerCheck && config.fold === undefined ? innerCheckWarning(innerCheck) : null;
  if (checkWarning) warnings.push(checkWarning);
  // `--speaker-fallback`: the step each outer fold takes, from its inner check (the speaker mode otherwise).
  const stepOf = (fold: Fold): FoldStep =>
    config.speakerFallback ? fallbackStep(innerCheck!.folds.find((f) => f.fold === fold.index)!) : 'speaker';
  const searches = new Map<number, FoldSearch>();
  const choices = new Map<string, FoldAugmentChoice>();
  if (methods.some((m) => m.augment === AUTO_AUGMENT)) {
    if (!config.autoCandidates?.length) throw new UserError('--augment auto: no candidates');
    // The inner runs see the corpus-normalised rows as their raw table, so re-extracted audio would miss that step.
    if (config.normalisation === 'corpus-leaky' && config.autoCandidates.includes('perturb'))
      throw new UserError('--augment auto: perturb cannot be a candidate under --normalisation corpus-leaky');
  }
  for (const repeat of repeats) {
    for (const fold of runFolds) {
      const nTrain = fold.train.length;
      const yTrain = Int32Array.from(fold.train, (i) => data.y[i]);
      const trainSpeakers = Array.from(fold.train, (i) => speakerOf[i]);
      const testSpeakers = data.speakers ? Array.from(fold.test, (i) => speakerOf[i]) : undefined;
      const trainIds = Array.from(fold.train, (i) => data.ids[i]);
      const trainSources = data.sources ? Array.from(fold.train, (i) => data.sources![i]) : undefined;
      const step = stepOf(fold);
      // A fold that falls back runs its inner searches per-fold too: they choose for the rows it trains on.
      const p = innerProtocolOf(fold);
      const foldProtocol: InnerProtocol = step === 'per-fold' ? { normalisation: 'per-fold' } : p;
      const testNeutral = neutral ? Array.from(fold.test, (i) => data.y[i] === neutral.index) : undefined;
      const splitConfig = {
        normalisation: p.normalisation,
        speakerStats: p.speakerStats,
        enrolEstimator: p.enrolEstimator,
        neutral,
        seed: config.seed,
      };
      const split = speakerSplit(x, cols, fold, trainSpeakers, yTrain, K, splitConfig, repeat, step, testNeutral, testSpeakers);
      if (kNeutral !== undefined) for (const [speaker, n] of split.enrolled!) if (n < kNeutral) shortEnrolments.set(speaker, n);
      const xTrain = split.xTrain;
      const scored = split.scored;
      const xTest = split.xTest;
      const yTest = Array.from(scored, (i) => data.y[i]);
      // Statistics from the fold's real training rows only (identity after corpus-leaky normalisation); under the
      // speaker modes this z-norm runs on top of the speaker-normalised rows (it drops constant columns).
      const norm: FoldNormaliser =
        config.normalisation !== 'corpus-leaky'
          ? deps.fitNormaliser(xTrain, nTrain, cols)
          : { outCols: cols, transform: (v: Float32Array) => v };
      const testN = norm.transform(xTest, scored.length);
      const refine = split.refine;
      const refineTest = refine
        ? async (predict: PredictRows) => norm.transform(await refine((v, n) => predict(norm.transform(v, n), n)), scored.length)
        : undefined;
      if (config.svmSearch && !searches.has(fold.index) && methods.some((m) => m.classifier === 'svm')) {
        searches.set(fold.index, await searchSvmForFold(scorer, fold, foldProtocol, config.svmSearch, norm.outCols));
      }
      const chosen = searches.get(fold.index)?.chosen;
      const optionsOf = (classifier: string) => (classifier === 'svm' && chosen ? { ...chosen } : undefined);
      // `auto`: per classifier, the candidate with the best inner score on the training speakers (shared by every
      // repeat, as the SVM search), then trained exactly as that candidate's own row (same seeds, same rows).
      const runs: { m: Method; as: Method }[] = [];
      for (const m of methods) {
        if (m.augment !== AUTO_AUGMENT) {
          runs.push({ m, as: m });
          continue;
        }
        const k = `${fold.index}/${m.classifier}/${m.trainOn}`;
        if (!choices.has(k)) {
          const candidates = config.autoCandidates!;
          const onCandidate = (candidate: string, index: number, cached: boolean) =>
            hooks.onInner?.({
              fold: fold.index,
              group: fold.group,
              classifier: m.classifier,
              candidate,
              index,
              candidates: candidates.length,
              cached,
            });
          const method = { classifier: m.classifier, trainOn: m.trainOn, options: optionsOf(m.classifier) };
          const speakers = new Set(trainSpeakers).size;
          choices.set(k, await chooseAugmentForFold(scorer, fold, foldProtocol, method, candidates, speakers, onCandidate));
        }
        runs.push({ m, as: chosenMethod(m, choices.get(k)!.chosen) });
      }
      const fitMask = data.augmentMask ? Uint8Array.from(fold.train, (i) => data.augmentMask![i]) : undefined;
      for (const augment of [...new Set(runs.map((r) => r.as.augment))]) {
        const t0 = performance.now();
        const saveDir =
          config.saveModels && repeat === 0 && fold.index < (config.saveFolds ?? Infinity) && augment !== 'none'
            ? join(config.saveModels, `${augment}-fold${fold.index}`)
            : undefined;
        const seed = deriveSeed(config.seed, 'augment', augment, repeat, fold.index);
        const aug = await deps.createAugmenter(augment, {
          repeat,
          fold: fold.index,
          group: fold.group,
          seed,
          fitMask,
          saveDir,
          featureNames,
          classNames: classes,
          // Rows an augmenter makes from raw features (re-extracted audio) go through the step the training rows did.
          rawSpace: foldRawSpace({
            normalisation: foldProtocol.normalisation,
            featureNames: data.featureNames,
            trainSpeakers,
            speakerMoments: split.trainingMoments,
            corpus: corpusNorm,
          }),
        });
        // The training fold carries each row's speaker, id and source audio when known (speaker-aware and audio augmenters need them).
        const train = { x: xTrain, rows: nTrain, cols, y: yTrain, classes: K, groups: trainSpeakers, ids: trainIds, sources: trainSources };
        const res = aug.fitResample(train);
        if (saveDir && existsSync(saveDir)) {
          hooks.onModelSaved?.({
            dir: saveDir,
            featureNames,
            x: xTrain,
            rows: nTrain,
            y: yTrain,
            classNames: classes,
            ids: trainIds,
            fitMask,
          });
        }
        const augSeconds = (performance.now() - t0) / 1000;
        const allN = norm.transform(res.x, res.rows);
        for (const { m, as } of runs.filter((r) => r.as.augment === augment)) {
          const t1 = performance.now();
          const pred = await fitAndPredict(
            {
              method: as,
              trainX: allN,
              trainY: res.y,
              synthetic: res.synthetic,
              rows: res.rows,
              cols: norm.outCols,
              classes: K,
              testX: testN,
              testRows: scored.length,
              seed: deriveSeed(config.seed, 'classifier', as.classifier, augment, as.trainOn, repeat, fold.index),
              foldIndex: fold.index,
              classifierOptions: optionsOf(as.classifier),
              refineTest,
            },
            deps,
          );
          const seconds = augSeconds + (performance.now() - t1) / 1000;
          preds.get(key(m))!.push({
            repeat,
            fold: fold.index,
            group: fold.group,
            rows: scored,
            y: yTest,
            pred: Array.from(pred),
            seconds,
            ...(m !== as ? { chosen: augment } : {}),
          });
        }
      }
      done++;
      hooks.onPiece?.(done, total, { repeat, fold: fold.index, group: fold.group });
    }
  }
  // One warning per speaker, so that the pieces of one run (`--jobs`, `adan merge`) give the same set.
  for (const [group, n] of shortEnrolments) {
    warnings.push(
      `normalisation ${config.normalisation}: test speaker ${group} has only ${n} '${neutral!.label}' ` +
        `utterance${n > 1 ? 's' : ''}, all of which enrolled (fewer than K)`,
    );
  }
  const results = methods.map((m) => summarise(m, preds.get(key(m))!, K));
  const partial =
    config.fold !== undefined || config.repeat !== undefined
      ? { pieces: repeats.flatMap((repeat) => runFolds.map((f) => ({ repeat, fold: f.index }))) }
      : undefined;
  return {
    tool: 'adan',
    version: hooks.version ?? packageVersion(),
    created: new Date().toISOString(),
    backend: hooks.backend ?? 'js',
    config: configRecord(config),
    dataset: {
      name: data.name,
      rows: data.rows,
      features: data.cols,
      classes,
      groups: folds.map((f) => f.group),
      ...(data.speakers ? { speakers: new Set(data.speakers).size } : {}),
      labelMixDivergence: labelMix,
    },
    protocol: config.normalisation,
    ...(partial ? { partial } : {}),
    warnings,
    results,
    comparisons: compareWithBaselines(results),
    ...(innerCheck ? { innerCheck } : {}),
    ...(searches.size > 0 ? { search: [...searches.values()] } : {}),
    ...(choices.size > 0 ? { augmentSearch: [...choices.values()] } : {}),
    ...(estimatorChoices.size > 0 ? { estimatorSearch: [...estimatorChoices.values()] } : {}),
  };
}

/** The configuration as written to JSON (every option used; fold/repeat only when a piece ran). */
export function configRecord(config: EvaluateConfig): Record<string, unknown> {
  const { extra, ...rest } = config;
  return { ...(extra ?? {}), ...rest };
}

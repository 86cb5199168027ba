// Benchmark (issue 12, "the evidence"): every augmenter and no augmentation, SVM and DNN, under the per-fold,
// speaker-enrol:20 and speaker protocols, leave-one-speaker-out on EmoDB IS11 (openSMILE goldens) or any table;
// R seeds; WA / UAR pooled over folds, mean +- sd over seeds; the paired t-test (McNemar for one seed) against no
// augmentation with the same classifier and protocol; each augmenter's synthetic-data quality (k-NN precision /
// recall, detection AUC) on ONE fold (repeat 0, --quality-fold) per protocol; wall time. Prints one JSON document.
//
// Pieces: every (protocol, augmenter, repeat, fold) runs alone (runEvaluation's fold/repeat) in --jobs child
// processes with one BLAS thread each, is cached as JSON under --pieces DIR/<settings hash>/ (a rerun with the same
// settings and code resumes: the hash covers a fingerprint of src/, so changed code starts a new folder), and is
// merged with src/eval/merge.ts. Every seed derives from (seed, method, repeat, fold), so the merged numbers equal
// one sequential runEvaluation over everything.
//
// Usage: node dist/bench/beyond-paper.js [--augment a,b|all] [--classifiers svm,dnn] [--protocols per-fold,...]
//   [--repeats 5] [--generative-repeats R] [--generative-protocols per-fold,...] [--seed 1] [--times 1] [--jobs N]
//   [--pieces DIR (default out/beyond-paper-pieces)] [--out FILE] [--table CSV --label-col label --group-col speaker [--speaker-col S]]
//   [--audio-dir DIR --perturb-cache DIR (perturb)] [--adan-preset paper] [--adan-epochs N] [--dnn-epochs N] [--quality-fold 0]
// Default augmenters: every registered one except none (always run), the aliases and the paper's slow ADAN variants
// (adan, aae, adan-separate; name them to include them). `auto` (or `auto:a,b,...`, last in the list) is one more
// augmenter: chosen per outer fold and classifier by inner leave-one-speaker-out over the training speakers (src/eval/
// augment-search.ts; default candidates none + every augmenter that trains no ADAN model, perturb with its audio).
// Its inner scores are cached per fold beside its pieces, so the pieces of later repeats reuse repeat 0's search.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprintFiles } from '../src/augment/audio/code-fingerprint.js';
import { AUGMENTER_ALIASES, AUGMENTERS, isGenerative } from '../src/augment/registry.js';
import type { Augmenter, Resampled } from '../src/augment/types.js';
import type { Dataset } from '../src/data/dataset.js';
import { withEmodbMeta } from '../src/data/emodb-names.js';
import { loadFeatureTable } from '../src/data/load-table.js';
import { evalDataFromTable } from '../src/eval/dataset.js';
import { defaultDeps } from '../src/eval/defaults.js';
import { AUTO_AUGMENT, parseAugmentList } from '../src/eval/augment-search.js';
import type { InnerScore, InnerScoreCache } from '../src/eval/inner-search.js';
import { combineMethods, mergeResults } from '../src/eval/merge.js';
import { runEvaluation, type EvaluateConfig, type EvaluationResults, type InnerProgress } from '../src/eval/protocol.js';
import { parseNormalisation, type Normalisation } from '../src/eval/speaker-norm.js';
import type { EvalData, EvalDeps } from '../src/eval/types.js';
import { BEYOND_PROTOCOLS, protocolRows, type ProtocolRow } from '../src/experiments/beyond.js';
import { computeQuality } from '../src/report/quality/index.js';
import { samples } from '../src/report/quality/matrix.js';
import { writeFileAtomic } from '../src/util/atomic-write.js';
import { runInChildren, serveChildTasks } from '../src/util/child-pool.js';
import { UserError } from '../src/util/errors.js';
import { sharedDir } from '../src/util/paths.js';
import { packageVersion } from '../src/util/version.js';
import { adanOptionsFrom, generativeOptions } from '../src/cli/commands/evaluate.js';

/** The paper's own ADAN variants: slow (hours over all folds and seeds), so only run when named. */
const PAPER_ADAN = ['adan', 'aae', 'adan-separate'];

export interface BeyondOptions {
  augment: string[];
  /** `auto`'s candidates (when `auto` is in augment). */
  autoCandidates?: string[];
  classifiers: string[];
  protocols: Normalisation[];
  repeats: number;
  /** Generative augmenters (ADAN training per fold: hours over all pieces) only under these protocols / this many seeds. */
  generativeProtocols?: Normalisation[];
  generativeRepeats?: number;
  seed: number;
  /** Synthetic rows = times x the training fold, for every augmenter (an alias keeps its own fixed count). */
  times: number;
  noiseStd: number;
  smoteK: number;
  adanPreset: string;
  adanEpochs?: number;
  dnnEpochs?: number;
  /** Fold (of repeat 0) on which each augmenter's synthetic-data quality is measured. */
  qualityFold: number;
  table?: string;
  /** perturb: folder of the rows' source audio (default for the EmoDB goldens: the shared EmoDB WAVs) and feature cache. */
  audioDir?: string;
  perturbCache?: string;
  labelCol: string;
  groupCol: string;
  /** The speaker of each row when a group holds several (IEMOCAP sessions); undefined = the group column. */
  speakerCol?: string;
  jobs: number;
  pieces: string;
}

/** One unit of work: a method group (one augmenter, every classifier) on one fold of one repeat under one protocol. */
export interface Piece {
  protocol: Normalisation;
  augment: string;
  repeat: number;
  fold: number;
}

/** Synthetic-data quality of one augmenter on one fold (feature space, z-normalised on the real training rows). */
export interface PieceQuality {
  protocol: string;
  augment: string;
  repeat: number;
  fold: number;
  group: string;
  real: number;
  synthetic: number;
  knnPrecision: number;
  knnRecall: number;
  detectionAuc: number;
  mmd2: number;
  nnDistanceRatio: number;
  tstrWa: number;
}

interface PieceFile {
  results: EvaluationResults;
  quality?: PieceQuality;
}

/** Default augmenters: the registry's, without none, the aliases and the paper's slow ADAN variants. */
export function defaultAugmenters(): string[] {
  return Object.keys(AUGMENTERS).filter((a) => a !== 'none' && !PAPER_ADAN.includes(a));
}

function loadData(o: BeyondOptions): EvalData {
  const file = o.table ?? join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS11.csv');
  const raw = loadFeatureTable(file, { metaColumns: [o.labelCol, o.groupCol, ...(o.speakerCol ? [o.speakerCol] : [])] });
  const table = o.table ? raw : withEmodbMeta(raw);
  const { labelCol, groupCol, speakerCol } = o;
  return evalDataFromTable(table, { name: o.table ?? 'emodb-IS11', labelCol, groupCol, speakerCol });
}

/** DNN as in the paper's EmoDB experiments (section III-D: ReLU), like `adan reproduce emodb`. */
function classifierOptions(o: BeyondOptions): { svm: Record<string, unknown>; dnn: Record<string, unknown> } {
  return { svm: {}, dnn: { activation: 'relu', ...(o.dnnEpochs ? { epochs: o.dnnEpochs } : {}) } };
}

/** How many seeds and which protocols an augmenter runs under (generative ones may be limited). */
function scopeOf(o: BeyondOptions, augment: string): { repeats: number; protocols: readonly Normalisation[] } {
  if (!fitted(o, augment).some(isGenerative)) return { repeats: o.repeats, protocols: o.protocols };
  return {
    repeats: Math.min(o.repeats, o.generativeRepeats ?? o.repeats),
    protocols: o.protocols.filter((p) => !o.generativeProtocols || o.generativeProtocols.includes(p)),
  };
}

/** The augmenters a piece may fit: its own, or auto's candidates. */
function fitted(o: BeyondOptions, augment: string): string[] {
  return augment === AUTO_AUGMENT ? (o.autoCandidates ?? []) : [augment];
}

function evaluateConfig(o: BeyondOptions, p: Piece): EvaluateConfig {
  const adan = generativeOptions(fitted(o, p.augment), o.adanPreset, o.adanEpochs?.toString(), undefined);
  return {
    augment: [p.augment],
    classifiers: o.classifiers,
    trainOn: ['real+synthetic'],
    repeats: scopeOf(o, p.augment).repeats,
    seed: o.seed,
    normalisation: p.protocol,
    fold: p.fold,
    repeat: p.repeat,
    ...(p.augment === AUTO_AUGMENT ? { autoCandidates: o.autoCandidates } : {}),
    extra: {
      command: 'bench/beyond-paper.ts',
      sampleCount: { times: o.times },
      noiseStd: o.noiseStd,
      smoteK: o.smoteK,
      adanOptions: Object.keys(adan).length ? adan : null,
      ...classifierOptions(o),
    },
  };
}

/** The rows' source audio: the given folder, else for the EmoDB goldens the shared EmoDB WAVs. */
function audioDirOf(audioDir: string | undefined, table: string | undefined): string | undefined {
  return audioDir ?? (table ? undefined : join(sharedDir(), 'data', 'emodb', 'wav'));
}

/** The perturb augmenter re-extracts each row's audio (fill its cache first: node dist/bench/perturb-cache.js). */
function perturbSettings(o: BeyondOptions): { audioDir?: string; cacheDir?: string } {
  const audioDir = audioDirOf(o.audioDir, o.table);
  return { ...(audioDir ? { audioDir } : {}), ...(o.perturbCache ? { cacheDir: o.perturbCache } : {}) };
}

function depsFor(o: BeyondOptions, augment: string): EvalDeps {
  const adan = generativeOptions(fitted(o, augment), o.adanPreset, o.adanEpochs?.toString(), undefined);
  return defaultDeps({
    augment: { count: { times: o.times }, noiseStd: o.noiseStd, smoteK: o.smoteK, adan, perturb: perturbSettings(o) },
    classifierOptions: classifierOptions(o),
    provenance: { command: 'bench/beyond-paper.ts' },
  });
}

/** Wraps the augmenter factory to keep the fold's real rows and the augmenter's output for the quality metrics. */
function capturing(deps: EvalDeps, keep: (out: { train: Dataset; res: Resampled }) => void): EvalDeps {
  return {
    ...deps,
    createAugmenter: async (name, ctx) => {
      const aug: Augmenter = await deps.createAugmenter(name, ctx);
      const fit = aug.fitResample.bind(aug);
      aug.fitResample = (train) => {
        const res = fit(train);
        keep({ train, res });
        return res;
      };
      return aug;
    },
  };
}

function qualityOf(p: Piece, group: string, data: EvalData, train: Dataset, res: Resampled): PieceQuality {
  const cols = train.cols;
  const syn: number[] = [];
  for (let i = 0; i < res.rows; i++) if (res.synthetic[i] === 1) syn.push(i);
  const sx = new Float32Array(syn.length * cols);
  syn.forEach((r, i) => sx.set(res.x.subarray(r * cols, (r + 1) * cols), i * cols));
  const q = computeQuality(
    {
      real: samples(train.x.subarray(0, train.rows * cols), train.rows, cols),
      realLabels: train.y.subarray(0, train.rows),
      synthetic: samples(sx, syn.length, cols),
      syntheticLabels: Int32Array.from(syn, (r) => res.y[r]),
      classNames: data.classes,
    },
    { seed: 1 },
  );
  return {
    protocol: p.protocol,
    augment: p.augment,
    repeat: p.repeat,
    fold: p.fold,
    group,
    real: q.rows.real,
    synthetic: q.rows.synthetic,
    knnPrecision: q.feature.coverage.precision,
    knnRecall: q.feature.coverage.recall,
    detectionAuc: q.feature.detection.auc,
    mmd2: q.feature.mmd.overall.mmd2,
    nnDistanceRatio: q.feature.nnDistance.ratio,
    tstrWa: q.tstr.tstr.wa,
  };
}

/**
 * Inner scores kept in a JSON file (key -> score): every piece of one fold reads what earlier pieces computed. Two
 * workers writing at once can only lose an entry (recomputed, with the same value), never change one.
 */
export function fileInnerScores(file: string): InnerScoreCache {
  const read = (): Record<string, InnerScore> =>
    existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, InnerScore>) : {};
  const scores = new Map(Object.entries(read()));
  return {
    get: (key) => scores.get(key),
    set: (key, score) => {
      scores.set(key, score);
      writeFileAtomic(file, JSON.stringify({ ...read(), ...Object.fromEntries(scores) }) + '\n');
    },
  };
}

/** Runs one piece and returns what is cached for it (with the quality metrics on the quality fold of repeat 0). */
export async function runPiece(
  o: BeyondOptions,
  data: EvalData,
  p: Piece,
  innerScores?: InnerScoreCache,
  log: (m: string) => void = () => {},
): Promise<PieceFile> {
  let captured: { train: Dataset; res: Resampled } | undefined;
  // Not for auto: its inner runs fit augmenters too, and what it trains differs between folds.
  const wantQuality = p.augment !== 'none' && p.augment !== AUTO_AUGMENT && p.repeat === 0 && p.fold === o.qualityFold;
  const base = depsFor(o, p.augment);
  const deps = wantQuality ? capturing(base, (c) => (captured = c)) : base;
  const onInner = (i: InnerProgress) => {
    if (!i.cached)
      log(
        `beyond-paper: ${p.protocol} auto fold ${p.fold} (${i.group}) ${i.classifier}: inner ${i.candidate} ${i.index + 1}/${i.candidates}`,
      );
  };
  const results = await runEvaluation(data, evaluateConfig(o, p), deps, { onInner, innerScores });
  const group = results.dataset.groups[p.fold];
  const quality =
    wantQuality && captured && captured.res.rows > captured.train.rows
      ? qualityOf(p, group, data, captured.train, captured.res)
      : undefined;
  return { results, ...(quality ? { quality } : {}) };
}

/** The settings every piece's numbers depend on (not jobs, output files or the list of augmenters / protocols). */
/** sha256 of all of adan's code (src/, compiled or run via tsx): a piece cached by other code is not reused. */
function codeFingerprint(): string {
  const here = fileURLToPath(import.meta.url);
  return fingerprintFiles([join(dirname(dirname(here)), 'src')], extname(here));
}

function settingsHash(o: BeyondOptions, data: EvalData): string {
  // Which pieces run (augmenters, protocols, how many seeds) does not change any piece's numbers: seeds derive from
  // (seed, method, repeat, fold), so a cached piece serves any run that includes it.
  // auto's candidates name its pieces' folder instead (pieceFile), so they do not change the other pieces' hash.
  const { jobs: _j, pieces: _p, augment: _a, protocols: _pr, repeats: _r, generativeProtocols: _gp, generativeRepeats: _gr, ...all } = o;
  const { autoCandidates: _c, ...rest } = all;
  const h = createHash('sha256');
  h.update(JSON.stringify({ ...rest, version: packageVersion(), code: codeFingerprint(), rows: data.rows, cols: data.cols }));
  h.update(Buffer.from(data.x.buffer, data.x.byteOffset, data.x.byteLength));
  h.update(JSON.stringify([data.ids, data.groups, Array.from(data.y)]));
  return h.digest('hex').slice(0, 16);
}

/** The folder of one (protocol, augmenter)'s pieces; auto's is named by its candidates ("auto-none+noise+smote"). */
function methodDir(dir: string, o: BeyondOptions, p: Pick<Piece, 'protocol' | 'augment'>): string {
  const name = p.augment === AUTO_AUGMENT ? `${AUTO_AUGMENT}-${(o.autoCandidates ?? []).join('+')}` : p.augment;
  return join(dir, p.protocol.replace(':', '-'), name);
}

function pieceFile(dir: string, o: BeyondOptions, p: Piece): string {
  return join(methodDir(dir, o, p), `r${p.repeat}-f${p.fold}.json`);
}

/** auto's inner scores of one outer fold, shared by that fold's pieces of every repeat. */
function innerScoresFile(dir: string, o: BeyondOptions, p: Piece): string {
  return join(methodDir(dir, o, p), `inner-f${p.fold}.json`);
}

interface WorkerInit {
  options: BeyondOptions;
  dir: string;
}

/** Child-process side: loads the data once, then runs the pieces it is sent and writes each to the cache. */
function workerMain(): void {
  let data: EvalData | undefined;
  serveChildTasks<WorkerInit, Piece, string, string>(async ({ options, dir }, p, log) => {
    data ??= loadData(options);
    const inner = p.augment === AUTO_AUGMENT ? fileInnerScores(innerScoresFile(dir, options, p)) : undefined;
    const out = await runPiece(options, data, p, inner, log);
    const file = pieceFile(dir, options, p);
    writeFileAtomic(file, JSON.stringify(out) + '\n');
    return file;
  });
}

/** Runs the pieces in `jobs` child processes (one BLAS thread each), longest-first is not known, so in list order. */
async function runInWorkers(
  o: BeyondOptions,
  dir: string,
  todo: Piece[],
  onDone: (n: number) => void,
  log: (m: string) => void,
): Promise<void> {
  await runInChildren<WorkerInit, Piece, string, string>({
    script: fileURLToPath(import.meta.url),
    args: ['--worker'],
    init: { options: o, dir },
    tasks: todo,
    jobs: o.jobs,
    describe: (piece) => `piece ${JSON.stringify(piece)}`,
    onProgress: log,
    onDone,
    stdout: 'ignore',
  });
}

export interface BeyondOutput {
  bench: 'beyond-paper';
  dataset: string;
  options: Omit<BeyondOptions, 'pieces'>;
  piecesDir: string;
  pieces: { total: number; cached: number; run: number };
  wallSeconds: number;
  rows: ProtocolRow[];
  quality: PieceQuality[];
  notes: string[];
  /** Merged results per protocol (with predictions), as `adan report` reads them. */
  results: EvaluationResults[];
}

/** The whole benchmark: pieces (cached or run in workers), merged per protocol, summarised. */
export async function runBeyond(o: BeyondOptions, log: (m: string) => void = () => {}): Promise<BeyondOutput> {
  const t0 = performance.now();
  const data = loadData(o);
  const dir = join(o.pieces, settingsHash(o, data));
  const groups = [...new Set(data.groups)].length;
  if (o.qualityFold < 0 || o.qualityFold >= groups) throw new UserError(`--quality-fold ${o.qualityFold}: folds are 0..${groups - 1}`);
  const augment = ['none', ...o.augment.filter((a) => a !== 'none')];
  const all: Piece[] = [];
  for (const protocol of o.protocols)
    for (const a of augment)
      for (let repeat = 0; repeat < o.repeats; repeat++)
        for (let fold = 0; fold < groups; fold++) all.push({ protocol, augment: a, repeat, fold });
  const todo = all.filter((p) => !existsSync(pieceFile(dir, o, p)));
  log(`beyond-paper: ${all.length} pieces, ${all.length - todo.length} cached in ${dir}, ${todo.length} to run with ${o.jobs} job(s)`);
  const step = Math.max(1, Math.round(todo.length / 20));
  await runInWorkers(
    o,
    dir,
    todo,
    (n) => {
      if (n % step === 0 || n === todo.length)
        log(`beyond-paper: ${n}/${todo.length} pieces, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    },
    log,
  );
  const results: EvaluationResults[] = [];
  const quality: PieceQuality[] = [];
  for (const protocol of o.protocols) {
    const run = augment.filter((a) => scopeOf(o, a).protocols.includes(protocol));
    const perAugment = run.map((a) => {
      const files = all.filter((p) => p.protocol === protocol && p.augment === a).map((p) => pieceFile(dir, o, p));
      const parts = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as PieceFile);
      for (const part of parts) if (part.quality) quality.push(part.quality);
      // A cached piece may come from a run with another number of seeds: this run's count is the one merged.
      const repeats = scopeOf(o, a).repeats;
      return mergeResults(
        parts.map((part) => ({ ...part.results, config: { ...part.results.config, repeats } })),
        files,
      );
    });
    results.push(combineMethods(perAugment, run));
  }
  const rows = results.flatMap(protocolRows);
  const notes = [
    'WA / UAR: percent on predictions pooled over the folds; mean and sample sd over seeds (repeats).',
    'vsNone: paired t-test over seeds against no augmentation with the same classifier and protocol (McNemar on one seed).',
    `quality: feature space, on fold ${o.qualityFold} (held-out ${o.groupCol} ${results[0]?.dataset.groups[o.qualityFold]}) ` +
      'of repeat 0 only, per protocol; real = the training fold as the augmenter saw it (speaker-normalised under the speaker modes).',
    ...(o.generativeProtocols || o.generativeRepeats
      ? [
          `generative augmenters (ADAN training per fold) only under ${(o.generativeProtocols ?? o.protocols).join(', ')} ` +
            `with ${Math.min(o.repeats, o.generativeRepeats ?? o.repeats)} seed(s); their tests vs none pair the seeds both have.`,
        ]
      : []),
    'seconds per row: augmentation + classifier time summed over folds and seeds (CPU of the piece); ' +
      'wallSeconds: this invocation (cached pieces cost nothing).',
    ...(augment.includes(AUTO_AUGMENT)
      ? [
          `auto: per outer fold and classifier, the candidate (${(o.autoCandidates ?? []).join(', ')}) with the highest ` +
            'pooled WA under inner leave-one-speaker-out over the training speakers (ties: the earlier); results.augmentSearch ' +
            "has every fold's inner scores. Its seconds leave out the inner search.",
        ]
      : []),
    ...Object.entries(AUGMENTER_ALIASES).map(
      ([n, a]) => `${n} = ${a.augment} ${JSON.stringify(a.settings)}, recommended with --normalisation ${a.normalisation}.`,
    ),
  ];
  const { pieces: _pieces, ...options } = o;
  return {
    bench: 'beyond-paper',
    dataset: data.name,
    options,
    piecesDir: dir,
    pieces: { total: all.length, cached: all.length - todo.length, run: todo.length },
    wallSeconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    rows,
    quality,
    notes,
    results,
  };
}

function parseArgs(argv: string[]): BeyondOptions & { out?: string } {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, dflt: number | undefined): number | undefined => {
    const v = arg(name);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UserError(`${name}: expected a non-negative number (got '${v}')`);
    return n;
  };
  const list = (name: string, dflt: string[]): string[] => (arg(name) === undefined ? dflt : arg(name)!.split(',').filter(Boolean));
  const augArg = arg('--augment');
  const audioDir = audioDirOf(arg('--audio-dir'), arg('--table'));
  const parsed =
    augArg === undefined || augArg === 'all' ? { augment: defaultAugmenters() } : parseAugmentList(augArg, audioDir !== undefined);
  const augment = parsed.augment;
  const autoCandidates = parsed.autoCandidates;
  // Checks the preset early.
  if ([...augment, ...(autoCandidates ?? [])].some(isGenerative)) adanOptionsFrom(arg('--adan-preset') ?? 'paper', arg('--adan-epochs'));
  return {
    augment,
    ...(autoCandidates ? { autoCandidates } : {}),
    classifiers: list('--classifiers', ['svm', 'dnn']),
    protocols: list('--protocols', [...BEYOND_PROTOCOLS]).map(parseNormalisation),
    repeats: num('--repeats', 5)!,
    generativeProtocols: arg('--generative-protocols')?.split(',').filter(Boolean).map(parseNormalisation),
    generativeRepeats: num('--generative-repeats', undefined),
    seed: num('--seed', 1)!,
    times: num('--times', 1)!,
    noiseStd: num('--noise-std', 0.1)!,
    smoteK: num('--smote-k', 5)!,
    adanPreset: arg('--adan-preset') ?? 'paper',
    adanEpochs: num('--adan-epochs', undefined),
    dnnEpochs: num('--dnn-epochs', undefined),
    qualityFold: num('--quality-fold', 0)!,
    table: arg('--table'),
    audioDir: arg('--audio-dir'),
    perturbCache: arg('--perturb-cache'),
    labelCol: arg('--label-col') ?? 'label',
    groupCol: arg('--group-col') ?? 'speaker',
    speakerCol: arg('--speaker-col'),
    jobs: Math.max(1, num('--jobs', 1)!),
    pieces: arg('--pieces') ?? join('out', 'beyond-paper-pieces'),
    out: arg('--out'),
  };
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--worker')) return workerMain();
  if (argv.includes('--help')) {
    const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
    const header = lines.slice(
      0,
      lines.findIndex((l) => !l.startsWith('//')),
    );
    process.stdout.write(header.map((l) => l.slice(3)).join('\n') + '\n');
    return;
  }
  const { out, ...o } = parseArgs(argv);
  const res = await runBeyond(o, (m) => process.stderr.write(`${m}\n`));
  const { results, ...summary } = res;
  const doc = JSON.stringify(summary, null, 1);
  if (out) {
    writeFileAtomic(out, doc + '\n');
    // The merged results of each protocol beside it, for `adan report`.
    results.forEach((r, i) =>
      writeFileAtomic(out.replace(/\.json$/, '') + `.${o.protocols[i].replace(':', '-')}.results.json`, JSON.stringify(r) + '\n'),
    );
  }
  process.stdout.write(doc + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`beyond-paper: ${err instanceof UserError ? err.message : ((err as Error).stack ?? String(err))}\n`);
    process.exitCode = 1;
  });
}

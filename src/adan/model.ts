import { Rng, type Matrix } from '../nn/index.js';
import type { FeatureTable } from '../data/table.js';
import { MaxAbsScaler, Standardizer } from '../data/standardizer.js';
import { UserError } from '../util/errors.js';
import { encodeLabels } from './labels.js';
import { adanArchitecture, buildNetworks, type AdanArchitecture, type AdanNets } from './networks.js';
import type { AdanOptions } from './options.js';
import { classCounts, labelsToGenerate, type SampleMode } from './sample-counts.js';
import { AdanTrainer, fillGeneratorInput, zeroStepStats, type StepPhase } from './trainer.js';
import { fillPrior } from './aae.js';
import type { EpochLog } from './training-log.js';
import { dataFingerprint, loadCheckpoint, saveCheckpoint, type LoadedCheckpoint } from './checkpoint.js';
import { loadModelFolder, saveModelFolder } from './persist.js';
import type { AdanModelParts } from './model-parts.js';

export type { AdanModelParts } from './model-parts.js';

export interface FitCallbacks {
  onEpoch?: (log: EpochLog) => void;
  /** Folder for `checkpoint.safetensors` (written every `checkpointEvery` epochs and at the end). */
  checkpointDir?: string;
  checkpointEvery?: number;
  /** Continue from the checkpoint in checkpointDir when there is one (same data, options and seed required). */
  resume?: boolean;
  /** Names of the x columns, kept in the model folder (default f1..fN; ignored when the count differs from cols). */
  featureNames?: readonly string[];
}

/** What prepare() builds for one fit. */
interface Prepared {
  xs: Float32Array; // scaled training rows
  rows: number;
  d: number; // columns after zero-variance removal
  standardizer: Standardizer;
  maxAbs: MaxAbsScaler | null;
  architecture: AdanArchitecture;
  nets: AdanNets;
  trainer: AdanTrainer;
}

/** The StepStats that are batch means (weighted by batch rows when summed over an epoch); cCorrect is a count. */
const MEAN_STATS = ['dLoss', 'gAdvLoss', 'gClsLoss', 'reconMse', 'cLoss', 'dReal', 'dFake'] as const;

/** Batch buffers allocated once per fit; the last partial batch uses a view of the same buffers. */
class BatchBuffers {
  private readonly xb: Float32Array;
  private readonly yb: Int32Array;

  constructor(
    readonly size: number,
    private readonly d: number,
  ) {
    this.xb = new Float32Array(size * d);
    this.yb = new Int32Array(size);
  }

  /** Copies rows order[start .. start+n) of xs / y into the buffers. */
  fill(xs: Float32Array, y: Int32Array, order: ArrayLike<number>, start: number, n: number): { x: Matrix; y: Int32Array } {
    const d = this.d;
    for (let i = 0; i < n; i++) {
      const r = order[start + i];
      this.xb.set(xs.subarray(r * d, (r + 1) * d), i * d);
      this.yb[i] = y[r];
    }
    const full = n === this.size;
    return { x: { rows: n, cols: d, data: full ? this.xb : this.xb.subarray(0, n * d) }, y: full ? this.yb : this.yb.subarray(0, n) };
  }
}

/**
 * The authors' early stop (their public code): after minEpoch, stop once D's mean outputs on real and fake codes stay
 * within tolerance of 0.5 for patience epochs, i.e. D can no longer tell them apart. Only for the gan objective and
 * not in the autoencoder phase of 'separate'.
 */
class EarlyStop {
  streak = 0;
  stopped = false;

  constructor(private readonly o: AdanOptions) {}

  update(e: EpochLog, phase: StepPhase): void {
    const es = this.o.earlyStop;
    if (!es || this.o.adversarial !== 'gan' || phase === 'ae' || e.epoch <= es.minEpoch) return;
    const near = Math.abs(e.dReal - 0.5) <= es.tolerance && Math.abs(e.dFake - 0.5) <= es.tolerance;
    this.streak = near ? this.streak + 1 : 0;
    if (this.streak >= es.patience) this.stopped = true;
  }
}

/** Rows processed at once by encode/generate (bounds memory for large requests). */
const CHUNK = 512;

/**
 * ADAN (paper section II): an autoencoder with an auxiliary classifier whose latent space a conditional generator
 * learns to imitate adversarially; synthetic samples are G(z, y) decoded by R and mapped back to raw features.
 * scikit-learn shape: `create` -> `fit` -> `generate`; inputs and outputs are raw (unnormalised) features.
 */
export class AdanModel {
  private parts: AdanModelParts | null = null;

  private constructor(
    readonly options: AdanOptions,
    readonly seed: number,
  ) {}

  static create(options: AdanOptions, seed: number): AdanModel {
    if (!Number.isInteger(seed)) throw new UserError(`seed must be an integer (got ${seed})`);
    return new AdanModel(options, seed);
  }

  /** Wraps already trained parts (loading a model folder). */
  static fromParts(p: AdanModelParts): AdanModel {
    const m = new AdanModel(p.options, p.seed);
    m.parts = p;
    return m;
  }

  private get trained(): AdanModelParts {
    if (!this.parts) throw new Error('AdanModel: not trained (call fit or load)');
    return this.parts;
  }

  get isTrained(): boolean {
    return this.parts !== null;
  }
  get classNames(): string[] {
    return this.trained.classNames;
  }
  get featureNames(): string[] {
    return this.trained.featureNames;
  }
  get log(): EpochLog[] {
    return this.parts ? this.parts.log : [];
  }
  /** Training rows per class (for `times`/`balance` augmentation without the training table). */
  get classCounts(): number[] {
    return this.trained.classCounts;
  }
  get architecture(): AdanArchitecture {
    return this.trained.architecture;
  }
  get stoppedEarly(): boolean {
    return this.trained.stoppedEarly;
  }
  /** The fitted parts (nets, scalers) for persistence and diagnostics. */
  get internals(): AdanModelParts {
    return this.trained;
  }

  /** Fits on a table: labels from `labelCol` (metadata), feature names kept for the model folder. */
  fitTable(table: FeatureTable, labelCol: string, cb?: FitCallbacks): this {
    const { y, classNames } = encodeLabels(table, labelCol, 'training table');
    return this.fit(table.features, table.ids.length, table.featureNames.length, y, classNames, {
      ...cb,
      featureNames: table.featureNames,
    });
  }

  /**
   * Trains on raw features x (rows x cols, row-major) with labels y in 0..classNames.length-1. The normalisation
   * (zero-variance removal, z-norm, and max-abs for `official`) is fitted here on x only: statistics of
   * the test speakers must not leak into training (the authors normalised over the whole corpus).
   * Steps: prepare (scalers, nets, trainer) -> resume or start -> runEpoch per epoch (early stop, checkpoints).
   */
  fit(x: Float32Array, rows: number, cols: number, y: Int32Array, classNames: string[], cb: FitCallbacks = {}): this {
    const o = this.options;
    const featureNames =
      cb.featureNames && cb.featureNames.length === cols ? [...cb.featureNames] : Array.from({ length: cols }, (_, j) => `f${j + 1}`);
    validateTrainingData(x, rows, cols, y, classNames);
    const prep = this.prepare(x, rows, cols, classNames.length);
    const fingerprint = dataFingerprint(x, y, classNames, o, this.seed);
    const { log, earlyStop, startEpoch } = this.resumeOrInit(cb, fingerprint, prep);
    const every = cb.checkpointEvery ?? 0;
    const batch = new BatchBuffers(Math.min(o.batchSize, rows), prep.d);
    // 'separate' (paper II-B): E/R/C alone for `epochs` epochs, then G/D alone (E frozen) for as many.
    const totalEpochs = o.variant === 'separate' ? 2 * o.epochs : o.epochs;
    for (let epoch = startEpoch; epoch <= totalEpochs && !earlyStop.stopped; epoch++) {
      const phase: StepPhase = o.variant !== 'separate' ? 'joint' : epoch <= o.epochs ? 'ae' : 'gan';
      const e = this.runEpoch(epoch, phase, prep, y, batch);
      log.push(e);
      earlyStop.update(e, phase);
      cb.onEpoch?.(e);
      if (cb.checkpointDir && every > 0 && (epoch % every === 0 || epoch === totalEpochs || earlyStop.stopped)) {
        const state = { epoch, log, streak: earlyStop.streak, stoppedEarly: earlyStop.stopped, fingerprint };
        saveCheckpoint(cb.checkpointDir, state, prep.nets, prep.trainer);
      }
    }
    this.parts = {
      options: o,
      seed: this.seed,
      classNames: [...classNames],
      featureNames,
      classCounts: classCounts(y, classNames.length),
      log,
      nets: prep.nets,
      architecture: prep.architecture,
      standardizer: prep.standardizer,
      maxAbs: prep.maxAbs,
      stoppedEarly: earlyStop.stopped,
    };
    return this;
  }

  /** Fits the scalers on x and builds the nets and the trainer (initialised from the seed). */
  private prepare(x: Float32Array, rows: number, cols: number, classes: number): Prepared {
    const o = this.options;
    const standardizer = new Standardizer().fit(x, rows, cols);
    const xs = standardizer.transform(x, rows);
    const d = standardizer.outputCols;
    let maxAbs: MaxAbsScaler | null = null;
    if (o.scaling === 'zscore+maxabs') {
      maxAbs = new MaxAbsScaler().fit(xs, rows, d);
      maxAbs.transform(xs, rows, xs);
    }
    const architecture = adanArchitecture(o, d, classes);
    const nets = buildNetworks(architecture, new Rng(this.seed));
    return { xs, rows, d, standardizer, maxAbs, architecture, nets, trainer: new AdanTrainer(nets, o, classes) };
  }

  /** The checkpoint's log, early-stop state and next epoch when resuming a matching run, else a fresh start. */
  private resumeOrInit(
    cb: FitCallbacks,
    fingerprint: string,
    prep: Prepared,
  ): { log: EpochLog[]; earlyStop: EarlyStop; startEpoch: number } {
    const earlyStop = new EarlyStop(this.options);
    const ck = cb.resume && cb.checkpointDir ? loadCheckpoint(cb.checkpointDir, fingerprint) : null;
    if (!ck) return { log: [], earlyStop, startEpoch: 1 };
    restore(ck, prep.nets, prep.trainer);
    earlyStop.streak = ck.streak;
    earlyStop.stopped = ck.stoppedEarly;
    return { log: [...ck.log], earlyStop, startEpoch: ck.epoch + 1 };
  }

  /** One pass over the shuffled training rows in batches; returns the epoch's row-weighted mean statistics. */
  private runEpoch(epoch: number, phase: StepPhase, prep: Prepared, y: Int32Array, batch: BatchBuffers): EpochLog {
    const { xs, rows, trainer } = prep;
    const t0 = performance.now();
    // Per-epoch streams derived from the seed: a resumed run sees exactly the shuffles and noise it would have.
    const erng = new Rng(this.seed).fork(`epoch:${epoch}`);
    const order = erng.fork('shuffle').permutation(rows);
    const noise = erng.fork('noise');
    const acc = zeroStepStats();
    let seen = 0;
    const bsz = batch.size;
    for (let start = 0; start < rows; start += bsz) {
      const n = Math.min(bsz, rows - start);
      if (n < 2) break; // a single row has no batch statistics (batch norm) and no real gradient signal
      const { x: xm, y: ym } = batch.fill(xs, y, order, start, n);
      const s = trainer.step(xm, ym, noise, phase);
      for (const key of MEAN_STATS) acc[key] += s[key] * n;
      acc.cCorrect += s.cCorrect;
      seen += n;
    }
    const e: EpochLog = {
      epoch,
      dLoss: acc.dLoss / seen,
      gAdvLoss: acc.gAdvLoss / seen,
      gClsLoss: acc.gClsLoss / seen,
      reconMse: acc.reconMse / seen,
      cLoss: acc.cLoss / seen,
      cAcc: acc.cCorrect / seen,
      dReal: acc.dReal / seen,
      dFake: acc.dFake / seen,
      seconds: (performance.now() - t0) / 1000,
    };
    if (!Object.values(e).every(Number.isFinite)) {
      throw new Error(`ADAN training diverged at epoch ${epoch} (non-finite loss); try a lower learning rate`);
    }
    return e;
  }

  /** Raw features (rows x featureNames.length) -> scaled model inputs. */
  private scaleInputs(x: Float32Array, rows: number): Float32Array {
    const p = this.trained;
    const xs = p.standardizer.transform(x, rows);
    if (p.maxAbs) p.maxAbs.transform(xs, rows, xs);
    return xs;
  }

  /** Raw features -> latent codes (rows x latent), eval mode. */
  encode(x: Float32Array, rows: number): Float32Array {
    const p = this.trained;
    if (x.length !== rows * p.featureNames.length)
      throw new Error(`encode: expected ${rows} x ${p.featureNames.length} values, got ${x.length}`);
    const xs = this.scaleInputs(x, rows);
    const d = p.standardizer.outputCols;
    const l = this.options.latent;
    const out = new Float32Array(rows * l);
    for (let s = 0; s < rows; s += CHUNK) {
      const n = Math.min(CHUNK, rows - s);
      const h = p.nets.encoder.forward({ rows: n, cols: d, data: xs.subarray(s * d, (s + n) * d) }, 'eval');
      out.set(h.data.subarray(0, n * l), s * l);
    }
    return out;
  }

  /** Latent codes -> raw-feature-space rows (decoder, then the inverse scaling). */
  decode(h: Float32Array, rows: number): Float32Array {
    const p = this.trained;
    const l = this.options.latent;
    const d = p.standardizer.outputCols;
    const xs = new Float32Array(rows * d);
    for (let s = 0; s < rows; s += CHUNK) {
      const n = Math.min(CHUNK, rows - s);
      const r = p.nets.decoder.forward({ rows: n, cols: l, data: h.subarray(s * l, (s + n) * l) }, 'eval');
      xs.set(r.data.subarray(0, n * d), s * d);
    }
    if (p.maxAbs) p.maxAbs.inverseTransform(xs, rows, xs);
    return p.standardizer.inverseTransform(xs, rows);
  }

  /**
   * Synthetic rows, one per label: fresh z ~ N(0, I) with the one-hot label through G (latent codes), decoded by R
   * and mapped back to the raw feature space. Same seed, same rows.
   */
  generate(labels: Int32Array, seed: number): { features: Float32Array; latent: Float32Array } {
    const p = this.trained;
    const k = p.classNames.length;
    const nz = this.options.noise;
    const l = this.options.latent;
    const w = nz + k;
    const rows = labels.length;
    const rng = new Rng(seed).fork('generate');
    const latent = new Float32Array(rows * l);
    for (const lab of labels) if (!(lab >= 0 && lab < k)) throw new Error(`generate: label ${lab} out of range 0..${k - 1}`);
    if (this.options.variant === 'aae') {
      // AAE: synthetic codes are samples of the class-conditional prior.
      fillPrior({ rows, cols: l, data: latent }, labels, rng, this.options);
      return { features: this.decode(latent, rows), latent };
    }
    const gIn = new Float32Array(Math.min(CHUNK, rows) * w);
    for (let s = 0; s < rows; s += CHUNK) {
      const n = Math.min(CHUNK, rows - s);
      fillGeneratorInput(gIn, n, nz, k, labels.subarray(s, s + n), rng);
      const h = p.nets.generator.forward({ rows: n, cols: w, data: gIn.subarray(0, n * w) }, 'eval');
      latent.set(h.data.subarray(0, n * l), s * l);
    }
    return { features: this.decode(latent, rows), latent };
  }

  /** Writes the model folder (model.json, weights.safetensors, normalisation.json, training-log.json/.csv) atomically. */
  save(dir: string, provenance?: Record<string, unknown>): void {
    saveModelFolder(dir, this.trained, provenance);
  }

  static load(dir: string): AdanModel {
    return AdanModel.fromParts(loadModelFolder(dir));
  }

  /** The labels to generate for a mode, from training labels (or the stored training class counts when omitted). */
  sampleCounts(trainLabels: Int32Array | null, mode: SampleMode): Int32Array {
    const k = this.trained.classNames.length;
    const counts = trainLabels ? classCounts(trainLabels, k) : this.trained.classCounts;
    return labelsToGenerate(counts, mode);
  }
}

function restore(ck: LoadedCheckpoint, nets: AdanNets, trainer: AdanTrainer): void {
  for (const [name, net] of Object.entries(nets)) net.loadState(ck.nets[name]);
  for (const [name, adam] of Object.entries(trainer.adam)) adam.loadState(ck.adam[name]);
}

/** Checks training data before anything is trained or written (one clear error). */
export function validateTrainingData(x: Float32Array, rows: number, cols: number, y: Int32Array, classNames: string[]): void {
  if (rows < 2) throw new UserError(`ADAN needs at least 2 training rows (got ${rows})`);
  if (x.length !== rows * cols) throw new UserError(`training data: expected ${rows} x ${cols} values, got ${x.length}`);
  if (y.length !== rows) throw new UserError(`training data: ${rows} rows but ${y.length} labels`);
  if (classNames.length < 2) throw new UserError(`ADAN needs at least 2 classes (got ${classNames.length}: ${classNames.join(', ')})`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new UserError(
        `training data: non-numeric or missing value at row ${Math.floor(i / cols) + 1}, feature column ${(i % cols) + 1}`,
      );
    }
  }
  const counts = new Array<number>(classNames.length).fill(0);
  for (let i = 0; i < rows; i++) {
    if (!(y[i] >= 0 && y[i] < classNames.length)) throw new UserError(`training data: label ${y[i]} at row ${i + 1} is not a class id`);
    counts[y[i]]++;
  }
  const few = counts.findIndex((c) => c < 2);
  if (few >= 0) {
    throw new UserError(
      `class '${classNames[few]}' has ${counts[few]} training row${counts[few] === 1 ? '' : 's'}; ADAN needs at least 2 per class`,
    );
  }
}

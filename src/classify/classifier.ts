import type { z } from 'zod';
import type { Dataset } from '../data/dataset.js';
import { UserError } from '../util/errors.js';

/**
 * What the evaluation protocol needs from a classifier (scikit-learn's fit/predict shape): features row-major in a
 * Float32Array, already normalised per fold by the caller; labels 0..classes-1.
 */
export interface Classifier {
  /** Fits on the shared Dataset (x, rows, cols, y, classes; per-row groups/ids are not used by these classifiers). */
  fit(data: Dataset): this;
  /** Compatibility form, the same as fit({ x, rows, cols, y, classes }). */
  fit(x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number): this;
  predict(x: Float32Array, rows: number): Int32Array;
  /** Per-row scores: one-vs-one decision values (SVM) or class probabilities (DNN). */
  decisionFunction?(x: Float32Array, rows: number): Float32Array;
}

/** The arguments of either fit form. */
export type FitArgs = [data: Dataset] | [x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number];

/** The Dataset of either fit form (no copy). */
export function fitDataset(args: FitArgs): Dataset {
  return args.length === 1 ? args[0] : { x: args[0], rows: args[1], cols: args[2], y: args[3], classes: args[4] };
}

export type ClassifierName = 'svm' | 'dnn';

/** Validates a classifier's options against its schema (defaults filled in); bad values are one UserError. */
export function parseClassifierOptions<S extends z.ZodType>(name: string, schema: S, options: unknown): z.output<S> {
  const r = schema.safeParse(options ?? {});
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(options)'}: ${i.message}`).join('; ');
    throw new UserError(`invalid ${name} classifier options: ${msg}`);
  }
  return r.data;
}

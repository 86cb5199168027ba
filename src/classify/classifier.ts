import type { z } from 'zod';
import { UserError } from '../util/errors.js';

/**
 * What the evaluation protocol needs from a classifier (scikit-learn's fit/predict shape): features row-major in a
 * Float32Array, already normalised per fold by the caller; labels 0..classes-1.
 */
export interface Classifier {
  fit(x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number): this;
  predict(x: Float32Array, rows: number): Int32Array;
  /** Per-row scores: one-vs-one decision values (SVM) or class probabilities (DNN). */
  decisionFunction?(x: Float32Array, rows: number): Float32Array;
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

/**
 * Classifiers for the evaluation protocol: an RBF C-SVC equivalent to libsvm/scikit-learn's SVC and the paper's
 * DNN on the engine. createClassifier validates options once (zod) and reports bad values as UserErrors.
 */
import { z } from 'zod';
import { UserError } from '../util/errors.js';
import type { Classifier, ClassifierName } from './classifier.js';
import { DnnClassifier } from './dnn.js';
import { SvmClassifier } from './svm.js';

export type { Classifier, ClassifierName } from './classifier.js';
export { SvmClassifier, resolveGamma, type SvmOptions, type SvmFitInfo } from './svm.js';
export { DnnClassifier, DNN_DEFAULTS, type DnnOptions } from './dnn.js';
export { jsGemmNT, type GemmNT } from './gemm-nt.js';
export { defaultGemmNT, gemmPathName } from './gemm-select.js';

export const CLASSIFIER_NAMES: readonly ClassifierName[] = ['svm', 'dnn'];

const classWeight = z.union([z.literal('balanced'), z.null()]).optional();

export const svmOptionsSchema = z
  .object({
    C: z.number().positive().finite().optional(),
    gamma: z.union([z.number().positive().finite(), z.literal('scale'), z.literal('auto')]).optional(),
    tol: z.number().positive().finite().optional(),
    cacheMB: z.number().positive().finite().optional(),
    classWeight,
    shrinking: z.boolean().optional(),
  })
  .strict();

export const dnnOptionsSchema = z
  .object({
    hidden: z.array(z.number().int().positive()).min(1).optional(),
    activation: z.enum(['relu', 'tanh']).optional(),
    dropout: z.number().min(0).lt(1).optional(),
    epochs: z.number().int().positive().optional(),
    batchSize: z.number().int().positive().optional(),
    lr: z.number().positive().finite().optional(),
    classWeight,
  })
  .strict();

function parseOptions<T>(name: string, schema: z.ZodType<T>, options: Record<string, unknown> | undefined): T {
  const r = schema.safeParse(options ?? {});
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(options)'}: ${i.message}`).join('; ');
    throw new UserError(`invalid ${name} classifier options: ${msg}`);
  }
  return r.data;
}

/** A fresh, unfitted classifier; `seed` drives the DNN's initialisation, shuffling and dropout (the SVM is deterministic). */
export function createClassifier(name: ClassifierName, options: Record<string, unknown> | undefined, seed: number): Classifier {
  switch (name) {
    case 'svm':
      return new SvmClassifier(parseOptions('svm', svmOptionsSchema, options));
    case 'dnn':
      return new DnnClassifier(parseOptions('dnn', dnnOptionsSchema, options), seed);
    default:
      throw new UserError(`unknown classifier '${String(name)}' (expected one of: ${CLASSIFIER_NAMES.join(', ')})`);
  }
}

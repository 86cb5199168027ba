/**
 * Classifiers for the evaluation protocol: an RBF C-SVC equivalent to libsvm/scikit-learn's SVC and the paper's
 * DNN on the engine. Each declares its parameters once as a static zod schema, validated in its constructor.
 */
import { z } from 'zod';
import { UserError } from '../util/errors.js';
import type { Classifier, ClassifierName } from './classifier.js';
import { DnnClassifier } from './dnn.js';
import { SvmClassifier } from './svm.js';

export type { Classifier, ClassifierName } from './classifier.js';
export { SvmClassifier, resolveGamma, type SvmOptions, type SvmFitInfo } from './svm.js';
export { DnnClassifier, DNN_DEFAULTS, type DnnOptions } from './dnn.js';
export { parseClassifierOptions, fitDataset, type FitArgs } from './classifier.js';
export { jsGemmNT, type GemmNT } from './gemm-nt.js';
export { defaultGemmNT, gemmPathName } from './gemm-select.js';

/** A classifier class as the registry holds it: its parameter schema and a (options, seed) constructor. */
export interface ClassifierClass {
  readonly schema: z.ZodType;
  new (options: Record<string, unknown>, seed: number): Classifier;
}

/** Every classifier by name: the one place to add one (names, --help text and validation derive from it). */
export const CLASSIFIERS: Readonly<Record<ClassifierName, ClassifierClass>> = { svm: SvmClassifier, dnn: DnnClassifier };

export const CLASSIFIER_NAMES: readonly ClassifierName[] = Object.keys(CLASSIFIERS) as ClassifierName[];

/** The parameter schemas (kept under their old names for callers that validate before constructing). */
export const svmOptionsSchema = SvmClassifier.schema;
export const dnnOptionsSchema = DnnClassifier.schema;

/** A fresh, unfitted classifier; `seed` drives the DNN's initialisation, shuffling and dropout (the SVM is deterministic). */
export function createClassifier(name: ClassifierName, options: Record<string, unknown> | undefined, seed: number): Classifier {
  const cls = Object.hasOwn(CLASSIFIERS, name) ? CLASSIFIERS[name] : undefined;
  if (!cls) throw new UserError(`unknown classifier '${String(name)}' (expected one of: ${CLASSIFIER_NAMES.join(', ')})`);
  return new cls(options ?? {}, seed);
}

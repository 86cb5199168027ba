import { createClassifier, type ClassifierName } from '../classify/index.js';
import { createAugmenter, type AugmenterSettings } from '../augment/registry.js';
import type { EpochLog } from '../adan/index.js';
import { fitStandardizer } from './normaliser.js';
import { UserError } from '../util/errors.js';
import type { EvalDeps } from './types.js';

export interface DefaultDepsOptions {
  augment: AugmenterSettings;
  /** Options per classifier name (validated by src/classify). */
  classifierOptions?: Partial<Record<ClassifierName, Record<string, unknown>>>;
  provenance?: Record<string, unknown>;
  onEpoch?: (log: EpochLog, ctx: { fold: number; repeat: number }) => void;
}

/** The real stages: classifiers from src/classify, per-fold Standardizer, augmenters from src/augment. */
export function defaultDeps(o: DefaultDepsOptions): EvalDeps {
  return {
    createClassifier: (name, seed, _cols, options) =>
      createClassifier(name as ClassifierName, { ...o.classifierOptions?.[name as ClassifierName], ...options }, seed),
    fitNormaliser: fitStandardizer,
    createAugmenter: (name, ctx) =>
      createAugmenter(
        name,
        o.augment,
        {
          fitMask: ctx.fitMask,
          saveDir: ctx.saveDir,
          featureNames: ctx.featureNames,
          classNames: ctx.classNames,
          rawSpace: ctx.rawSpace,
          provenance: { ...(o.provenance ?? {}), fold: ctx.fold, group: ctx.group, repeat: ctx.repeat },
          onEpoch: o.onEpoch ? (log) => o.onEpoch!(log, { fold: ctx.fold, repeat: ctx.repeat }) : undefined,
        },
        ctx.seed,
      ),
  };
}

/**
 * An augmenter's user error inside the protocol (e.g. ADAN's "class 'x' has 1 training row") names the fold and its
 * test group, so the user knows which training fold is too small.
 */
export function foldNamedErrors(deps: EvalDeps, groupCol: string): EvalDeps {
  return {
    ...deps,
    createAugmenter: async (name, ctx) => {
      const aug = await deps.createAugmenter(name, ctx);
      const fit = aug.fitResample.bind(aug);
      aug.fitResample = (...args) => {
        try {
          return fit(...args);
        } catch (err) {
          if (err instanceof UserError) throw new UserError(`fold ${ctx.fold} (test ${groupCol} '${ctx.group}'), ${name}: ${err.message}`);
          throw err;
        }
      };
      return aug;
    },
  };
}

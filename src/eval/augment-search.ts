import { AUGMENTER_NAMES, AUGMENTERS, isGenerative, minTrainingSpeakers } from '../augment/registry.js';
import { UserError } from '../util/errors.js';
import type { Fold } from './folds.js';
import { gridSearch, type InnerMethod, type InnerProtocol, type InnerScorer } from './inner-search.js';
import type { TrainOn } from './results.js';

/** `--augment auto`: the augmenter is chosen inside each outer training fold, per classifier. */
export const AUTO_AUGMENT = 'auto';

/**
 * The default candidates, fixed on principle before any corpus was measured: no augmentation first (so a tie keeps
 * it), then every registered augmenter that trains no ADAN model, in registry order. ADAN training in every inner
 * fold would cost hours per outer fold; the cheap augmenters are each one setting of a different idea (copies,
 * noise, interpolation, speaker re-colouring, mixup), so the search asks which idea suits the corpus and classifier.
 * `perturb` only when the rows' source audio is there to re-extract. Aliases are fixed settings of these augmenters.
 */
export function defaultAutoCandidates(perturbAvailable: boolean): string[] {
  return Object.keys(AUGMENTERS).filter((a) => !isGenerative(a) && (a !== 'perturb' || perturbAvailable));
}

export interface AugmentList {
  augment: string[];
  /** Present when `auto` is in the list: its candidates (named, or the defaults). */
  autoCandidates?: string[];
}

/**
 * Parses `--augment none,noise,auto` or `--augment none,auto:none,noise,smote`: `auto:` takes every name after it as
 * its candidates, so it comes last. Unknown names, a repeated candidate or `auto` among them are one-line errors.
 */
export function parseAugmentList(value: string, perturbAvailable: boolean, flag = '--augment'): AugmentList {
  const items = value.split(',').map((a) => a.trim());
  const at = items.findIndex((a) => a.startsWith(`${AUTO_AUGMENT}:`));
  const head = [...new Set((at < 0 ? items : items.slice(0, at)).filter(Boolean))];
  const known = AUGMENTER_NAMES as readonly string[];
  const allowed = [...known, AUTO_AUGMENT];
  for (const a of head) if (!allowed.includes(a)) throw new UserError(`${flag}: unknown value '${a}' (expected ${allowed.join(', ')})`);
  if (at < 0) {
    if (head.length === 0) throw new UserError(`${flag}: empty list`);
    return { augment: head, ...(head.includes(AUTO_AUGMENT) ? { autoCandidates: defaultAutoCandidates(perturbAvailable) } : {}) };
  }
  if (head.includes(AUTO_AUGMENT)) throw new UserError(`${flag}: give auto once (auto, or auto:a,b,... last in the list)`);
  const candidates = [items[at].slice(AUTO_AUGMENT.length + 1), ...items.slice(at + 1)].map((a) => a.trim()).filter(Boolean);
  if (candidates.length === 0) throw new UserError(`${flag} auto: names no candidate (e.g. auto:none,noise,smote)`);
  for (const c of candidates) {
    if (!known.includes(c)) throw new UserError(`${flag} auto: unknown candidate '${c}' (candidates are augmenters: ${known.join(', ')})`);
  }
  const dup = candidates.find((c, i) => candidates.indexOf(c) !== i);
  if (dup !== undefined) throw new UserError(`${flag} auto: candidate '${dup}' is named twice`);
  return { augment: [...head, AUTO_AUGMENT], autoCandidates: candidates };
}

/** The augmenter one outer fold chose for one classifier, with every candidate's inner score (results JSON `augmentSearch`). */
export interface FoldAugmentChoice {
  fold: number;
  group: string;
  classifier: string;
  trainOn: TrainOn;
  chosen: string;
  innerWa: number;
  candidates: { augment: string; wa: number; uar: number }[];
  /** Candidates the inner folds could not fit (e.g. recolour and mixup with one inner training speaker), not scored. */
  skipped?: { augment: string; reason: string }[];
}

/**
 * Inner leave-one-speaker-out of every candidate on the outer fold's training speakers (the run's protocol, augmenter
 * settings and classifier options), then the highest pooled inner WA; ties go to the earlier candidate (none first by
 * default). WA as for `--svm-c auto`: it is the headline metric of the paper's Table I and of this tool's targets,
 * and one rule for every inner choice keeps them comparable.
 */
export async function chooseAugmentForFold(
  scorer: InnerScorer,
  fold: Fold,
  protocol: InnerProtocol,
  method: InnerMethod & { trainOn: TrainOn },
  candidates: readonly string[],
  trainingSpeakers: number,
  onCandidate?: (augment: string, index: number, cached: boolean) => void,
): Promise<FoldAugmentChoice> {
  // An inner fold trains on all but one of the outer fold's training speakers: a candidate that needs more is left
  // out (and named) rather than failing the run; `none` always fits, so something is always chosen.
  const inner = trainingSpeakers - 1;
  const fits = (a: string): boolean => a === 'none' || minTrainingSpeakers(a) <= inner;
  const skipped = candidates
    .filter((a) => !fits(a))
    .map((augment) => ({ augment, reason: `needs ${minTrainingSpeakers(augment)} training speakers, an inner fold has ${inner}` }));
  const scored = candidates.filter(fits);
  if (scored.length === 0) scored.push('none');
  let i = 0;
  const { best, points } = await gridSearch(scored, (augment) => {
    onCandidate?.(augment, i++, scorer.has(fold, protocol, { ...method, augment }));
    return scorer.score(fold, protocol, { ...method, augment });
  });
  return {
    fold: fold.index,
    group: fold.group,
    classifier: method.classifier,
    trainOn: method.trainOn,
    chosen: best,
    innerWa: points.find((p) => p.values === best)!.score.wa,
    candidates: points.map((p) => ({ augment: p.values, wa: p.score.wa, uar: p.score.uar })),
    ...(skipped.length ? { skipped } : {}),
  };
}

/** The method the outer fold then trains: the chosen augmenter as its own row would (`none` on real rows). */
export function chosenMethod<M extends { augment: string; trainOn: TrainOn }>(m: M, chosen: string): M {
  return { ...m, augment: chosen, trainOn: chosen === 'none' ? 'real' : m.trainOn };
}

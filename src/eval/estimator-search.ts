import type { Fold } from './folds.js';
import { gridSearch, type InnerProtocol, type InnerScorer } from './inner-search.js';
import { ENROL_ESTIMATORS, type EnrolEstimator } from './speaker-stats.js';

/** `--enrol-estimator search`: the estimator is chosen inside each outer training fold (enrolment modes only). */
export const ESTIMATOR_SEARCH = 'search';

/** The enrolment estimator one outer fold chose, with every candidate's inner score (results JSON `estimatorSearch`). */
export interface FoldEstimatorChoice {
  fold: number;
  group: string;
  classifier: string;
  chosen: EnrolEstimator;
  innerWa: number;
  candidates: { estimator: EnrolEstimator; wa: number; uar: number }[];
}

/**
 * Inner leave-one-speaker-out of every estimator (ENROL_ESTIMATORS order: shrunk, the default, first, so a tie
 * keeps it) on the outer fold's training speakers, under the run's enrolment mode and with its first classifier: the
 * fold's speaker step is shared by all its methods. Highest pooled inner WA, the rule of every inner choice.
 */
export async function chooseEstimatorForFold(
  scorer: InnerScorer,
  fold: Fold,
  protocol: InnerProtocol,
  classifier: string,
): Promise<FoldEstimatorChoice> {
  const { best, points } = await gridSearch(ENROL_ESTIMATORS, (estimator) =>
    scorer.score(fold, { ...protocol, enrolEstimator: estimator }, { classifier }),
  );
  return {
    fold: fold.index,
    group: fold.group,
    classifier,
    chosen: best,
    innerWa: points.find((p) => p.values === best)!.score.wa,
    candidates: points.map((p) => ({ estimator: p.values, wa: p.score.wa, uar: p.score.uar })),
  };
}

/** The choices of several pieces as one: each outer fold once, in fold order. */
export function mergeEstimatorSearch(parts: readonly { estimatorSearch?: FoldEstimatorChoice[] }[]): {
  estimatorSearch?: FoldEstimatorChoice[];
} {
  const out = [...new Map(parts.flatMap((p) => p.estimatorSearch ?? []).map((c) => [c.fold, c])).values()].sort((a, b) => a.fold - b.fold);
  return out.length ? { estimatorSearch: out } : {};
}

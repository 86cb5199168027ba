import { UserError } from '../util/errors.js';
import { distinctGroups } from '../eval/folds.js';

/**
 * Speaker-disjoint folds: the sorted speakers dealt round-robin into k groups (fold1..fold<k>), for corpora with
 * many speakers where leave-one-speaker-out is too slow (CREMA-D: 91 actors). Deterministic, no randomness, so the
 * same corpus always gives the same folds.
 */
export function speakerGroups(speakers: readonly string[], k: number): string[] {
  const names = distinctGroups(speakers);
  if (!Number.isInteger(k) || k < 2) throw new UserError(`--speaker-folds: expected an integer >= 2 (got ${k})`);
  if (k > names.length) throw new UserError(`--speaker-folds ${k}: only ${names.length} speakers`);
  const width = String(k).length;
  const fold = new Map(names.map((s, i) => [s, `fold${String((i % k) + 1).padStart(width, '0')}`]));
  return speakers.map((s) => fold.get(s)!);
}

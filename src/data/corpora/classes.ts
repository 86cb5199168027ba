import { UserError } from '../../util/errors.js';
import { COMMON_4, COMMON_6, type ClassSet, type CorpusReader, type CorpusUtterance } from './types.js';

export interface LabelledUtterance extends CorpusUtterance {
  /** The class used for training: the corpus's emotion (`--classes all`) or its common class (4 or 6). */
  label: string;
}

export function parseClassSet(v: string): ClassSet {
  if (v === '4' || v === '6' || v === 'all') return v;
  throw new UserError(`--classes: expected 4, 6 or all (got '${v}')`);
}

/** The classes of a set, in a fixed order (undefined for 'all': the corpus's own, sorted). */
export function classesOf(set: ClassSet): string[] | undefined {
  return set === '4' ? [...COMMON_4] : set === '6' ? [...COMMON_6] : undefined;
}

/**
 * Labels each utterance: with `all` its own emotion (utterances without rater agreement left out); with 4 or 6 the
 * common class through the reader's mapping, leaving out utterances whose emotion has no class in the set.
 */
export function labelUtterances(
  utts: readonly CorpusUtterance[],
  reader: Pick<CorpusReader, 'common' | 'noAgreement'>,
  set: ClassSet,
): LabelledUtterance[] {
  const common = reader.common;
  if (set === 'all') {
    const skip = new Set(reader.noAgreement ?? []);
    return utts.filter((u) => !skip.has(u.emotion)).map((u) => ({ ...u, label: u.emotion }));
  }
  const keep = new Set(classesOf(set));
  const out: LabelledUtterance[] = [];
  for (const u of utts) {
    const c = common[u.emotion];
    if (c !== undefined && keep.has(c)) out.push({ ...u, label: c });
  }
  return out;
}

/** The common classes (of a set) that actually occur, in the set's order. */
export function presentClasses(utts: readonly LabelledUtterance[], set: ClassSet): string[] {
  const have = new Set(utts.map((u) => u.label));
  return (classesOf(set) ?? [...have].sort()).filter((c) => have.has(c));
}

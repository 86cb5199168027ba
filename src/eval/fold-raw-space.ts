import type { RawFeatureSpace } from '../augment/raw-space.js';
import type { FoldNormaliser } from './types.js';
import { applyMoments, isSpeakerMode, rowsByGroup, type Moments, type Normalisation } from './speaker-norm.js';

/** What the protocol knows of a fold when it hands the training rows to an augmenter. */
export interface FoldRawSpaceInput {
  normalisation: Normalisation;
  /** The table's feature names. */
  featureNames: readonly string[];
  /** The speakers of the fold's training rows, in fold order. */
  trainSpeakers: readonly string[];
  /**
   * Speaker modes: the statistics each training speaker was normalised with (speakerSplit's, so `--speaker-stats`
   * and `--enrol-estimator` apply to re-extracted rows exactly as to the real ones).
   */
  speakerMoments?: ReadonlyMap<string, Moments>;
  /** The whole-corpus normaliser of `corpus-leaky` (the training rows went through it). */
  corpus?: FoldNormaliser;
}

/**
 * The step that made the fold's training rows out of raw table rows, for rows made later from raw features
 * (re-extracted perturbed audio). The fold's own z-norm is not part of it: the protocol applies that to real and
 * synthetic rows alike after augmentation (and drops the same constant columns from both).
 * - `per-fold`: the training rows are raw, so raw rows stay as they are.
 * - `corpus-leaky`: the corpus normaliser's transform (dropping the columns it dropped).
 * - speaker modes: the statistics of the row's SOURCE speaker, not the copy's own. A perturbation shifts a voice
 *   (speed 1.1 raises F0 and formants by 10 %); normalised by its own statistics the shift would be removed again
 *   and the copy would be a near-duplicate, while normalised by the source speaker's it keeps the shift, i.e. it
 *   looks like a speaker whose statistics are slightly off, which is what a test speaker normalised by a few
 *   enrolment utterances is. Own statistics would also need all of a speaker's utterances perturbed alike, and
 *   each row is perturbed differently.
 */
export function foldRawSpace(f: FoldRawSpaceInput): RawFeatureSpace {
  const cols = f.featureNames.length;
  if (f.normalisation === 'corpus-leaky') {
    const corpus = f.corpus;
    if (!corpus) throw new Error('corpus-leaky raw space: no corpus normaliser');
    return { featureNames: f.featureNames, toTrainingSpace: (raw, rows) => corpus.transform(raw, rows) };
  }
  if (!isSpeakerMode(f.normalisation)) return { featureNames: f.featureNames, toTrainingSpace: (raw) => raw };
  const stats = f.speakerMoments;
  if (!stats) throw new Error('speaker-mode raw space: no training speaker statistics');
  return {
    featureNames: f.featureNames,
    toTrainingSpace: (raw, rows, sourceRows) => {
      const out = new Float32Array(rows * cols);
      const byGroup = rowsByGroup(sourceRows.map((r) => f.trainSpeakers[r]));
      for (const [g, idx] of byGroup) applyMoments(raw, out, cols, idx, stats.get(g)!);
      return out;
    },
  };
}

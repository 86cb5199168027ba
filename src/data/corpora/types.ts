/** What every built-in corpus reader and the manifest reader give per utterance. */

export type Gender = 'female' | 'male' | 'unknown';

export interface CorpusUtterance {
  /** Audio file. */
  path: string;
  /** Row id in feature tables (unique within the corpus). */
  id: string;
  /** The corpus's own emotion name (e.g. RAVDESS 'fearful', EMOVO 'gioia' -> written as the English name the corpus documents). */
  emotion: string;
  speaker: string;
  gender: Gender;
  /** Recording session, where the corpus has one (IEMOCAP, MSP-IMPROV). */
  session?: string;
  /** The cross-validation group of the corpus's recommended speaker-independent folds. */
  fold: string;
  /** Further per-utterance facts from the file name (intensity, statement, sentence, ...). */
  extra?: Record<string, string>;
}

export interface CorpusReader {
  /** Name on the command line (`adan run <name> DIR`). */
  name: string;
  /** One line: the corpus and its citation-level identity. */
  title: string;
  /** The folder layout expected, quoted in the error when a folder does not match. */
  layout: string;
  /** What the `fold` column holds: 'speaker' (leave-one-speaker-out) or 'session' (leave-one-session-out). */
  folds: 'speaker' | 'session';
  /** Corpus emotion -> common class; emotions not listed are left out of that class set. */
  common: Readonly<Record<string, CommonClass>>;
  /** Labels that say the raters did not agree (IEMOCAP 'xxx'): never a class, not even with `--classes all`. */
  noAgreement?: readonly string[];
  read(dir: string): CorpusUtterance[];
}

/**
 * The common class sets. 4 classes (angry, happy, neutral, sad) are the set most cross-corpus work uses (IEMOCAP,
 * MSP-IMPROV have only these). 6 classes add fear and disgust, the two further basic emotions present in almost all
 * acted corpora here (EmoDB, RAVDESS, CREMA-D, SAVEE, TESS, EMOVO); surprise is left out because EmoDB, CREMA-D and
 * MSP-IMPROV lack it, and RAVDESS 'calm' and EmoDB 'boredom' have no counterpart elsewhere.
 */
export const COMMON_4 = ['angry', 'happy', 'neutral', 'sad'] as const;
export const COMMON_6 = ['angry', 'happy', 'neutral', 'sad', 'fear', 'disgust'] as const;
export type CommonClass = (typeof COMMON_6)[number];
export type ClassSet = '4' | '6' | 'all';

import type { CorpusReader, CorpusUtterance } from './types.js';
import { nonEmpty, requireFolder, stem, wavsUnder } from './layout.js';

/**
 * TESS (Dupuis & Pichora-Fuller 2010), `OAF_angry/OAF_back_angry.wav`: two female speakers, OAF (aged 64) and YAF
 * (aged 26), "Say the word _" with 200 target words, 7 emotions (angry, disgust, fear, happy, neutral, ps =
 * pleasant surprise, sad). Folder and file names vary in case between copies, so both are matched case-blind.
 * Leave-one-speaker-out (2 folds: train on one speaker, test on the other).
 */
const EMOTIONS: Readonly<Record<string, string>> = {
  angry: 'angry',
  disgust: 'disgust',
  fear: 'fear',
  happy: 'happy',
  neutral: 'neutral',
  ps: 'pleasant_surprise',
  sad: 'sad',
};
const NAME = /^(OAF|YAF)_([a-z]+)_(angry|disgust|fear|happy|neutral|ps|sad)$/i;

export const tess: CorpusReader = {
  name: 'tess',
  title: 'TESS',
  layout: 'folders like OAF_angry, YAF_sad of files named like OAF_back_angry.wav, YAF_bite_ps.wav',
  folds: 'speaker',
  common: { angry: 'angry', disgust: 'disgust', fear: 'fear', happy: 'happy', neutral: 'neutral', sad: 'sad' },
  read(dir: string): CorpusUtterance[] {
    requireFolder(dir, tess);
    const out: CorpusUtterance[] = [];
    for (const w of wavsUnder(dir)) {
      const m = NAME.exec(stem(w.rel));
      if (!m) continue;
      const speaker = m[1].toUpperCase();
      const word = m[2].toLowerCase();
      const code = m[3].toLowerCase();
      const id = `${speaker}_${word}_${code}`;
      out.push({ path: w.path, id, emotion: EMOTIONS[code], speaker, gender: 'female', fold: speaker, extra: { word } });
    }
    return nonEmpty(dir, tess, out);
  },
};

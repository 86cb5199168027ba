import type { CorpusReader, CorpusUtterance } from './types.js';
import { nonEmpty, requireFolder, stem, wavsUnder } from './layout.js';

/**
 * SAVEE (Haq & Jackson 2009), `AudioData/DC/a01.wav`: four male speakers DC, JE, JK, KL; the letters before the
 * sentence number give the emotion (a anger, d disgust, f fear, h happiness, n neutral, sa sadness, su surprise).
 * The flattened copy (`DC_a01.wav`) is read too. Leave-one-speaker-out (4 folds).
 */
const EMOTIONS: Readonly<Record<string, string>> = {
  a: 'anger',
  d: 'disgust',
  f: 'fear',
  h: 'happiness',
  n: 'neutral',
  sa: 'sadness',
  su: 'surprise',
};
const SPEAKERS = ['DC', 'JE', 'JK', 'KL'];
const NESTED = /(?:^|\/)(DC|JE|JK|KL)\/(a|d|f|h|n|sa|su)(\d\d)\.wav$/i;
const FLAT = /^(DC|JE|JK|KL)_(a|d|f|h|n|sa|su)(\d\d)$/i;

export const savee: CorpusReader = {
  name: 'savee',
  title: 'SAVEE',
  layout: 'folders DC, JE, JK, KL of files named like a01.wav, sa03.wav, su15.wav (or flat files DC_a01.wav)',
  folds: 'speaker',
  common: { anger: 'angry', disgust: 'disgust', fear: 'fear', happiness: 'happy', neutral: 'neutral', sadness: 'sad' },
  read(dir: string): CorpusUtterance[] {
    requireFolder(dir, savee);
    const out: CorpusUtterance[] = [];
    for (const w of wavsUnder(dir)) {
      const m = NESTED.exec(w.rel) ?? FLAT.exec(stem(w.rel));
      if (!m) continue;
      const speaker = SPEAKERS.find((s) => s === m[1].toUpperCase())!;
      const code = m[2].toLowerCase();
      const id = `${speaker}_${code}${m[3]}`;
      out.push({ path: w.path, id, emotion: EMOTIONS[code], speaker, gender: 'male', fold: speaker, extra: { sentence: m[3] } });
    }
    return nonEmpty(dir, savee, out);
  },
};

import type { CorpusReader, CorpusUtterance } from './types.js';
import { nonEmpty, requireFolder, stem, wavsUnder } from './layout.js';

/**
 * EMOVO (Costantini et al. 2014), `f1/dis-f1-b1.wav`: Italian, six actors f1-f3 (female) and m1-m3 (male), emotion
 * codes of the Italian names (dis disgusto, gio gioia, neu neutrale, pau paura, rab rabbia, sor sorpresa, tri
 * tristezza), then the actor and the sentence code (b1, l3, n5, ...). Leave-one-speaker-out (6 folds).
 */
const EMOTIONS: Readonly<Record<string, string>> = {
  dis: 'disgust',
  gio: 'joy',
  neu: 'neutral',
  pau: 'fear',
  rab: 'anger',
  sor: 'surprise',
  tri: 'sadness',
};
const NAME = /^(dis|gio|neu|pau|rab|sor|tri)-([fm][1-3])-([a-z]\d)$/i;

export const emovo: CorpusReader = {
  name: 'emovo',
  title: 'EMOVO',
  layout: 'folders f1, f2, f3, m1, m2, m3 of files named like dis-f1-b1.wav',
  folds: 'speaker',
  common: { anger: 'angry', joy: 'happy', neutral: 'neutral', sadness: 'sad', fear: 'fear', disgust: 'disgust' },
  read(dir: string): CorpusUtterance[] {
    requireFolder(dir, emovo);
    const out: CorpusUtterance[] = [];
    for (const w of wavsUnder(dir)) {
      const m = NAME.exec(stem(w.rel));
      if (!m) continue;
      const speaker = m[2].toLowerCase();
      const id = `${m[1].toLowerCase()}-${speaker}-${m[3].toLowerCase()}`;
      const gender = speaker[0] === 'f' ? 'female' : 'male';
      const emotion = EMOTIONS[m[1].toLowerCase()];
      out.push({ path: w.path, id, emotion, speaker, gender, fold: speaker, extra: { sentence: m[3].toLowerCase() } });
    }
    return nonEmpty(dir, emovo, out);
  },
};

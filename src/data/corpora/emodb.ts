import { emodbCorpus } from '../emodb-corpus.js';
import type { CorpusReader, CorpusUtterance } from './types.js';
import { requireFolder } from './layout.js';

/** EmoDB (Burkhardt et al. 2005) through the existing reader (`03a01Fa.wav`): leave-one-speaker-out (10 folds). */
export const emodb: CorpusReader = {
  name: 'emodb',
  title: 'EmoDB',
  layout: 'a folder (or its wav/ subfolder) of files named like 03a01Fa.wav',
  folds: 'speaker',
  common: { anger: 'angry', happiness: 'happy', neutral: 'neutral', sadness: 'sad', fear: 'fear', disgust: 'disgust' },
  read(dir: string): CorpusUtterance[] {
    requireFolder(dir, emodb);
    return emodbCorpus(dir).files.map((f) => ({
      path: f.path,
      id: f.id,
      emotion: f.emotion,
      speaker: f.speaker,
      gender: f.gender,
      fold: f.speaker,
      extra: { text: f.text },
    }));
  },
};

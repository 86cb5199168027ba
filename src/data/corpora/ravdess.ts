import type { CorpusReader, CorpusUtterance } from './types.js';
import { nonEmpty, requireFolder, stem, wavsUnder } from './layout.js';

/**
 * RAVDESS (Livingstone & Russo 2018), audio-only files `Actor_12/03-01-05-01-02-01-12.wav`: modality (03 = audio
 * only) - vocal channel (01 speech, 02 song) - emotion - intensity (01 normal, 02 strong) - statement (01 "Kids are
 * talking by the door", 02 "Dogs are sitting by the door") - repetition - actor (01-24, odd = male, even = female).
 * No recommended split is published: leave-one-actor-out.
 */
const EMOTIONS: Readonly<Record<string, string>> = {
  '01': 'neutral',
  '02': 'calm',
  '03': 'happy',
  '04': 'sad',
  '05': 'angry',
  '06': 'fearful',
  '07': 'disgust',
  '08': 'surprised',
};
const NAME = /^(0[1-3])-(0[12])-(0[1-8])-(0[12])-(0[12])-(0[12])-(\d\d)$/;

export const ravdess: CorpusReader = {
  name: 'ravdess',
  title: 'RAVDESS',
  layout: 'Actor_01 .. Actor_24 folders (or one folder) of files named like 03-01-05-01-02-01-12.wav',
  folds: 'speaker',
  common: { neutral: 'neutral', happy: 'happy', sad: 'sad', angry: 'angry', fearful: 'fear', disgust: 'disgust' },
  read(dir: string): CorpusUtterance[] {
    requireFolder(dir, ravdess);
    const out: CorpusUtterance[] = [];
    for (const w of wavsUnder(dir)) {
      const m = NAME.exec(stem(w.rel));
      // Video-only (02) files carry no audio; full-AV (01) .wav files do not exist in the release.
      if (!m || m[1] === '02') continue;
      const actor = Number(m[7]);
      if (actor < 1 || actor > 24) continue;
      const speaker = m[7];
      out.push({
        path: w.path,
        id: stem(w.rel),
        emotion: EMOTIONS[m[3]],
        speaker,
        gender: actor % 2 === 1 ? 'male' : 'female',
        fold: speaker,
        extra: {
          channel: m[2] === '01' ? 'speech' : 'song',
          intensity: m[4] === '01' ? 'normal' : 'strong',
          statement: m[5],
          repetition: m[6],
        },
      });
    }
    return nonEmpty(dir, ravdess, out);
  },
};

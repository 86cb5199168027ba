import { iemocapCorpus } from '../iemocap-corpus.js';
import type { CorpusReader, CorpusUtterance } from './types.js';
import { nonEmpty, requireFolder } from './layout.js';

/**
 * IEMOCAP (Busso et al. 2008) through the existing reader: every labelled turn whose WAV is present, with the
 * release's own labels (neu, hap, exc, ang, sad, fru, ...); leave-one-session-out (5 folds). `adan reproduce
 * iemocap` stays the paper's protocol (4 classes, ADAN on improvised turns).
 */
export const iemocap: CorpusReader = {
  name: 'iemocap',
  title: 'IEMOCAP',
  layout: 'the release folder with Session1..5/dialog/EmoEvaluation/*.txt and Session*/sentences/wav/',
  folds: 'session',
  common: { ang: 'angry', hap: 'happy', neu: 'neutral', sad: 'sad', fea: 'fear', dis: 'disgust' },
  noAgreement: ['xxx'],
  read(dir: string): CorpusUtterance[] {
    requireFolder(dir, iemocap);
    const utts = iemocapCorpus(dir, { fourClass: false, requireAudio: true }).map((u) => ({
      path: u.wav,
      id: u.id,
      emotion: u.label,
      speaker: u.speaker,
      gender: u.gender === 'F' ? ('female' as const) : ('male' as const),
      session: String(u.session),
      fold: String(u.session),
      extra: { type: u.type },
    }));
    return nonEmpty(dir, iemocap, utts);
  },
};

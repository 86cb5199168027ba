import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { fileError } from '../../util/errors.js';
import type { CorpusReader, CorpusUtterance, Gender } from './types.js';
import { nonEmpty, requireFolder, stem, wavsUnder } from './layout.js';

/**
 * CREMA-D (Cao et al. 2014), `AudioWAV/1001_DFA_ANG_XX.wav`: actor (1001-1091) _ sentence (12 codes) _ emotion
 * (ANG, DIS, FEA, HAP, NEU, SAD) _ level (LO, MD, HI, XX = unspecified). Gender comes from the release's
 * `VideoDemographics.csv` (ActorID, Age, Sex, ...) beside AudioWAV/ (else 'unknown'). No official split: leave-one-
 * actor-out (91 folds; `--speaker-folds K` groups the actors into K folds).
 */
const EMOTIONS: Readonly<Record<string, string>> = { ANG: 'anger', DIS: 'disgust', FEA: 'fear', HAP: 'happy', NEU: 'neutral', SAD: 'sad' };
const LEVELS: Readonly<Record<string, string>> = { LO: 'low', MD: 'medium', HI: 'high', XX: 'unspecified' };
const NAME = /^(1\d{3})_([A-Z]{3})_(ANG|DIS|FEA|HAP|NEU|SAD)_(LO|MD|HI|XX)$/;

/** ActorID -> gender from VideoDemographics.csv. */
export function cremaDemographics(file: string): Map<string, Gender> {
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  } catch (e) {
    throw fileError(file, `not a valid CSV (${(e as Error).message.split('\n')[0]})`);
  }
  if (rows.length === 0 || !('ActorID' in rows[0]) || !('Sex' in rows[0])) throw fileError(file, 'expected the columns ActorID and Sex');
  const out = new Map<string, Gender>();
  for (const r of rows) {
    const s = r.Sex.toLowerCase();
    out.set(r.ActorID, s === 'female' ? 'female' : s === 'male' ? 'male' : 'unknown');
  }
  return out;
}

export const cremaD: CorpusReader = {
  name: 'crema-d',
  title: 'CREMA-D',
  layout: 'AudioWAV/ with files named like 1001_DFA_ANG_XX.wav, and VideoDemographics.csv beside it for gender',
  folds: 'speaker',
  common: { anger: 'angry', disgust: 'disgust', fear: 'fear', happy: 'happy', neutral: 'neutral', sad: 'sad' },
  read(dir: string): CorpusUtterance[] {
    requireFolder(dir, cremaD);
    const demo = [join(dir, 'VideoDemographics.csv'), join(dir, '..', 'VideoDemographics.csv')].find((p) => existsSync(p));
    const gender = demo ? cremaDemographics(demo) : new Map<string, Gender>();
    const out: CorpusUtterance[] = [];
    for (const w of wavsUnder(dir)) {
      const m = NAME.exec(stem(w.rel));
      if (!m) continue;
      out.push({
        path: w.path,
        id: stem(w.rel),
        emotion: EMOTIONS[m[3]],
        speaker: m[1],
        gender: gender.get(m[1]) ?? 'unknown',
        fold: m[1],
        extra: { sentence: m[2], level: LEVELS[m[4]] },
      });
    }
    return nonEmpty(dir, cremaD, out);
  },
};

import type { FeatureTable } from './table.js';

/** EmoDB emotion codes (6th character of the file name) and the English class names used throughout adan. */
export const EMODB_EMOTIONS: Readonly<Record<string, string>> = {
  W: 'anger',
  L: 'boredom',
  E: 'disgust',
  A: 'fear',
  F: 'happiness',
  T: 'sadness',
  N: 'neutral',
};

export const EMODB_SPEAKERS = ['03', '08', '09', '10', '11', '12', '13', '14', '15', '16'] as const;
const FEMALE = new Set(['08', '09', '13', '14', '16']);

export interface EmodbUtterance {
  id: string;
  speaker: string;
  gender: 'female' | 'male';
  text: string;
  emotion: string;
  version: string;
}

/** Parses an EmoDB file name such as `03a01Fa` (speaker 03, text a01, emotion F = happiness, version a). */
export function parseEmodbName(id: string): EmodbUtterance | null {
  const m = /^(\d\d)([ab]\d\d)([WLEAFTN])([a-z])$/.exec(id);
  if (!m) return null;
  return { id, speaker: m[1], gender: FEMALE.has(m[1]) ? 'female' : 'male', text: m[2], emotion: EMODB_EMOTIONS[m[3]], version: m[4] };
}

/** Adds EmoDB's label, speaker, gender and text columns to a table whose ids are EmoDB file names. */
export function withEmodbMeta(t: FeatureTable): FeatureTable {
  const parsed = t.ids.map((id) => {
    const p = parseEmodbName(id);
    if (!p) throw new Error(`'${id}' is not an EmoDB file name (expected e.g. 03a01Fa)`);
    return p;
  });
  return {
    ...t,
    meta: {
      ...t.meta,
      label: parsed.map((p) => p.emotion),
      speaker: parsed.map((p) => p.speaker),
      gender: parsed.map((p) => p.gender),
      text: parsed.map((p) => p.text),
    },
  };
}

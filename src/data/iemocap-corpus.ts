import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, fileError } from '../util/errors.js';

export interface IemocapUtterance {
  id: string;
  session: number;
  dialog: string;
  /** Session + the letter before the turn number (Ses03M_impro05a_F012 -> Ses03F), not the dialog's letter (M here). */
  speaker: string;
  gender: 'F' | 'M';
  type: 'impro' | 'script';
  /** The majority label as EmoEvaluation writes it (neu, hap, exc, ang, sad, fru, xxx, ...). */
  label: string;
  start: number;
  end: number;
  valence: number;
  activation: number;
  dominance: number;
  /** `Session<s>/sentences/wav/<dialog>/<id>.wav` under the release root. */
  wav: string;
}

/** The 4 classes of the paper (III-A: angry, happy, neutral, sad; 'excited' not merged into happy: 4490 utterances). */
export const IEMOCAP_4_CLASSES = ['ang', 'hap', 'neu', 'sad'] as const;

const LINE = /^\[(\d+(?:\.\d+)?) - (\d+(?:\.\d+)?)\]\s+(\S+)\s+(\S+)\s+\[([\d.]+),\s*([\d.]+),\s*([\d.]+)\]/;

/** Parses an utterance id such as Ses03M_impro05a_F012. */
export function parseIemocapId(id: string): Pick<IemocapUtterance, 'session' | 'dialog' | 'speaker' | 'gender' | 'type'> | null {
  const m = /^Ses(\d\d)[FM]_(.+)_([FM])(\d+)$/.exec(id);
  if (!m) return null;
  const dialog = id.slice(0, id.lastIndexOf('_'));
  return {
    session: Number(m[1]),
    dialog,
    speaker: `Ses${m[1]}${m[3]}`,
    gender: m[3] as 'F' | 'M',
    type: /_impro/.test(dialog) ? 'impro' : 'script',
  };
}

/** The summary lines (`[start - end]\tid\tlabel\t[V, A, D]`) of one EmoEvaluation file. */
export function parseEmoEvaluation(text: string, root: string, file = 'EmoEvaluation'): IemocapUtterance[] {
  const out: IemocapUtterance[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('[')) continue;
    const m = LINE.exec(line);
    if (!m) throw fileError(file, `unrecognised label line: ${line.slice(0, 80)}`);
    const id = m[3];
    const p = parseIemocapId(id);
    if (!p) throw fileError(file, `unrecognised utterance id '${id}'`);
    out.push({
      id,
      ...p,
      label: m[4],
      start: Number(m[1]),
      end: Number(m[2]),
      valence: Number(m[5]),
      activation: Number(m[6]),
      dominance: Number(m[7]),
      wav: join(root, `Session${p.session}`, 'sentences', 'wav', p.dialog, `${id}.wav`),
    });
  }
  return out;
}

export interface IemocapOptions {
  /** Keep only the paper's 4 classes (ang, hap, neu, sad); default true. */
  fourClass?: boolean;
  /** Relabel 'exc' as 'hap' before selecting (5531 instead of 4490 utterances); default false (the paper). */
  mergeExcited?: boolean;
  /** Keep only utterances whose WAV exists; default false. */
  requireAudio?: boolean;
  /** Sessions to read; default 1..5. */
  sessions?: number[];
}

/**
 * IEMOCAP from its release tree: labels from `Session1..5/dialog/EmoEvaluation/*.txt`, audio paths
 * `Session*\/sentences/wav/<dialog>/<utt>.wav`, session, speaker, gender and improvised/scripted from the ids.
 */
export function iemocapCorpus(root: string, opts: IemocapOptions = {}): IemocapUtterance[] {
  if (!existsSync(root)) throw new UserError(`${root}: no such folder`);
  const sessions = opts.sessions ?? [1, 2, 3, 4, 5];
  let all: IemocapUtterance[] = [];
  for (const s of sessions) {
    const dir = join(root, `Session${s}`, 'dialog', 'EmoEvaluation');
    if (!existsSync(dir)) throw new UserError(`${root}: missing Session${s}/dialog/EmoEvaluation (is this the IEMOCAP release folder?)`);
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.txt') && n.startsWith('Ses'))
      .sort()) {
      all.push(...parseEmoEvaluation(readFileSync(join(dir, f), 'utf8'), root, join(dir, f)));
    }
  }
  if (opts.mergeExcited) all = all.map((u) => (u.label === 'exc' ? { ...u, label: 'hap' } : u));
  if (opts.fourClass ?? true) all = all.filter((u) => (IEMOCAP_4_CLASSES as readonly string[]).includes(u.label));
  if (opts.requireAudio) all = all.filter((u) => existsSync(u.wav));
  return all;
}

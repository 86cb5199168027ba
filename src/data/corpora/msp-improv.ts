import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, fileError } from '../../util/errors.js';
import type { CorpusReader, CorpusUtterance } from './types.js';
import { requireFolder, nonEmpty, stem, wavsUnder } from './layout.js';

/**
 * MSP-IMPROV (Busso et al. 2017) release layout: `Audio/session1/S01A/S/MSP-IMPROV-S01A-F01-S-FM01.wav` and one
 * consensus label file `Evalution.txt` (spelled so in the release) with lines
 * `UTD-IMPROV-S01A-F01-S-FM01.avi; N; A:3.0; V:3.5; D:3.0;`. Fields of the id: sentence + scenario (S01A), actor
 * (F01..F06, M01..M06; actors F0k and M0k form session k), recording part (R, S, P, T), turn. Consensus codes:
 * A angry, H happy, S sad, N neutral (X = no agreement). Leave-one-session-out (6 folds), as for IEMOCAP.
 */
const EMOTIONS: Readonly<Record<string, string>> = { A: 'angry', H: 'happy', S: 'sad', N: 'neutral', X: 'no-agreement' };
const ID = /^(?:UTD|MSP)-IMPROV-(S\d\d)([A-Z])-([FM])(0[1-6])-([A-Z])-([A-Za-z0-9]+)$/;

export const mspImprov: CorpusReader = {
  name: 'msp-improv',
  title: 'MSP-IMPROV',
  layout: 'Evalution.txt (consensus labels) and Audio/session1..6/ with files named like MSP-IMPROV-S01A-F01-S-FM01.wav',
  folds: 'session',
  common: { angry: 'angry', happy: 'happy', sad: 'sad', neutral: 'neutral' },
  noAgreement: ['no-agreement'],
  read(dir: string): CorpusUtterance[] {
    requireFolder(dir, mspImprov);
    const labelFile = ['Evalution.txt', 'Evaluation.txt'].map((n) => join(dir, n)).find((p) => existsSync(p));
    if (!labelFile) throw new UserError(`${dir}: no Evalution.txt (expected MSP-IMPROV: ${mspImprov.layout})`);
    const audio = new Map(wavsUnder(dir).map((w) => [stem(w.rel), w.path]));
    const out: CorpusUtterance[] = [];
    readFileSync(labelFile, 'utf8')
      .split(/\r?\n/)
      .forEach((line, i) => {
        const fields = line.split(';').map((s) => s.trim());
        if (fields.length < 2 || !/^(UTD|MSP)-IMPROV-/.test(fields[0])) return;
        const clip = fields[0].replace(/\.(avi|wav)$/i, '');
        const m = ID.exec(clip);
        if (!m) throw fileError(labelFile, `line ${i + 1}: unrecognised clip id '${fields[0]}'`);
        const id = clip.replace(/^UTD-/, 'MSP-');
        const path = audio.get(id);
        if (!path) return;
        const speaker = `${m[3]}${m[4]}`;
        const session = String(Number(m[4]));
        out.push({
          path,
          id,
          emotion: EMOTIONS[fields[1].toUpperCase()] ?? `other-${fields[1]}`,
          speaker,
          gender: m[3] === 'F' ? 'female' : 'male',
          session,
          fold: session,
          extra: { sentence: m[1], scenario: m[2], part: m[5] },
        });
      });
    return nonEmpty(dir, { title: 'MSP-IMPROV', layout: `${mspImprov.layout}; no labelled clip of ${labelFile} has its audio file` }, out);
  },
};

import { UserError } from '../../util/errors.js';
import { casia } from './casia.js';
import { cremaD } from './crema-d.js';
import { emodb } from './emodb.js';
import { emovo } from './emovo.js';
import { iemocap } from './iemocap.js';
import { mspImprov } from './msp-improv.js';
import { ravdess } from './ravdess.js';
import { savee } from './savee.js';
import { tess } from './tess.js';
import type { CorpusReader } from './types.js';

export type { CorpusReader, CorpusUtterance, ClassSet, Gender, CommonClass } from './types.js';
export { COMMON_4, COMMON_6 } from './types.js';
export { labelUtterances, parseClassSet, classesOf, presentClasses, type LabelledUtterance } from './classes.js';
export { readManifest, type Manifest, type ManifestRow } from './manifest.js';
export { recordedMetaColumns, metaSidecarPath } from './table-meta.js';

/** The built-in corpus readers, by command-line name. */
export const CORPUS_READERS: readonly CorpusReader[] = [emodb, iemocap, ravdess, cremaD, savee, tess, emovo, casia, mspImprov];

export function corpusReader(name: string): CorpusReader {
  const r = CORPUS_READERS.find((c) => c.name === name.toLowerCase());
  if (!r) throw new UserError(`unknown corpus '${name}' (choose ${CORPUS_READERS.map((c) => c.name).join(', ')} or manifest)`);
  return r;
}

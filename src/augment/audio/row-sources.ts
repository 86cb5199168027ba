import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../util/errors.js';
import type { Dataset } from '../../data/dataset.js';

/** Extensions tried after `<audio dir>/<id>` (the formats the synchronous decoder reads). */
const EXTENSIONS = ['.wav', '.WAV', '.wave', '.aif', '.aiff', '.aifc', ''];

/**
 * The source audio of every training row: the fold's `sources` when the rows carry them, else
 * `<audioDir>/<id>.wav` (or .aif/.aiff; ids of manifest tables are relative paths without extension). A row
 * without audio is a one-line error naming the file looked for.
 */
export function rowSources(train: Dataset, audioDir: string | undefined): string[] {
  if (train.sources) return [...train.sources];
  if (!train.ids) throw new UserError('perturb augmenter: the training rows carry no ids, so their audio cannot be found');
  if (audioDir === undefined) {
    throw new UserError('perturb augmenter: needs the source audio: give --audio-dir (the folder of <id>.wav files)');
  }
  if (!existsSync(audioDir)) throw new UserError(`${audioDir}: no such audio folder (--audio-dir)`);
  return train.ids.map((id) => {
    const found = EXTENSIONS.map((e) => join(audioDir, id + e)).find((p) => statSync(p, { throwIfNoEntry: false })?.isFile());
    if (!found) throw new UserError(`${join(audioDir, id + '.wav')}: no such audio file (the source of row '${id}', --audio-dir)`);
    return found;
  });
}

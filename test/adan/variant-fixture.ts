// Shared by the variant tests: every 2nd EmoDB IS11 utterance (all 4368 features, 7 classes) and reduced nets.
import { join } from 'node:path';
import { readCsvTable } from '../../src/data/read-table.js';
import { withEmodbMeta } from '../../src/data/emodb-names.js';
import { selectRows, type FeatureTable } from '../../src/data/table.js';
import { sharedDir } from '../../src/util/paths.js';
import type { AdanOptions } from '../../src/adan/index.js';

export function halfEmodbIs11(): FeatureTable {
  const full = withEmodbMeta(readCsvTable(join(sharedDir(), 'data/emodb/opensmile/IS11.csv')));
  return selectRows(
    full,
    full.ids.map((_, i) => i).filter((i) => i % 2 === 0),
  );
}
export const K = 7;
export const small: Partial<AdanOptions> = { batchSize: 32, lr: 5e-4, encoderHidden: [128], decoderHidden: [128], latent: 16, noise: 16 };

import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { AdanOptions } from './options.js';

/**
 * One epoch of ADAN training: the mean over the epoch's iterations of every loss (paper Fig. 2) and of D's mean
 * output on real and fake codes (sigmoid probabilities for 'gan', raw critic values for 'wgan-gp').
 * reconMse is in the model's scaled input space (z-scores, or max-abs scaled z-scores for `official`).
 */
export interface EpochLog {
  epoch: number;
  dLoss: number;
  gAdvLoss: number;
  gClsLoss: number;
  reconMse: number;
  cLoss: number;
  cAcc: number;
  dReal: number;
  dFake: number;
  seconds: number;
}

export const EPOCH_LOG_COLUMNS: readonly (keyof EpochLog)[] = [
  'epoch',
  'dLoss',
  'gAdvLoss',
  'gClsLoss',
  'reconMse',
  'cLoss',
  'cAcc',
  'dReal',
  'dFake',
  'seconds',
];

export function trainingLogCsv(log: readonly EpochLog[]): string {
  const lines = [EPOCH_LOG_COLUMNS.join(',')];
  for (const e of log) lines.push(EPOCH_LOG_COLUMNS.map((c) => String(e[c])).join(','));
  return lines.join('\n') + '\n';
}

/** Writes `training-log.json` ({ preset, options, epochs }) and `training-log.csv` into `dir` (names fixed: the report reads them). */
export function writeTrainingLog(dir: string, options: AdanOptions, log: readonly EpochLog[]): void {
  writeFileAtomic(join(dir, 'training-log.json'), JSON.stringify({ preset: options.preset, options, epochs: log }, null, 1) + '\n');
  writeFileAtomic(join(dir, 'training-log.csv'), trainingLogCsv(log));
}

import type { MaxAbsScaler, Standardizer } from '../data/standardizer.js';
import type { AdanArchitecture, AdanNets } from './networks.js';
import type { AdanOptions } from './options.js';
import type { EpochLog } from './training-log.js';

/** The trained state a model folder holds (see persist.ts). */
export interface AdanModelParts {
  options: AdanOptions;
  seed: number;
  classNames: string[];
  featureNames: string[];
  classCounts: number[];
  log: EpochLog[];
  nets: AdanNets;
  architecture: AdanArchitecture;
  standardizer: Standardizer;
  maxAbs: MaxAbsScaler | null;
  stoppedEarly: boolean;
}

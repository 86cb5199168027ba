// Public library API of adan. Each stage re-exports its typed entry points here.
export { UserError } from './util/errors.js';
export {
  AdanModel,
  adanOptions,
  augmentTable,
  ADAN_PRESET_NAMES,
  type AdanOptions,
  type AdanPresetName,
  type EpochLog,
  type FitCallbacks,
  type SampleMode,
} from './adan/index.js';
export { Standardizer, MaxAbsScaler, type StandardizerState, type MaxAbsScalerState } from './data/standardizer.js';

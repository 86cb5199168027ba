/**
 * Registry of feature sets. Each set lives in its own file and is added here with one line.
 */
import { UserError } from '../../util/errors.js';
import { FEATURE_SET_NAMES, type FeatureSet, type FeatureSetName } from './types.js';
import { is10Set } from './is10.js';
import { is11Set } from './is11.js';
import { is09Set } from './is09.js';
import { egemapsSet } from './egemaps.js';

export type { FeatureSet, FeatureSetName, FeatureSetOutput, LldOutput, ExtractSetOptions } from './types.js';
export { FEATURE_SET_NAMES } from './types.js';

// One line per set (keep it that way so several people can add theirs).
const REGISTRY: Partial<Record<FeatureSetName, FeatureSet>> = {
  IS10: is10Set,
  IS11: is11Set,
  IS09: is09Set,
  eGeMAPS: egemapsSet,
};

/** Whether s names a feature set (available or not). */
export function isFeatureSetName(s: string): s is FeatureSetName {
  return (FEATURE_SET_NAMES as readonly string[]).includes(s);
}

/** The registered feature sets, in FEATURE_SET_NAMES order. */
export function availableFeatureSets(): FeatureSetName[] {
  return FEATURE_SET_NAMES.filter((n) => REGISTRY[n] !== undefined);
}

/** The registered set called name; throws UserError when the set is not available. */
export function getFeatureSet(name: FeatureSetName): FeatureSet {
  const set = REGISTRY[name];
  if (!set) throw new UserError(`feature set ${name} is not available yet (available: ${availableFeatureSets().join(', ')})`);
  return set;
}

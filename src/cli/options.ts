import { FEATURE_SET_NAMES, availableFeatureSets, isFeatureSetName, type FeatureSetName } from '../features/index.js';
import { UserError } from '../util/errors.js';

/**
 * Parsing of CLI flag values, one rule and one wording per kind for every command. Each returns undefined when
 * the flag was not given, so callers write `intOption(f.x, '--x', 1) ?? default`.
 */

/** An integer >= min (`--epochs`, `--folds`, `--repeats`, ...). */
export function intOption(v: string | undefined, flag: string, min = 0): number | undefined {
  if (v === undefined) return undefined;
  const n = v.trim() === '' ? NaN : Number(v);
  if (!Number.isSafeInteger(n) || n < min) throw new UserError(`${flag} must be an integer >= ${min} (got '${v}')`);
  return n;
}

/** A random seed: a non-negative integer, the same rule in every command. */
export function seedOption(v: string | undefined, flag = '--seed'): number | undefined {
  return intOption(v, flag, 0);
}

/** A finite number > 0 (`--svm-c`, `--times`). */
export function positiveOption(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = v.trim() === '' ? NaN : Number(v);
  if (!Number.isFinite(n) || !(n > 0)) throw new UserError(`${flag} must be a positive number (got '${v}')`);
  return n;
}

/** A finite number >= 0 (`--noise-std`). */
export function nonNegativeOption(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = v.trim() === '' ? NaN : Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UserError(`${flag} must be a number >= 0 (got '${v}')`);
  return n;
}

/** A comma-separated list of allowed names, deduplicated in order. */
export function listOption(v: string, flag: string, allowed: readonly string[]): string[] {
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw new UserError(`${flag}: empty list`);
  for (const i of items) if (!allowed.includes(i)) throw new UserError(`${flag}: unknown value '${i}' (expected ${allowed.join(', ')})`);
  return [...new Set(items)];
}

/** `--meta-cols a,b`: column names (no validation against the table here; the reader uses them by name). */
export function namesOption(v: string | undefined): string[] {
  return v === undefined
    ? []
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

/** `--set '{"lr":2e-4}'`: a JSON object of option overrides (validated later with the preset). */
export function jsonOverridesOption(v: string | undefined, flag: string): Record<string, unknown> {
  if (v === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch (err) {
    throw new UserError(`${flag}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UserError(`${flag}: expected a JSON object of option overrides`);
  }
  return parsed as Record<string, unknown>;
}

/** `--set`: a feature set that exists and is available, or a one-line error listing them. */
export function featureSetOption(v: string): FeatureSetName {
  if (!isFeatureSetName(v)) throw new UserError(`--set: unknown feature set '${v}' (choose ${FEATURE_SET_NAMES.join(', ')})`);
  if (!availableFeatureSets().includes(v)) {
    throw new UserError(`--set: feature set ${v} is not available yet (available: ${availableFeatureSets().join(', ')})`);
  }
  return v;
}

import { UserError } from '../util/errors.js';
import { compareWithBaselines, summarise, type FoldPredictions, type TrainOn } from './results.js';
import type { EvaluationResults } from './protocol.js';
import { innerCheckWarning, mergeInnerResults } from './inner-search.js';
import type { FoldAugmentChoice } from './augment-search.js';
import { mergeEstimatorSearch } from './estimator-search.js';

/** `--augment auto` choices of several pieces or method groups: each (fold, classifier, train-on) once, in fold order. */
function mergeAugmentSearch(parts: readonly { augmentSearch?: FoldAugmentChoice[] }[]): { augmentSearch?: FoldAugmentChoice[] } {
  const all = parts.flatMap((p) => p.augmentSearch ?? []);
  const byKey = new Map(all.map((c) => [`${c.fold}/${c.classifier}/${c.trainOn}`, c]));
  const out = [...byKey.values()].sort((a, b) => a.fold - b.fold);
  return out.length ? { augmentSearch: out } : {};
}

/** Config keys that legitimately differ between the pieces of one experiment. */
const PIECE_KEYS = new Set(['fold', 'repeat', 'saveModels', 'json']);

function comparable(config: Record<string, unknown>): string {
  const entries = Object.entries(config)
    .filter(([k]) => !PIECE_KEYS.has(k))
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

/**
 * Combines partial results (`adan evaluate --fold i --repeat j`) into one: predictions are pooled per method
 * and every metric is recomputed from them, so merging all pieces equals the whole run. Pieces must share the
 * configuration (apart from fold/repeat) and the dataset.
 */
export function mergeResults(parts: EvaluationResults[], names: string[] = parts.map((_, i) => `part ${i + 1}`)): EvaluationResults {
  if (parts.length === 0) throw new UserError('merge: no input files');
  const ref = parts[0];
  const refConfig = comparable(ref.config);
  const refData = JSON.stringify(ref.dataset);
  parts.forEach((p, i) => {
    if (p.tool !== 'adan' || !Array.isArray(p.results)) throw new UserError(`${names[i]}: not an adan results file`);
    if (comparable(p.config) !== refConfig)
      throw new UserError(`${names[i]}: configuration differs from ${names[0]} (only fold/repeat may differ)`);
    if (JSON.stringify(p.dataset) !== refData) throw new UserError(`${names[i]}: dataset differs from ${names[0]}`);
  });
  const classes = ref.dataset.classes.length;
  const byMethod = new Map<string, { augment: string; classifier: string; trainOn: TrainOn; preds: Map<string, FoldPredictions> }>();
  const warnings = new Set<string>(parts.flatMap((p) => p.warnings ?? []));
  parts.forEach((p, i) => {
    for (const r of p.results) {
      if (!Array.isArray(r.predictions))
        throw new UserError(`${names[i]}: result ${r.augment}/${r.classifier}/${r.trainOn} has no per-fold predictions`);
      const k = `${r.augment}/${r.classifier}/${r.trainOn}`;
      if (!byMethod.has(k)) byMethod.set(k, { augment: r.augment, classifier: r.classifier, trainOn: r.trainOn, preds: new Map() });
      const m = byMethod.get(k)!;
      for (const fp of r.predictions) {
        const pk = `${fp.repeat}/${fp.fold}`;
        const prev = m.preds.get(pk);
        if (prev && JSON.stringify(prev.pred) !== JSON.stringify(fp.pred)) {
          throw new UserError(`${names[i]}: repeat ${fp.repeat} fold ${fp.fold} of ${k} appears twice with different predictions`);
        }
        m.preds.set(pk, fp);
      }
    }
  });
  const results = [...byMethod.values()].map((m) =>
    summarise({ augment: m.augment, classifier: m.classifier, trainOn: m.trainOn }, [...m.preds.values()], classes),
  );
  const repeats = Number(ref.config.repeats ?? 1);
  const groups = ref.dataset.groups.length;
  const have = new Set(results.flatMap((r) => r.predictions.map((p) => `${p.repeat}/${p.fold}`)));
  const missing: string[] = [];
  for (let r = 0; r < repeats; r++) for (let f = 0; f < groups; f++) if (!have.has(`${r}/${f}`)) missing.push(`repeat ${r} fold ${f}`);
  const methodsComplete = results.every((r) => r.predictions.length === have.size);
  if (missing.length > 0)
    warnings.add(`incomplete: missing ${missing.length} piece(s): ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}`);
  if (!methodsComplete) warnings.add('incomplete: some methods lack pieces that others have');
  const inner = mergeInnerResults(parts);
  const checkWarning = inner.innerCheck && missing.length === 0 ? innerCheckWarning(inner.innerCheck) : null;
  if (checkWarning) warnings.add(checkWarning);
  const config = Object.fromEntries(Object.entries(ref.config).filter(([k]) => k !== 'fold' && k !== 'repeat'));
  const pieces = [...have].map((s) => s.split('/').map(Number)).map(([repeat, fold]) => ({ repeat, fold }));
  pieces.sort((a, b) => a.repeat - b.repeat || a.fold - b.fold);
  return {
    tool: 'adan',
    version: ref.version,
    created: new Date().toISOString(),
    backend: ref.backend,
    config,
    dataset: ref.dataset,
    ...(ref.protocol ? { protocol: ref.protocol } : {}),
    ...(missing.length > 0 ? { partial: { pieces } } : {}),
    warnings: [...warnings],
    results,
    comparisons: compareWithBaselines(results),
    ...inner,
    ...mergeAugmentSearch(parts),
    ...mergeEstimatorSearch(parts),
    ...(ref.paper ? { paper: ref.paper } : {}),
  };
}

/**
 * Joins results of different methods on the same dataset and protocol (e.g. one merged file per augmenter) into one
 * document: results side by side, significance recomputed against the shared no-augmentation baselines.
 */
export function combineMethods(parts: EvaluationResults[], names: string[] = parts.map((_, i) => `part ${i + 1}`)): EvaluationResults {
  if (parts.length === 0) throw new UserError('combine: no results');
  const ref = parts[0];
  const seen = new Map<string, string>();
  parts.forEach((p, i) => {
    if (JSON.stringify(p.dataset) !== JSON.stringify(ref.dataset)) throw new UserError(`${names[i]}: dataset differs from ${names[0]}`);
    if (p.protocol !== ref.protocol) throw new UserError(`${names[i]}: protocol ${p.protocol} differs from ${names[0]} (${ref.protocol})`);
    for (const r of p.results) {
      const k = `${r.augment}/${r.classifier}/${r.trainOn}`;
      if (seen.has(k)) throw new UserError(`${names[i]}: method ${k} is also in ${seen.get(k)}`);
      seen.set(k, names[i]);
    }
  });
  const results = parts.flatMap((p) => p.results);
  const augment = [...new Set(parts.flatMap((p) => (Array.isArray(p.config.augment) ? (p.config.augment as string[]) : [])))];
  const autoCandidates = parts.find((p) => p.config.autoCandidates !== undefined)?.config.autoCandidates;
  return {
    ...ref,
    created: new Date().toISOString(),
    config: { ...ref.config, augment, ...(autoCandidates !== undefined ? { autoCandidates } : {}) },
    ...(parts.some((p) => p.partial) ? { partial: { pieces: parts.flatMap((p) => p.partial?.pieces ?? []) } } : {}),
    warnings: [...new Set(parts.flatMap((p) => p.warnings))],
    results,
    comparisons: compareWithBaselines(results),
    ...mergeAugmentSearch(parts),
  };
}

// What a run chose inside its outer training folds (`--svm-c auto` / `--svm-gamma search`, `--enrol-estimator
// search`, `--augment auto`): one summary line per kind of choice (the text output and the report) and one row per
// outer fold and choice (the report's per-fold table). A number chosen on the training speakers is part of the
// protocol, so a reader must be able to see every choice and the inner scores it was made on.
import { chosenCountsText } from './results.js';

/** An SVM setting as the results JSON holds it (FoldSearch.chosen). */
interface SvmSetting {
  readonly C?: number;
  readonly gamma?: number;
}

/** The fields of a results document that hold inner choices (EvaluationResults, or the report's parsed copy). */
export interface ChoiceSource {
  readonly config: Readonly<Record<string, unknown>>;
  readonly search?: readonly {
    fold: number;
    group: string;
    classifier: string;
    chosen: SvmSetting;
    innerWa: number;
    grid: readonly { values: SvmSetting; wa: number }[];
  }[];
  readonly estimatorSearch?: readonly {
    fold: number;
    group: string;
    classifier: string;
    chosen: string;
    innerWa: number;
    candidates: readonly { estimator: string; wa: number }[];
  }[];
  readonly augmentSearch?: readonly {
    fold: number;
    group: string;
    classifier: string;
    trainOn: string;
    chosen: string;
    innerWa: number;
    candidates: readonly { augment: string; wa: number }[];
    skipped?: readonly { augment: string; reason: string }[];
  }[];
}

export type ChoiceKind = 'SVM settings' | 'enrolment estimator' | 'augmenter';

/** One choice of one outer fold, with every candidate's pooled inner WA. */
export interface FoldChoiceRow {
  fold: number;
  group: string;
  kind: ChoiceKind;
  /** The classifier (and its training data, when not real + synthetic) the choice was made for. */
  classifier: string;
  chosen: string;
  innerWa: number;
  /** "shrunk: 78.12; plain: 74.01; mean-only: 80.40" in the candidates' order (skipped ones named). */
  candidates: string;
}

/** "C=10 gamma=0.000229" (C and gamma as searched; an unsearched one is absent). */
const svmText = (s: SvmSetting): string =>
  [s.C !== undefined ? `C=${Number(s.C.toPrecision(3))}` : '', s.gamma !== undefined ? `gamma=${Number(s.gamma.toPrecision(3))}` : '']
    .filter((t) => t !== '')
    .join(' ');

const scored = (name: string, wa: number): string => `${name}: ${wa.toFixed(2)}`;

const folds = (n: number): string => `${n} fold${n > 1 ? 's' : ''}`;

/** "a in 6 folds, b in 4": how often each value was chosen, most often first. */
function countsText(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([v, n]) => `${v} in ${folds(n)}`)
    .join(', ');
}

/** The classifier a choice was made for, with its training data when that is not the usual real + synthetic. */
const forWhom = (c: { classifier: string; trainOn?: string }): string =>
  `${c.classifier}${c.trainOn !== undefined && c.trainOn !== 'real+synthetic' ? ` (${c.trainOn})` : ''}`;

/** One summary line per kind of choice the run made, in the order the text output has always printed them. */
export function innerChoiceLines(r: ChoiceSource): string[] {
  const lines: string[] = [];
  if (r.search?.length)
    lines.push(
      `SVM settings chosen inside each training fold (inner leave-one-speaker-out): ${countsText(r.search.map((s) => svmText(s.chosen)))}`,
    );
  if (r.estimatorSearch?.length) {
    const candidates = r.estimatorSearch[0].candidates.map((c) => c.estimator).join(',');
    lines.push(
      'enrolment estimator chosen inside each training fold (inner leave-one-speaker-out, highest pooled inner WA, ties ' +
        `to the earlier of ${candidates}): ${countsText(r.estimatorSearch.map((c) => c.chosen))}`,
    );
  }
  if (r.augmentSearch?.length) {
    const byClassifier = new Map<string, Map<string, number>>();
    for (const c of r.augmentSearch) {
      const m = byClassifier.get(forWhom(c)) ?? new Map<string, number>();
      byClassifier.set(forWhom(c), m.set(c.chosen, (m.get(c.chosen) ?? 0) + 1));
    }
    // As the table labels an `auto` row: "noise in 6 folds, none in 4".
    const parts = [...byClassifier].map(
      ([k, m]) => `${k}: ${chosenCountsText([...m].map(([augment, n]) => ({ augment, folds: n })).sort((a, b) => b.folds - a.folds))}`,
    );
    const candidates = Array.isArray(r.config.autoCandidates) ? r.config.autoCandidates.map(String).join(',') : '';
    lines.push(
      'augmenter chosen inside each training fold (inner leave-one-speaker-out, highest pooled inner WA, ties to the earlier ' +
        `of ${candidates}): ${parts.join('; ')}`,
    );
  }
  return lines;
}

/** Every choice of every outer fold, in fold order (SVM settings, estimator, augmenter within a fold). */
export function foldChoiceRows(r: ChoiceSource): FoldChoiceRow[] {
  const rows: FoldChoiceRow[] = [
    ...(r.search ?? []).map((s) => ({
      fold: s.fold,
      group: s.group,
      kind: 'SVM settings' as const,
      classifier: s.classifier,
      chosen: svmText(s.chosen),
      innerWa: s.innerWa,
      candidates: s.grid.map((g) => scored(svmText(g.values), g.wa)).join('; '),
    })),
    ...(r.estimatorSearch ?? []).map((c) => ({
      fold: c.fold,
      group: c.group,
      kind: 'enrolment estimator' as const,
      classifier: c.classifier,
      chosen: c.chosen,
      innerWa: c.innerWa,
      candidates: c.candidates.map((e) => scored(e.estimator, e.wa)).join('; '),
    })),
    ...(r.augmentSearch ?? []).map((c) => ({
      fold: c.fold,
      group: c.group,
      kind: 'augmenter' as const,
      classifier: forWhom(c),
      chosen: c.chosen,
      innerWa: c.innerWa,
      candidates: [
        ...c.candidates.map((a) => scored(a.augment, a.wa)),
        ...(c.skipped ?? []).map((s) => `${s.augment} skipped (${s.reason})`),
      ].join('; '),
    })),
  ];
  // A stable sort keeps the kinds' order within a fold.
  return rows.sort((a, b) => a.fold - b.fold);
}

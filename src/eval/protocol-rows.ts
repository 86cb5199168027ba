import { pEquals } from './format.js';
import { mean, std } from './metrics.js';
import { augmentLabel, methodKey, verdictOf, type ChosenCount, type ResolvedAugmenter, type Verdict } from './results.js';

/** What the rows need of a results document: eval's EvaluationResults, or the report's leniently parsed copy of one. */
export interface RowsSource {
  protocol?: string;
  config: Record<string, unknown>;
  /** What `comparisons` test against when it is not no augmentation in the same document (e.g. fixed SVM settings). */
  comparedWith?: string;
  results: readonly {
    augment: string;
    classifier: string;
    trainOn: string;
    wa: number;
    uar: number;
    waRepeats?: number[];
    uarRepeats?: number[];
    seconds?: number | null;
    resolvedAs?: ResolvedAugmenter;
    resolvedPerFold?: ChosenCount[];
  }[];
  comparisons?: readonly { a: string; b: string; test: string; p: number | null; diffWa?: number | null; diffUar?: number | null }[];
}

/** One method under one protocol. WA / UAR: pooled over folds, mean (and sample sd) over seeds. */
export interface ProtocolRow {
  protocol: string;
  method: string;
  augment: string;
  resolvedAs?: ResolvedAugmenter;
  /** `--augment auto`: what the folds chose. */
  resolvedPerFold?: ChosenCount[];
  classifier: string;
  /** Classifier settings chosen inside the training folds (`--svm-c auto`, `--svm-gamma search`), e.g. "C, gamma by inner LOSO". */
  tuned?: string;
  trainOn: string;
  seeds: number;
  wa: number;
  waSd: number;
  uar: number;
  uarSd: number;
  /**
   * Against no augmentation with the same classifier and protocol (absent for `none` itself), or against what the
   * document's `comparedWith` names (`against`; e.g. a tuned SVM against the fixed settings).
   */
  vsNone?: { test: string; p: number; diffWa: number; diffUar: number; verdict: Verdict; against: string };
  /** Summed augmentation + classifier time over folds and seeds. */
  seconds: number;
}

/** The protocol a results document was measured under (older files: the config's, else per-fold). */
export function protocolOf(res: Pick<RowsSource, 'protocol' | 'config'>): string {
  const mode = String(res.protocol ?? res.config.normalisation ?? 'per-fold');
  // A run with --speaker-fallback mixes its speaker mode with per-fold folds: a protocol of its own.
  return res.config.speakerFallback === true ? `${mode} + per-fold fallback` : mode;
}

const sd = (v: number[]): number => (v.length > 1 ? std(v) : 0);

/** The order the evidence lists protocols in (per-fold, the enrolment modes, speaker, then others). */
export function protocolOrder(protocol: string): number {
  return protocol === 'per-fold'
    ? 0
    : protocol.startsWith('speaker-enrol') || protocol.startsWith('speaker-neutral')
      ? 1
      : protocol.startsWith('speaker')
        ? 2
        : 3;
}

/** What a document's SVM settings search chose inside the training folds, for the row label ("C, gamma by inner LOSO"). */
function tunedOf(config: Record<string, unknown>, classifier: string): string | undefined {
  const search = config.svmSearch as { C?: unknown; gamma?: unknown; extend?: unknown } | undefined;
  if (classifier !== 'svm' || !search) return undefined;
  const what = [search.C === true ? 'C' : '', search.gamma === true ? 'gamma' : ''].filter(Boolean);
  return what.length ? `${what.join(', ')} by inner LOSO${search.extend === true ? ', grid extended' : ''}` : undefined;
}

/** The rows of one protocol's results; the test quoted is the t-test over seeds when there is one, else McNemar. */
export function protocolRows(res: RowsSource): ProtocolRow[] {
  const protocol = protocolOf(res);
  return res.results.map((r) => {
    const key = methodKey(r);
    const cs = (res.comparisons ?? []).filter((c) => c.b === key && c.p !== null);
    // Within one document `none` is the baseline; a document compared with another one (comparedWith) tests every row.
    const c =
      r.augment === 'none' && !res.comparedWith
        ? undefined
        : (cs.find((x) => x.test === 'paired t-test over repeats') ?? cs.find((x) => x.test === 'McNemar'));
    const wa = r.waRepeats?.length ? r.waRepeats : [r.wa];
    const uar = r.uarRepeats?.length ? r.uarRepeats : [r.uar];
    const vs = c
      ? { test: c.test, p: c.p!, diffWa: c.diffWa ?? NaN, diffUar: c.diffUar ?? NaN, against: res.comparedWith ?? 'none' }
      : undefined;
    const tuned = tunedOf(res.config, r.classifier);
    return {
      protocol,
      method: key,
      augment: r.augment,
      ...(r.resolvedAs ? { resolvedAs: r.resolvedAs } : {}),
      ...(r.resolvedPerFold ? { resolvedPerFold: r.resolvedPerFold } : {}),
      classifier: r.classifier,
      ...(tuned ? { tuned } : {}),
      trainOn: r.trainOn,
      seeds: wa.length,
      wa: mean(wa),
      waSd: sd(wa),
      uar: mean(uar),
      uarSd: sd(uar),
      ...(vs ? { vsNone: { ...vs, verdict: verdictOf(vs.diffWa, vs.p) } } : {}),
      seconds: r.seconds ?? NaN,
    };
  });
}

/** "+1.23" / "-0.40" */
export const signed = (v: number): string => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;

/** "recommended (= recolour) + SVM", "auto (= noise in 6 folds, none in 4) + SVM", "none + SVM (C, gamma by inner LOSO)" */
export function methodLabel(r: Pick<ProtocolRow, 'augment' | 'resolvedAs' | 'resolvedPerFold' | 'classifier' | 'tuned'>): string {
  return `${augmentLabel(r)} + ${r.classifier.toUpperCase()}${r.tuned ? ` (${r.tuned})` : ''}`;
}

/** One plain line per protocol: each tested method better / worse / no different from its baseline (none), with its p. */
export function protocolVerdictLine(rows: readonly ProtocolRow[]): string {
  const parts = rows
    .filter((r) => r.vsNone)
    .map((r) => {
      const v = r.vsNone!;
      const word = v.verdict === 'no difference' ? `no difference from ${v.against}` : `${v.verdict.toUpperCase()} than ${v.against}`;
      return `${methodLabel(r)} ${word} (WA ${signed(v.diffWa)}, UAR ${signed(v.diffUar)}; ${v.test} ${pEquals(v.p)})`;
    });
  return `${rows[0]?.protocol ?? '?'}: ${parts.length ? parts.join('; ') : 'no method to compare'}.`;
}
